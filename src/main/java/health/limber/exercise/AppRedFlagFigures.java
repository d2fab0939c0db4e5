package health.limber.exercise;

import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.platform.HomeFigures;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On a clinician's home page: how many people with a running programme reported a red flag in the
 * app in the last two weeks (the same window as the caseload's alert), linked to the caseload
 * filtered to them; and how many programmes in the caseload have any alert.
 */
@Component
class AppRedFlagFigures implements HomeFigures {

    private final JdbcClient jdbc;
    private final health.limber.exercise.internal.ProgrammeReports reports;
    private final CurrentActor currentActor;
    private final Clock clock;

    AppRedFlagFigures(JdbcClient jdbc, health.limber.exercise.internal.ProgrammeReports reports, CurrentActor currentActor, Clock clock) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Figure> figures() {
        Actor actor = currentActor.get();
        if (actor.role() != Role.CLINICIAN || actor.servedIcbs().isEmpty()) {
            return List.of();
        }
        long people = jdbc.sql("""
                        select count(distinct p.id) from symptom_report s join programme p on p.id = s.programme_id
                        where p.icb_code in (:icbs) and p.end_date >= :today and s.reported_at >= :since""")
                .param("icbs", actor.servedIcbs())
                .param("today", health.limber.platform.LimberTime.today(clock))
                .param("since", Timestamp.from(clock.instant().minus(Duration.ofDays(14))))
                .query(Long.class).single();
        long alerts = reports.caseload().stream().filter(row -> !row.alerts().isEmpty()).count();
        return List.of(new Figure("Red flags reported in the exercise app (2 weeks)", people, "/programmes?alert=RED_FLAG", true),
                new Figure("Programmes in your caseload with an alert", alerts, "/programmes", false));
    }
}

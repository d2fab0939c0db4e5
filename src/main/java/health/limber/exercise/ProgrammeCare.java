package health.limber.exercise;

import health.limber.platform.LimberTime;
import health.limber.platform.PatientCare;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A person's exercise programmes: today's exercises first on their home page; every programme on their record. */
@Component
class ProgrammeCare implements PatientCare {

    private final JdbcClient jdbc;
    private final Clock clock;

    ProgrammeCare(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<Link> of(Person person, Audience audience) {
        LocalDate today = LimberTime.today(clock);
        List<Link> links = new ArrayList<>();
        jdbc.sql("""
                        select p.id, p.title, p.start_date, p.end_date, p.purpose,
                               (select count(*) from programme_item i where i.programme_id = p.id and i.version = p.version),
                               (select count(distinct l.exercise_id) from session_log l where l.programme_id = p.id and l.log_date = :today
                                  and l.status = 'CURRENT' and l.outcome <> 'NOT_DONE'),
                               (select count(distinct l.log_date) from session_log l where l.programme_id = p.id and l.status = 'CURRENT'
                                  and l.outcome <> 'NOT_DONE')
                        from programme p where p.patient_id = :patient order by p.start_date desc""")
                .param("patient", person.patientId()).param("today", today)
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    String title = rs.getString(2);
                    LocalDate start = rs.getObject(3, LocalDate.class);
                    LocalDate end = rs.getObject(4, LocalDate.class);
                    boolean running = !today.isBefore(start) && !today.isAfter(end);
                    if (audience == Audience.PATIENT) {
                        if (running) {
                            int exercises = rs.getInt(6);
                            int done = rs.getInt(7);
                            links.add(new Link("Today's exercises", title,
                                    done >= exercises && exercises > 0 ? "All " + exercises + " done today. Well done."
                                            : exercises + (exercises == 1 ? " exercise" : " exercises") + " today"
                                              + (done > 0 ? ", " + done + " done so far" : ""),
                                    "/my/exercises", today, 1));
                        }
                    } else {
                        String purpose = rs.getString(5) == null ? "" : ProgrammePurpose.valueOf(rs.getString(5)).label() + ". ";
                        int days = rs.getInt(8);
                        links.add(new Link("Exercise programme", title, purpose + (running ? "Running, " : "") + LimberTime.DAY.format(start) + " to "
                                + LimberTime.DAY.format(end) + "; exercised on " + days + (days == 1 ? " day" : " days") + " so far",
                                "/programmes/" + id, start, 30));
                    }
                });
        return links;
    }
}

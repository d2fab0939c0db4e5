package health.limber.waitinglist;

import health.limber.platform.LimberTime;
import health.limber.platform.PatientCare;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's waiting-list pathways, on their record. Pathways are keyed by NHS number (they arrive in
 * national files), so they are found by the record's number; the latest clock period says whether the
 * person is waiting and for how long.
 */
@Component
class PathwayCare implements PatientCare {

    private final JdbcClient jdbc;
    private final Clock clock;

    PathwayCare(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<Link> of(Person person, Audience audience) {
        if (audience != Audience.STAFF || person.nhsNumber() == null) {
            return List.of();
        }
        LocalDate today = LimberTime.today(clock);
        return jdbc.sql("""
                        select p.id, p.pathway_identifier, p.referral_received, c.start_date, c.end_date
                        from pathway p left join clock_period c on c.pathway_id = p.id
                          and c.period_no = (select max(c2.period_no) from clock_period c2 where c2.pathway_id = p.id)
                        where p.nhs_number = :nhs order by p.referral_received desc""")
                .param("nhs", person.nhsNumber())
                .query((rs, n) -> {
                    LocalDate start = rs.getObject(4, LocalDate.class);
                    LocalDate end = rs.getObject(5, LocalDate.class);
                    String state = start == null ? "No clock running"
                            : end == null ? "Waiting " + ChronoUnit.WEEKS.between(start, today) + " weeks (since " + LimberTime.DAY.format(start) + ")"
                            : "Clock stopped " + LimberTime.DAY.format(end);
                    return new Link("Waiting-list pathway", "Pathway " + rs.getString(2), state,
                            "/waiting-list/pathways/" + rs.getObject(1, UUID.class), rs.getObject(3, LocalDate.class), 20);
                })
                .list();
    }
}

package health.limber.outcome.internal;

import health.limber.platform.LimberTime;
import health.limber.platform.PatientCare;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** On a person's home page, the questionnaires they have to answer now. */
@Component
class OutcomeCare implements PatientCare {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int notReturnedAfter;

    OutcomeCare(JdbcClient jdbc, Clock clock, @Value("${limber.outcome.not-returned-after:14}") int notReturnedAfter) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.notReturnedAfter = notReturnedAfter;
    }

    @Override
    public List<Link> of(Person person, Audience audience) {
        if (audience != Audience.PATIENT) {
            return List.of();
        }
        LocalDate today = LimberTime.today(clock);
        int due = jdbc.sql("select count(*) from outcome_due where patient_id = :p and status = 'DUE' and due_on <= :today and due_on >= :since")
                .param("p", person.patientId()).param("today", today).param("since", today.minusDays(notReturnedAfter)).query(Integer.class).single();
        return due == 0 ? List.of() : List.of(new Link("Questionnaires", "Tell us how you are getting on",
                due == 1 ? "1 short questionnaire to answer" : due + " short questionnaires to answer", "/my/questionnaires", today, 2));
    }
}

package health.limber.outcome;

import health.limber.platform.LimberTime;
import health.limber.platform.PatientCare;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** On a person's home page, the questionnaires they have to answer now. */
@Component
class OutcomeCare implements PatientCare {

    private final OutcomeSchedules schedules;
    private final Clock clock;

    OutcomeCare(OutcomeSchedules schedules, Clock clock) {
        this.schedules = schedules;
        this.clock = clock;
    }

    @Override
    public List<Link> of(Person person, Audience audience) {
        if (audience != Audience.PATIENT) {
            return List.of();
        }
        int due = schedules.dueNowCount(person.patientId());
        LocalDate today = LimberTime.today(clock);
        return due == 0 ? List.of() : List.of(new Link("Questionnaires", "Tell us how you are getting on",
                due == 1 ? "1 short questionnaire to answer" : due + " short questionnaires to answer", "/my/questionnaires", today, 2));
    }
}

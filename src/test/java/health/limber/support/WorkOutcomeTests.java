package health.limber.support;

import static org.assertj.core.api.Assertions.assertThat;

import health.limber.patient.WorkStatus;
import health.limber.support.internal.WorkOutcome;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Back in work" and "stayed in work" (DOMAIN.md §10) on a hand-built set whose answer is worked out here. */
class WorkOutcomeTests {

    record Person(String who, WorkStatus baseline, WorkStatus discharge, WorkStatus followUp) {}

    static final WorkStatus OFF_SICK = WorkStatus.EMPLOYED_OFF_SICK;
    static final WorkStatus WORKING = WorkStatus.EMPLOYED_WORKING;
    static final WorkStatus SEEKING = WorkStatus.UNEMPLOYED_SEEKING_WORK;
    static final WorkStatus INACTIVE = WorkStatus.INACTIVE_ILL_HEALTH;

    /**
     * Ten people. Not working at baseline: Ann (off sick → working at discharge: back), Bea (off sick →
     * off sick, then working at follow-up: back), Cal (seeking work → seeking, follow-up unknown: not
     * back), Dee (inactive → working at follow-up only: back), Eli (off sick, nothing known later: not
     * counted). Working at baseline: Fay (working → working: stayed), Gus (working → off sick → off
     * sick: left), Hal (working → unknown → working: stayed). Neither group: Ivy (retired), and Jo
     * (baseline unknown). So back in work 3 of 4 counted, stayed in work 2 of 3.
     */
    static final List<Person> PEOPLE = List.of(
            new Person("Ann", OFF_SICK, WORKING, null),
            new Person("Bea", OFF_SICK, OFF_SICK, WORKING),
            new Person("Cal", SEEKING, SEEKING, null),
            new Person("Dee", INACTIVE, null, WORKING),
            new Person("Eli", OFF_SICK, null, null),
            new Person("Fay", WORKING, WORKING, null),
            new Person("Gus", WORKING, OFF_SICK, OFF_SICK),
            new Person("Hal", WORKING, null, WORKING),
            new Person("Ivy", WorkStatus.RETIRED, WorkStatus.RETIRED, null),
            new Person("Jo", null, WORKING, WORKING));

    @Test
    void backInWorkAndStayedInWorkOnAHandBuiltSet() {
        Map<WorkOutcome, Integer> counts = new EnumMap<>(WorkOutcome.class);
        for (Person p : PEOPLE) {
            counts.merge(WorkOutcome.of(p.baseline(), p.discharge(), p.followUp()), 1, Integer::sum);
        }
        int back = counts.getOrDefault(WorkOutcome.BACK_IN_WORK, 0);
        int notWorkingAtStart = back + counts.getOrDefault(WorkOutcome.NOT_BACK_IN_WORK, 0);
        int stayed = counts.getOrDefault(WorkOutcome.STAYED_IN_WORK, 0);
        int workingAtStart = stayed + counts.getOrDefault(WorkOutcome.LEFT_WORK, 0);
        assertThat(back).isEqualTo(3);
        assertThat(notWorkingAtStart).isEqualTo(4);
        assertThat(stayed).isEqualTo(2);
        assertThat(workingAtStart).isEqualTo(3);
        assertThat(counts.get(WorkOutcome.NOT_COUNTED)).isEqualTo(3);
    }

    @Test
    void eachPersonAsWorkedOut() {
        assertThat(WorkOutcome.of(OFF_SICK, WORKING, null)).isEqualTo(WorkOutcome.BACK_IN_WORK);
        assertThat(WorkOutcome.of(SEEKING, SEEKING, null)).isEqualTo(WorkOutcome.NOT_BACK_IN_WORK);
        assertThat(WorkOutcome.of(WORKING, OFF_SICK, OFF_SICK)).isEqualTo(WorkOutcome.LEFT_WORK);
        assertThat(WorkOutcome.of(WorkStatus.STUDENT, WORKING, null)).isEqualTo(WorkOutcome.NOT_COUNTED);
        assertThat(WorkOutcome.of(OFF_SICK, null, null)).isEqualTo(WorkOutcome.NOT_COUNTED);
    }
}

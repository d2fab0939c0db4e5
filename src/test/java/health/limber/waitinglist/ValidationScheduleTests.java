package health.limber.waitinglist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.limber.waitinglist.internal.ClockRuleException;
import health.limber.waitinglist.internal.Validation;
import health.limber.waitinglist.internal.ValidationSchedule;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** DOMAIN.md §3: validation due at 12, 26 and 52 weeks, then every 12 weeks. */
class ValidationScheduleTests {

    static final LocalDate START = LocalDate.of(2024, 1, 1);

    @Test
    void dueAtTwelveTwentySixFiftyTwoThenEveryTwelveWeeks() {
        assertThat(ValidationSchedule.nextDue(START, null)).isEqualTo(START.plusWeeks(12));
        assertThat(ValidationSchedule.nextDue(START, START.plusWeeks(12))).isEqualTo(START.plusWeeks(26));
        assertThat(ValidationSchedule.nextDue(START, START.plusWeeks(13))).isEqualTo(START.plusWeeks(26));
        assertThat(ValidationSchedule.nextDue(START, START.plusWeeks(26))).isEqualTo(START.plusWeeks(52));
        assertThat(ValidationSchedule.nextDue(START, START.plusWeeks(52))).isEqualTo(START.plusWeeks(64));
        assertThat(ValidationSchedule.nextDue(START, START.plusWeeks(70))).isEqualTo(START.plusWeeks(76));
    }

    @Test
    void aValidationBeforeTheFirstDueDateDoesNotCoverIt() {
        assertThat(ValidationSchedule.nextDue(START, START.plusWeeks(11))).isEqualTo(START.plusWeeks(12));
    }

    @Test
    void aRemovalOutcomeStopsTheClockAndAClinicalReviewMayReprioritise() {
        Pathway pathway = PathwayTests.pathway();
        LocalDate on = PathwayTests.RECEIVED.plusWeeks(13);
        pathway.validate(on, new Validation(Validation.Kind.CLINICAL, Validation.Outcome.STILL_WAITING), Priority.URGENT);
        assertThat(pathway.isRunning()).isTrue();
        assertThat(pathway.priority()).isEqualTo(Priority.URGENT);
        assertThat(pathway.nextValidationDue()).contains(PathwayTests.RECEIVED.plusWeeks(26));

        pathway.validate(on.plusWeeks(14), new Validation(Validation.Kind.PATIENT_CONTACT, Validation.Outcome.NO_LONGER_NEEDED), null);
        assertThat(pathway.isRunning()).isFalse();
        assertThat(pathway.currentPeriod().orElseThrow().endReason()).isEqualTo(StopReason.DISCHARGED);
        assertThat(pathway.nextValidationDue()).isEmpty();
        assertThatThrownBy(() -> pathway.validate(on.plusWeeks(15),
                new Validation(Validation.Kind.ADMINISTRATIVE, Validation.Outcome.STILL_WAITING), null))
                .isInstanceOf(ClockRuleException.class);
    }
}

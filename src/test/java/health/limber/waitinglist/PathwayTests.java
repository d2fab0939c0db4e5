package health.limber.waitinglist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.limber.waitinglist.internal.ClockEvent;
import health.limber.waitinglist.internal.ClockPeriod;
import health.limber.waitinglist.internal.ClockRuleException;
import health.limber.waitinglist.internal.ClockRules;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The clock rules of DOMAIN.md §3, each with a worked case. */
class PathwayTests {

    static final LocalDate RECEIVED = LocalDate.of(2024, 9, 2);

    static Pathway pathway() {
        return Pathway.open(new PathwayKey("P1", "RZA"), "9434765919", LocalDate.of(1970, 1, 1), RECEIVED,
                SourceOfReferral.GP, "ORTT", "650", Priority.ROUTINE, "RZA", "QHL", RECEIVED);
    }

    @Test
    void theClockStartsOnTheDateTheReferralWasReceived() {
        Pathway pathway = pathway();
        assertThat(pathway.isWaitingOn(RECEIVED)).isTrue();
        assertThat(pathway.isWaitingOn(RECEIVED.minusDays(1))).isFalse();
        assertThat(pathway.daysWaitedOn(RECEIVED.plusDays(127), ClockRules.NATIONAL)).contains(127L);
    }

    @Test
    void aStopDatedOnTheCensusDateMeansNotWaitingThatDay() {
        Pathway pathway = pathway();
        LocalDate seen = LocalDate.of(2024, 12, 1);
        pathway.stopClock(seen, StopReason.FIRST_TREATMENT);
        assertThat(pathway.isWaitingOn(seen.minusDays(1))).isTrue();
        assertThat(pathway.isWaitingOn(seen)).isFalse();
        assertThat(pathway.daysWaitedOn(seen, ClockRules.NATIONAL)).isEmpty();
    }

    @Test
    void aStopKeepsTheKindOfCareThatStoppedItAndAStopWithoutOneHasNone() {
        Pathway pathway = pathway();
        pathway.stopClock(RECEIVED.plusDays(40), StopReason.FIRST_TREATMENT, KindOfCare.GROUP_CLASS);
        assertThat(pathway.events()).last().isEqualTo(new ClockEvent(ClockEvent.Type.STOP, RECEIVED.plusDays(40), "FIRST_TREATMENT:GROUP_CLASS"));
        assertThat(pathway.periods()).singleElement().isEqualTo(new ClockPeriod(RECEIVED, RECEIVED.plusDays(40), StopReason.FIRST_TREATMENT,
                KindOfCare.GROUP_CLASS));
        Pathway imported = pathway();
        imported.stopClock(RECEIVED.plusDays(40), StopReason.FIRST_TREATMENT);
        assertThat(imported.periods()).singleElement().extracting(ClockPeriod::stoppedBy).isNull();
    }

    @Test
    void dnaAtTheFirstAppointmentNullifiesTheClockAndARebookingStartsANewOne() {
        Pathway pathway = pathway();
        LocalDate dna = LocalDate.of(2024, 10, 15);
        pathway.recordDidNotAttend(dna, true, false);
        assertThat(pathway.isRunning()).isFalse();
        assertThat(pathway.periods()).singleElement().extracting(ClockPeriod::endReason).isEqualTo(StopReason.DNA_NULLIFIED);
        assertThat(pathway.isWaitingOn(dna.plusDays(1))).isFalse();

        LocalDate rebooked = LocalDate.of(2024, 10, 20);
        pathway.startClock(rebooked);
        assertThat(pathway.daysWaitedOn(rebooked.plusDays(10), ClockRules.NATIONAL)).contains(10L);
    }

    @Test
    void aLaterDnaStopsTheClockOnlyWithADischarge() {
        Pathway pathway = pathway();
        LocalDate dna = LocalDate.of(2024, 11, 1);
        pathway.recordDidNotAttend(dna, false, false);
        assertThat(pathway.isRunning()).isTrue();
        pathway.recordDidNotAttend(dna.plusDays(14), false, true);
        assertThat(pathway.isRunning()).isFalse();
        assertThat(pathway.currentPeriod().orElseThrow().endReason()).isEqualTo(StopReason.DISCHARGED);
    }

    @Test
    void aCancellationInAdvanceIsNotADnaAndTheClockRunsOn() {
        Pathway pathway = pathway();
        pathway.recordCancellation(LocalDate.of(2024, 10, 1), "patient");
        assertThat(pathway.isRunning()).isTrue();
        assertThat(pathway.daysWaitedOn(LocalDate.of(2024, 12, 1), ClockRules.NATIONAL)).contains(90L);
    }

    @Test
    void patientChoiceDelaysDoNotPauseTheClockUnlessLocalPausesAreSwitchedOn() {
        Pathway pathway = pathway();
        pathway.recordPatientChoiceDelay(LocalDate.of(2024, 10, 1), 14);
        LocalDate census = LocalDate.of(2024, 12, 1);
        assertThat(pathway.daysWaitedOn(census, ClockRules.NATIONAL)).contains(90L);
        assertThat(pathway.daysWaitedOn(census, new ClockRules(true))).contains(76L);
    }

    @Test
    void aClockCannotStopTwiceOrBeforeItStarted() {
        Pathway pathway = pathway();
        assertThatThrownBy(() -> pathway.stopClock(RECEIVED.minusDays(1), StopReason.DISCHARGED))
                .isInstanceOf(ClockRuleException.class);
        pathway.stopClock(RECEIVED.plusDays(3), StopReason.DISCHARGED);
        assertThatThrownBy(() -> pathway.stopClock(RECEIVED.plusDays(4), StopReason.DISCHARGED))
                .isInstanceOf(ClockRuleException.class);
        assertThatThrownBy(() -> pathway.startClock(RECEIVED.plusDays(2))).isInstanceOf(ClockRuleException.class);
    }

    @Test
    void priorityChangesAndTransfersAreRecordedAsEvents() {
        Pathway pathway = pathway();
        pathway.changePriority(LocalDate.of(2024, 9, 10), Priority.URGENT);
        pathway.changePriority(LocalDate.of(2024, 9, 11), Priority.URGENT);
        pathway.transfer(LocalDate.of(2024, 9, 12), "RZB", "QHL");
        assertThat(pathway.events()).extracting(ClockEvent::type).containsExactly(ClockEvent.Type.START,
                ClockEvent.Type.PRIORITY_CHANGE, ClockEvent.Type.TRANSFER);
        assertThat(pathway.priority()).isEqualTo(Priority.URGENT);
        assertThat(pathway.providerCode()).isEqualTo("RZB");
    }
}

package health.limber.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.limber.platform.InvalidInputException;
import health.limber.referral.internal.NewReferral;
import health.limber.referral.internal.Referral;
import health.limber.referral.internal.ReferralHistoryEntry;
import health.limber.referral.internal.ReferralReceived;
import health.limber.referral.internal.ReferralRedirected;
import health.limber.referral.internal.ReferralRejected;
import health.limber.referral.internal.ReferralStatus;
import health.limber.referral.internal.ReferralTriaged;
import health.limber.referral.internal.TriageDecision;
import health.limber.referral.internal.TriageOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The referral's life on the aggregate: red flags and the routine queue, and the events of each transition. */
class ReferralTests {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-11-24");

    static Referral referral(RedFlagLevel level) {
        RedFlagScreen screen = switch (level) {
            case EMERGENCY -> RedFlagQuestionsTests.QUESTIONS.screen(RedFlagQuestionsTests.allIds(), List.of("CES_BOTH_LEGS"));
            case URGENT -> RedFlagQuestionsTests.QUESTIONS.screen(RedFlagQuestionsTests.allIds(), List.of("FEVER"));
            case NONE -> RedFlagQuestionsTests.QUESTIONS.screen(RedFlagQuestionsTests.allIds(), List.of());
        };
        var details = new NewReferral(ReferralSource.GP, null, TODAY.minusDays(3), "QHL", null, "Dr Test", null, "Ada",
                "Tester", LocalDate.parse("1970-01-01"), null, "07700 900123", null, List.of(), "en", false, List.of(), null,
                Set.of(BodySite.BACK), SymptomDuration.UNDER_6_WEEKS, null, Urgency.ROUTINE, screen, null, null, null, null,
                false, false, true);
        Referral referral = Referral.receive(details, "MSK-TEST-0001", NOW, "admin.qhl", null);
        referral.linkPatient(UUID.randomUUID(), "test", "clinician.qhl", NOW);
        referral.confirmNhsNumber(new health.limber.patient.NhsNumber("9434765919"), "clinician.qhl", NOW);
        return referral;
    }

    static TriageDecision accept(CarePathway pathway, Urgency priority, String override) {
        return new TriageDecision(TriageOutcome.ACCEPT, pathway, priority, "Assessed", false, false, override, null, null);
    }

    @Test
    void receivingPublishesReferralReceived() {
        Referral referral = referral(RedFlagLevel.NONE);
        assertThat(referral.events()).singleElement().isInstanceOf(ReferralReceived.class);
    }

    @Test
    void aRedFlagCannotBeTriagedToRoutineWithoutAnOverride() {
        Referral referral = referral(RedFlagLevel.URGENT);
        assertThatThrownBy(() -> referral.triage(accept(CarePathway.PHYSIOTHERAPY, Urgency.ROUTINE, null), "c", "RZA", NOW, TODAY))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("overrideReason");
        assertThat(referral.status()).isEqualTo(ReferralStatus.RECEIVED);
    }

    @Test
    void aRedFlagCannotGoToSelfManagementEvenAsUrgentWithoutAnOverride() {
        Referral referral = referral(RedFlagLevel.EMERGENCY);
        assertThatThrownBy(() -> referral.triage(accept(CarePathway.DIGITAL_SELF_MANAGEMENT, Urgency.URGENT, " "), "c", "RZA", NOW, TODAY))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anOverrideWithAReasonIsRecordedInTheHistoryAndTheEvent() {
        Referral referral = referral(RedFlagLevel.URGENT);
        referral.triage(accept(CarePathway.PHYSIOTHERAPY, Urgency.ROUTINE, "Fever explained by a chest infection, treated by GP"),
                "clinician.qhl", "RZA", NOW, TODAY);
        assertThat(referral.status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(referral.overrideReason()).contains("chest infection");
        assertThat(referral.events()).filteredOn(ReferralTriaged.class::isInstance)
                .singleElement().extracting(e -> ((ReferralTriaged) e).overridden()).isEqualTo(true);
        assertThat(referral.historyEntries()).last().extracting(ReferralHistoryEntry::detail).asString().contains("overridden");
    }

    @Test
    void aRedFlagMayBeAcceptedAsUrgentWithoutOverride() {
        Referral referral = referral(RedFlagLevel.URGENT);
        referral.triage(accept(CarePathway.PHYSIOTHERAPY, Urgency.URGENT, null), "clinician.qhl", "RZA", NOW, TODAY);
        assertThat(referral.overrideReason()).isNull();
    }

    @Test
    void acceptingPublishesTriagedThenAcceptedWithTheReceivedDate() {
        Referral referral = referral(RedFlagLevel.NONE);
        referral.triage(accept(CarePathway.GROUP_CLASS, Urgency.ROUTINE, null), "clinician.qhl", "RZA", NOW, TODAY);
        assertThat(referral.events()).hasSize(3);
        assertThat(referral.events().get(1)).isInstanceOf(ReferralTriaged.class);
        var accepted = (ReferralAccepted) referral.events().get(2);
        assertThat(accepted.receivedOn()).isEqualTo(TODAY.minusDays(3));
        assertThat(accepted.providerCode()).isEqualTo("RZA");
        assertThat(accepted.pathway()).isEqualTo(CarePathway.GROUP_CLASS);
    }

    @Test
    void redirectingAndRejectingPublishTheirEvents() {
        Referral redirected = referral(RedFlagLevel.NONE);
        redirected.triage(new TriageDecision(TriageOutcome.REDIRECT, null, null, "Inflammatory picture", false, false, null,
                "Rheumatology, City Hospital", null), "c", "RZA", NOW, TODAY);
        assertThat(redirected.events()).last().isInstanceOf(ReferralRedirected.class);

        Referral rejected = referral(RedFlagLevel.NONE);
        assertThatThrownBy(() -> rejected.triage(new TriageDecision(TriageOutcome.REJECT, null, null, "Duplicate", false, false,
                null, null, "short"), "c", "RZA", NOW, TODAY)).hasMessageContaining("letter");
        rejected.triage(new TriageDecision(TriageOutcome.REJECT, null, null, "Duplicate", false, false, null, null,
                "Dear Dr Test, this person is already under our care (reference MSK-AAAA-BBBB)."), "c", "RZA", NOW, TODAY);
        assertThat(rejected.events()).last().isInstanceOf(ReferralRejected.class);
    }

    @Test
    void aReferralIsTriagedOnlyOnce() {
        Referral referral = referral(RedFlagLevel.NONE);
        referral.triage(accept(CarePathway.PHYSIOTHERAPY, Urgency.ROUTINE, null), "c", "RZA", NOW, TODAY);
        assertThatThrownBy(() -> referral.triage(accept(CarePathway.PHYSIOTHERAPY, Urgency.ROUTINE, null), "c", "RZA", NOW, TODAY))
                .hasMessageContaining("already triaged");
    }

    @Test
    void aRedFlagReportedLaterRaisesTheLevelAndNeverLowersIt() {
        Referral referral = referral(RedFlagLevel.URGENT);
        referral.reportRedFlags(Set.of("CES_GAIT"), RedFlagLevel.EMERGENCY, "Patient app", "patient", NOW);
        assertThat(referral.redFlagLevel()).isEqualTo(RedFlagLevel.EMERGENCY);
        referral.reportRedFlags(Set.of("FEVER"), RedFlagLevel.URGENT, "Validation", "c", NOW);
        assertThat(referral.redFlagLevel()).isEqualTo(RedFlagLevel.EMERGENCY);
    }
}

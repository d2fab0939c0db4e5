package health.limber.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.limber.platform.ConflictException;
import health.limber.platform.InvalidInputException;
import health.limber.support.internal.FitNote;
import health.limber.support.internal.Need;
import health.limber.support.internal.SupportReferral;
import health.limber.support.internal.SupportReferral.ContactMode;
import health.limber.support.internal.SupportReferral.OutcomeKind;
import health.limber.support.internal.SupportService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules a support referral and a fit note keep, without a database. */
class SupportRulesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final SupportService IN_HOUSE = new SupportService("IN_HOUSE_EMPLOYMENT", "Employment adviser", Need.EMPLOYMENT, true, null, null, null,
            null, "x", true);
    static final SupportService OUTSIDE = new SupportService("CONNECT_TO_WORK", "Connect to Work", Need.EMPLOYMENT, false, null, null, null, null,
            "x", true);

    static SupportReferral referral(SupportService service, SupportReferral.Consent consent) {
        return SupportReferral.refer(new SupportReferral.Details(UUID.randomUUID(), UUID.randomUUID(), "QHL", "PHYSIOTHERAPY", service,
                "Off work", SupportReferral.Source.CLINICIAN, consent, false), "clinician.qhl", TODAY.minusDays(10), NOW);
    }

    @Test
    void anOutsideServiceNeedsConsentAndWhatIsShared() {
        assertThatThrownBy(() -> referral(OUTSIDE, null)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("consent");
        assertThatThrownBy(() -> referral(OUTSIDE, new SupportReferral.Consent("c", NOW, " ", null, null))).isInstanceOf(InvalidInputException.class);
        assertThat(referral(IN_HOUSE, null).status()).isEqualTo(SupportReferral.Status.REFERRED);
    }

    @Test
    void aFirstContactStartsTheWorkAndDatesStayBetweenTheReferralAndToday() {
        SupportReferral r = referral(IN_HOUSE, null);
        assertThatThrownBy(() -> r.recordContact(TODAY.minusDays(11), ContactMode.PHONE, 30, null, "a", TODAY, NOW))
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("contactOn");
        assertThatThrownBy(() -> r.recordContact(TODAY.plusDays(1), ContactMode.PHONE, 30, null, "a", TODAY, NOW))
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("contactOn");
        r.recordContact(TODAY.minusDays(3), ContactMode.PHONE, 30, null, "a", TODAY, NOW);
        r.recordContact(TODAY.minusDays(5), ContactMode.IN_PERSON, 45, null, "a", TODAY, NOW);
        assertThat(r.status()).isEqualTo(SupportReferral.Status.IN_PROGRESS);
        assertThat(r.firstContactOn()).isEqualTo(TODAY.minusDays(5));
        assertThat(r.acceptedOn()).isEqualTo(TODAY.minusDays(3));
    }

    @Test
    void anOutcomeNeedsSupportUnderWayAndNoneComesAfterClosing() {
        SupportReferral r = referral(IN_HOUSE, null);
        assertThatThrownBy(() -> r.recordOutcome(OutcomeKind.RETURNED_TO_WORK, TODAY, null, "a", TODAY, NOW)).isInstanceOf(ConflictException.class);
        r.accept(TODAY);
        r.recordOutcome(OutcomeKind.RETURNED_TO_WORK, TODAY, null, "a", TODAY, NOW);
        r.close(SupportReferral.CloseReason.SUPPORT_GIVEN, null, TODAY);
        assertThatThrownBy(() -> r.recordOutcome(OutcomeKind.STAYED_IN_WORK, TODAY, null, "a", TODAY, NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> r.close(SupportReferral.CloseReason.SUPPORT_GIVEN, null, TODAY)).isInstanceOf(ConflictException.class);
        assertThat(OutcomeKind.RETURNED_TO_WORK.workStatus()).isEqualTo(health.limber.patient.WorkStatus.EMPLOYED_WORKING);
        assertThat(OutcomeKind.DEBT_ADVICE_GIVEN.workStatus()).isNull();
    }

    @Test
    void withdrawingConsentToAnOutsideServiceClosesTheReferral() {
        SupportReferral r = referral(OUTSIDE, new SupportReferral.Consent("clinician.qhl", NOW, "Name and phone", null, null));
        r.withdrawConsent("patient", NOW, TODAY);
        assertThat(r.status()).isEqualTo(SupportReferral.Status.CLOSED);
        assertThat(r.closeReason()).isEqualTo(SupportReferral.CloseReason.CONSENT_WITHDRAWN);
        assertThat(r.consent().withdrawnBy()).isEqualTo("patient");
        assertThat(r.consent().givenBy()).as("who gave it is kept").isEqualTo("clinician.qhl");
        assertThatThrownBy(() -> r.withdrawConsent("patient", NOW, TODAY)).isInstanceOf(ConflictException.class);
    }

    static FitNote.Advice advice(FitNote.Fitness fitness, boolean phased, LocalDate from, LocalDate to) {
        return new FitNote.Advice(fitness, phased, false, false, false, null, "Low back pain", from, to);
    }

    @Test
    void aFitNoteEndsOnOrAfterItStartsCoversThreeMonthsAtMostAndMatchesAdviceToAdjustments() {
        assertThatThrownBy(() -> FitNote.check(advice(FitNote.Fitness.NOT_FIT, false, TODAY, TODAY.minusDays(1)), TODAY))
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("endsOn");
        assertThatThrownBy(() -> FitNote.check(advice(FitNote.Fitness.NOT_FIT, false, TODAY, TODAY.plusMonths(4)), TODAY))
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("endsOn");
        assertThatThrownBy(() -> FitNote.check(advice(FitNote.Fitness.NOT_FIT, true, TODAY, TODAY.plusDays(14)), TODAY))
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("fitness");
        assertThatThrownBy(() -> FitNote.check(advice(FitNote.Fitness.MAY_BE_FIT, false, TODAY, TODAY.plusDays(14)), TODAY))
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("comments");
        FitNote.check(advice(FitNote.Fitness.MAY_BE_FIT, true, TODAY, TODAY.plusDays(14)), TODAY);
    }

    @Test
    void twoFitNotesOverlapWhenTheyShareADayUntilTheFirstIsEndedEarly() {
        FitNote first = new FitNote(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "QHL", FitNote.Fitness.NOT_FIT, false, false, false,
                false, null, "Back", TODAY, TODAY.plusDays(27), "c", "C", NOW, null);
        assertThat(first.overlaps(TODAY.plusDays(27), TODAY.plusDays(40))).isTrue();
        assertThat(first.overlaps(TODAY.plusDays(28), TODAY.plusDays(40))).isFalse();
        assertThat(first.overlaps(TODAY.minusDays(5), TODAY)).isTrue();
        FitNote ended = new FitNote(first.id(), first.episodeId(), first.patientId(), "QHL", first.fitness(), false, false, false, false, null,
                "Back", TODAY, TODAY.plusDays(27), "c", "C", NOW, TODAY.plusDays(9));
        assertThat(ended.overlaps(TODAY.plusDays(10), TODAY.plusDays(40))).isFalse();
        assertThat(ended.summary()).isEqualTo("Not fit for work");
    }
}

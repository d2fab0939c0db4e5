package health.limber.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.limber.episode.internal.Episode;
import health.limber.patient.PatientId;
import health.limber.platform.InvalidInputException;
import health.limber.platform.LimberTime;
import health.limber.referral.CarePathway;
import health.limber.referral.ReferralId;
import health.limber.referral.ReferralSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The episode's own rules (DOMAIN.md §3b): discharge, the PIFU window and its requests, status by date. */
class EpisodeTests {

    static final LocalDate OPENED = LocalDate.of(2026, 3, 2);
    static final Instant LATER = LocalDate.of(2026, 5, 4).atTime(11, 0).atZone(LimberTime.ZONE).toInstant();

    static Episode episode() {
        return Episode.open(PatientId.of(UUID.randomUUID()), ReferralId.of(UUID.randomUUID()), "MSK-TEST-0001", "QHL", "RZA",
                CarePathway.PHYSIOTHERAPY, ReferralSource.GP, OPENED.minusDays(10), OPENED, null, OPENED.atStartOfDay(LimberTime.ZONE).toInstant());
    }

    static InvalidInputException refused(Runnable change) {
        try {
            change.run();
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aDischargeNeedsAReasonAndADateInsideTheEpisode() {
        Episode e = episode();
        assertThat(refused(() -> e.discharge(null, OPENED, null, null, null, 6, "c", LATER)).field()).isEqualTo("reason");
        assertThat(refused(() -> e.discharge(DischargeReason.TREATMENT_COMPLETE, null, null, null, null, 6, "c", LATER)).field()).isEqualTo("on");
        assertThat(refused(() -> e.discharge(DischargeReason.TREATMENT_COMPLETE, OPENED.minusDays(1), null, null, null, 6, "c", LATER)).field())
                .isEqualTo("on");
        assertThat(refused(() -> e.discharge(DischargeReason.TREATMENT_COMPLETE, LimberTime.dateOf(LATER).plusDays(1), null, null, null, 6, "c",
                LATER)).getMessage()).contains("future");
        assertThat(refused(() -> e.discharge(DischargeReason.REFERRED_ON, OPENED, null, " ", null, 6, "c", LATER)).field()).isEqualTo("referredTo");
        assertThat(refused(() -> e.discharge(DischargeReason.TREATMENT_COMPLETE, OPENED, null, null, 3, 6, "c", LATER)).field())
                .isEqualTo("followUpMonths");
        assertThat(refused(() -> e.discharge(DischargeReason.PATIENT_INITIATED_FOLLOW_UP, OPENED, null, null, 12, 6, "c", LATER)).field())
                .isEqualTo("followUpMonths");
        assertThat(refused(() -> e.discharge(DischargeReason.TREATMENT_COMPLETE, OPENED, "x".repeat(2001), null, null, 6, "c", LATER)).field())
                .isEqualTo("note");
        assertThat(e.discharge()).as("a refused discharge changes nothing").isEmpty();

        e.discharge(DischargeReason.REFERRED_ON, OPENED.plusDays(30), "Needs surgical opinion", " Orthopaedics ", null, 6, "clinician", LATER);
        assertThat(e.discharge().orElseThrow().referredTo()).isEqualTo("Orthopaedics");
        assertThat(e.status(LimberTime.dateOf(LATER))).isEqualTo(Episode.Status.CLOSED);
        assertThat(refused(() -> e.discharge(DischargeReason.TREATMENT_COMPLETE, OPENED, null, null, null, 6, "c", LATER)).field())
                .as("discharged once").isEqualTo("episode");
    }

    @Test
    void aPifuDischargeGivesAWindowOfTheServicesLengthOrTheOneChosen() {
        Episode byDefault = episode();
        byDefault.discharge(DischargeReason.PATIENT_INITIATED_FOLLOW_UP, OPENED.plusDays(20), null, null, null, 6, "c", LATER);
        assertThat(byDefault.discharge().orElseThrow().followUpUntil()).isEqualTo(OPENED.plusDays(20).plusMonths(6));
        Episode chosen = episode();
        chosen.discharge(DischargeReason.PATIENT_INITIATED_FOLLOW_UP, OPENED.plusDays(20), null, null, 3, 6, "c", LATER);
        assertThat(chosen.discharge().orElseThrow().followUpUntil()).isEqualTo(LocalDate.of(2026, 6, 22));
        assertThat(chosen.status(LocalDate.of(2026, 6, 22))).as("the window's last day is in it").isEqualTo(Episode.Status.FOLLOW_UP_WINDOW);
        assertThat(chosen.status(LocalDate.of(2026, 6, 23))).as("then it lapses by itself").isEqualTo(Episode.Status.CLOSED);
    }

    @Test
    void aFollowUpIsTakenOnlyInsideTheWindowAndOnceWhileItWaits() {
        Episode e = episode();
        assertThat(refused(() -> e.requestFollowUp("sore", "p", LATER)).field()).as("not discharged: nothing to ask for").isEqualTo("episode");
        e.discharge(DischargeReason.PATIENT_INITIATED_FOLLOW_UP, OPENED.plusDays(20), null, null, 3, 6, "c", LATER);
        Instant inside = LocalDate.of(2026, 6, 22).atTime(23, 30).atZone(LimberTime.ZONE).toInstant();
        Episode.FollowUpRequest first = e.requestFollowUp("The pain is back", "patient", inside);
        assertThat(e.requestFollowUp("again", "patient", inside)).as("asking again returns the waiting request").isEqualTo(first);
        assertThat(e.followUps()).hasSize(1);
        assertThat(refused(() -> e.answerFollowUp(first.id(), " ", "c", inside)).field()).isEqualTo("answer");
        e.answerFollowUp(first.id(), "Booked for 1 July", "clinician", inside);
        assertThat(e.followUps().get(0).isOpen()).isFalse();
        Instant after = LocalDate.of(2026, 6, 23).atTime(0, 30).atZone(LimberTime.ZONE).toInstant();
        assertThat(refused(() -> e.requestFollowUp("late", "patient", after)).getMessage()).contains("ended on 22 June 2026");
        Episode notPifu = episode();
        notPifu.discharge(DischargeReason.TREATMENT_COMPLETE, OPENED.plusDays(20), null, null, null, 6, "c", LATER);
        assertThat(refused(() -> notPifu.requestFollowUp("sore", "p", LATER)).field()).isEqualTo("episode");
    }

    @Test
    void aRequestWaitingForAnAnswerKeepsTheEpisodeInItsWindowAfterTheLastDay() {
        Episode e = episode();
        e.discharge(DischargeReason.PATIENT_INITIATED_FOLLOW_UP, OPENED.plusDays(20), null, null, 3, 6, "c", LATER);
        e.requestFollowUp(null, "patient", LocalDate.of(2026, 6, 20).atTime(9, 0).atZone(LimberTime.ZONE).toInstant());
        assertThat(e.status(LocalDate.of(2026, 7, 1))).isEqualTo(Episode.Status.FOLLOW_UP_WINDOW);
        assertThatThrownBy(() -> Episode.open(PatientId.of(UUID.randomUUID()), ReferralId.of(UUID.randomUUID()), "R", "QHL", "RZA",
                CarePathway.PHYSIOTHERAPY, ReferralSource.GP, OPENED, OPENED.minusDays(1), null, LATER)).isInstanceOf(IllegalArgumentException.class);
    }
}

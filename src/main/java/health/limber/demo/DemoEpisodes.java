package health.limber.demo;

import health.limber.episode.DischargeReason;
import health.limber.episode.EpisodeBulkLoad;
import health.limber.episode.EpisodeBulkLoad.PastDischarge;
import health.limber.episode.EpisodeBulkLoad.PastEpisode;
import health.limber.patient.PatientBulkLoad;
import health.limber.platform.LimberTime;
import health.limber.referral.CarePathway;
import health.limber.referral.ReferralBulkLoad.PastReferral;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Episodes of care for the demo: some of each ICB's accepted referrals are for its demo patients
 * (the referral takes the patient's name and date of birth), and each such referral has its
 * episode, a spread of them discharged. In the tour's ICB the signed-in patient's episode ended two
 * weeks ago with patient-initiated follow-up, so they can ask for a follow-up in the app.
 */
@Component
class DemoEpisodes {

    /** Kinds of care whose referrals the demo links to patients (one-stop referrals stay with the clinic demo's people). */
    private static final Set<CarePathway> LINKED = Set.of(CarePathway.PHYSIOTHERAPY, CarePathway.DIGITAL_SELF_MANAGEMENT, CarePathway.GROUP_CLASS);

    private final EpisodeBulkLoad episodes;

    DemoEpisodes(EpisodeBulkLoad episodes) {
        this.episodes = episodes;
    }

    /**
     * The referrals with those accepted to physiotherapy, digital self-management or a group class
     * linked to patients 1, 2, … (the oldest, the newest, the next oldest…); with {@code signInPatient},
     * patient 0 (the tour's) has the newest accepted to physiotherapy or self-management.
     */
    List<PastReferral> linkToPatients(List<PastReferral> made, List<PatientBulkLoad.Summary> patients, boolean signInPatient, LocalDate today) {
        List<PastReferral> linkable = new ArrayList<>(made.stream().filter(r -> r.pathway() != null && LINKED.contains(r.pathway()))
                .filter(r -> !LimberTime.dateOf(r.triagedAt()).isAfter(today))
                .sorted(Comparator.comparing(PastReferral::receivedOn).thenComparing(PastReferral::reference)).toList());
        List<PastReferral> result = new ArrayList<>(made);
        if (signInPatient) {
            linkable.stream().filter(r -> r.pathway() != CarePathway.GROUP_CLASS).reduce((a, b) -> b).ifPresent(r -> {
                linkable.remove(r);
                result.set(result.indexOf(r), withPatient(r, patients.get(0)));
            });
        }
        List<PastReferral> oldAndNew = alternateEnds(linkable);
        for (int i = 0; i < Math.min(oldAndNew.size(), patients.size() - 1); i++) {
            PastReferral r = oldAndNew.get(i);
            result.set(result.indexOf(r), withPatient(r, patients.get(i + 1)));
        }
        return result;
    }

    /** Oldest, newest, second oldest, second newest…: with few patients, some long-finished episodes and some open ones. */
    private static List<PastReferral> alternateEnds(List<PastReferral> byAge) {
        List<PastReferral> ordered = new ArrayList<>();
        for (int low = 0, high = byAge.size() - 1; low <= high; low++, high--) {
            ordered.add(byAge.get(low));
            if (high != low) {
                ordered.add(byAge.get(high));
            }
        }
        return ordered;
    }

    /**
     * Opens an episode for every referral linked to a patient. People referred to a group class are
     * on a class's list now, so theirs are open; of the others, those accepted in the last 16 weeks
     * are open and most older ones discharged. The tour's patient was discharged two weeks ago with
     * patient-initiated follow-up.
     */
    void open(Random random, List<PastReferral> referrals, String provider, LocalDate today, PatientBulkLoad.Summary signInPatient) {
        List<PastEpisode> past = new ArrayList<>();
        for (PastReferral r : referrals.stream().filter(r -> r.patientId() != null).sorted(Comparator.comparing(PastReferral::reference)).toList()) {
            LocalDate opened = LimberTime.dateOf(r.triagedAt());
            boolean theirs = signInPatient != null && r.patientId().equals(signInPatient.id());
            PastDischarge discharge = theirs ? discharge(DischargeReason.PATIENT_INITIATED_FOLLOW_UP,
                    opened.isAfter(today.minusDays(14)) ? today : today.minusDays(14), r)
                    : r.pathway() == CarePathway.GROUP_CLASS ? null : discharge(random, r, opened, today);
            past.add(new PastEpisode(r.patientId(), r.id(), r.reference(), r.icbCode(), provider, r.pathway(), r.source(), r.receivedOn(),
                    opened, null, discharge));
        }
        episodes.store(past);
    }

    private static PastDischarge discharge(Random random, PastReferral r, LocalDate opened, LocalDate today) {
        long age = ChronoUnit.DAYS.between(opened, today);
        double roll = random.nextDouble();
        if (age < 112 || roll >= 0.92) {
            return null;
        }
        LocalDate on = opened.plusDays(Math.min(age - 1, 28 + random.nextInt(84)));
        DischargeReason reason = roll < 0.45 ? DischargeReason.TREATMENT_COMPLETE : roll < 0.7 ? DischargeReason.PATIENT_INITIATED_FOLLOW_UP
                : roll < 0.8 ? DischargeReason.DID_NOT_ATTEND : DischargeReason.DECLINED_FURTHER_CARE;
        return discharge(reason, on, r);
    }

    private static PastDischarge discharge(DischargeReason reason, LocalDate on, PastReferral r) {
        return new PastDischarge(reason, on, null, null, reason == DischargeReason.PATIENT_INITIATED_FOLLOW_UP ? 6 : null,
                "clinician." + r.icbCode().toLowerCase(java.util.Locale.ROOT), on.atTime(15, 0).atZone(LimberTime.ZONE).toInstant());
    }

    private static PastReferral withPatient(PastReferral r, PatientBulkLoad.Summary p) {
        return DemoReferrals.copy(r, r.pathway(), p.givenName(), p.familyName(), p.birthDate(), p.id());
    }
}

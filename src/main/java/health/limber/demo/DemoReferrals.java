package health.limber.demo;

import health.limber.patient.PatientId;
import health.limber.patient.PatientInput;
import health.limber.referral.BodySite;
import health.limber.referral.CarePathway;
import health.limber.referral.Instrument;
import health.limber.referral.RedFlagLevel;
import health.limber.referral.ReferralBulkLoad.PastReferral;
import health.limber.referral.ReferralId;
import health.limber.referral.ReferralSource;
import health.limber.referral.SymptomDuration;
import health.limber.referral.Urgency;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * One referral's content from the seed: its source, body site, answers to the STarT questions,
 * support wishes and reference, for a person and dates the journey chooses. A referral with a red
 * flag is a back problem with saddle numbness (emergency) or constant night pain with weight loss (urgent).
 */
final class DemoReferrals {

    private static final String[] CODES = {"279039007", "23056005", "81680005", "45326000", "30989003", "49218002", "396275006"};
    private static final String ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
    private static final List<String> ASKED = List.of("CES_BLADDER_BOWEL", "CES_SADDLE_NUMBNESS", "NIGHT_PAIN", "WEIGHT_LOSS", "FEVER");

    private DemoReferrals() {}

    /**
     * The referral of {@code person} received at {@code receivedAt}; {@code care} null while it waits
     * for triage (then {@code priority} and {@code triagedAt} are null too).
     */
    static PastReferral of(Random random, String icb, PatientInput person, LocalDate received, Instant receivedAt, RedFlagLevel level,
                           CarePathway care, Urgency priority, Instant triagedAt) {
        ReferralId id = ReferralId.of(DemoJourneys.uuid(random));
        ReferralSource source = ReferralSource.values()[random.nextInt(ReferralSource.values().length)];
        BodySite site = level == RedFlagLevel.EMERGENCY ? BodySite.BACK : BodySite.values()[random.nextInt(BodySite.values().length)];
        List<String> flags = switch (level) {
            case EMERGENCY -> List.of("CES_SADDLE_NUMBNESS");
            case URGENT -> List.of("NIGHT_PAIN", "WEIGHT_LOSS");
            default -> List.of();
        };
        Instrument instrument = Instrument.forSites(Set.of(site));
        List<Integer> answers = IntStream.rangeClosed(1, instrument.itemCount())
                .map(item -> random.nextInt(instrument.scale(item).options().size())).boxed().toList();
        Urgency asked = random.nextInt(10) == 0 ? Urgency.URGENT : random.nextInt(4) == 0 ? Urgency.SOON : Urgency.ROUTINE;
        String code = CODES[random.nextInt(CODES.length)];
        SymptomDuration duration = SymptomDuration.values()[random.nextInt(4)];
        boolean employment = random.nextInt(5) == 0;
        boolean debt = random.nextInt(8) == 0;
        String clinician = "clinician." + icb.toLowerCase(java.util.Locale.ROOT);
        return new PastReferral(id, reference(random), source, source == ReferralSource.ERS ? ubrn(random) : null, received, receivedAt,
                source == ReferralSource.SELF ? "self-referral" : "admin." + icb.toLowerCase(java.util.Locale.ROOT), icb,
                person.gpPracticeCode(), person.givenName(), person.familyName(), LocalDate.parse(person.birthDate()), person.phone(), code,
                site, duration, asked, ASKED, flags, level,
                level == RedFlagLevel.EMERGENCY ? "Saddle numbness" : "Constant night pain; unexplained weight loss", instrument.score(answers),
                answers, employment, debt, care, priority, care == null ? null : clinician, triagedAt, null);
    }

    /** The referral linked to the person's record (at triage). */
    static PastReferral withPatient(PastReferral r, PatientId patientId) {
        return new PastReferral(r.id(), r.reference(), r.source(), r.ubrn(), r.receivedOn(), r.receivedAt(), r.receivedBy(), r.icbCode(),
                r.gpPracticeCode(), r.givenName(), r.familyName(), r.birthDate(), r.phone(), r.reasonCode(), r.site(), r.duration(),
                r.requestedUrgency(), r.redFlagsAsked(), r.redFlagsYes(), r.redFlagLevel(), r.redFlagDetail(), r.score(), r.answers(),
                r.wantsEmploymentSupport(), r.wantsDebtSupport(), r.pathway(), r.priority(), r.triagedBy(), r.triagedAt(), patientId);
    }

    private static String reference(Random random) {
        var sb = new StringBuilder("MSK-");
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static String ubrn(Random random) {
        return String.format("%012d", Math.floorMod(random.nextLong(), 1_000_000_000_000L));
    }
}

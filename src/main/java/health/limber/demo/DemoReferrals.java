package health.limber.demo;

import health.limber.patient.PatientId;
import health.limber.platform.LimberTime;
import health.limber.referral.BodySite;
import health.limber.referral.CarePathway;
import health.limber.referral.Instrument;
import health.limber.referral.InstrumentScore;
import health.limber.referral.RedFlagLevel;
import health.limber.referral.ReferralBulkLoad.PastReferral;
import health.limber.referral.ReferralId;
import health.limber.referral.ReferralSource;
import health.limber.referral.SymptomDuration;
import health.limber.referral.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Referrals of every source over the last two years for one ICB: most triaged and accepted, the
 * last few weeks' still in the worklist, a few with red flags and open tasks (one overdue).
 */
final class DemoReferrals {

    private static final String[] GIVEN = {"Aisha", "Ben", "Chloe", "Dev", "Ewa", "Femi", "Grace", "Hamza", "Iris", "Jack", "Kofi", "Lena"};
    private static final String[] FAMILY = {"Ahmed", "Brown", "Clarke", "Davies", "Evans", "Fraser", "Green", "Hughes", "Iqbal", "Jones"};
    private static final String[] CODES = {"279039007", "23056005", "81680005", "45326000", "30989003", "49218002", "396275006"};
    private static final String ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
    private static final List<String> ASKED = List.of("CES_BLADDER_BOWEL", "CES_SADDLE_NUMBNESS", "NIGHT_PAIN", "WEIGHT_LOSS", "FEVER");

    private DemoReferrals() {}

    /** Pathways that do not put the person on a hub's list. */
    private static final List<CarePathway> ELSEWHERE = List.of(CarePathway.PHYSIOTHERAPY, CarePathway.DIGITAL_SELF_MANAGEMENT,
            CarePathway.ADVICE_AND_DISCHARGE);

    /** People accepted to a one-stop visit and to a group class in each ICB (mostly the most recently received). */
    static final int ONE_STOP = 32;
    static final int CLASSES = 20;

    /**
     * {@code count} referrals; {@code untriaged} of them (the newest) are left for triage. Of the
     * accepted ones, newest first, every third goes to physiotherapy, self-management or advice
     * (while more are accepted than the hubs take) and the others to a one-stop visit, then a group class.
     */
    static List<PastReferral> generate(Random random, String icb, List<String> practices, LocalDate today, Instant now, int count,
                                       int untriaged) {
        List<PastReferral> referrals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            referrals.add(referral(random, icb, practices, today, now, i >= count - untriaged, i == count - 1, i == count - 2));
        }
        List<PastReferral> accepted = referrals.stream().filter(r -> r.pathway() != null)
                .sorted(Comparator.comparing(PastReferral::receivedOn).reversed().thenComparing(PastReferral::reference)).toList();
        List<PastReferral> placed = new ArrayList<>(referrals.stream().filter(r -> r.pathway() == null).toList());
        int elsewhere = Math.max(0, accepted.size() - ONE_STOP - CLASSES);
        int oneStop = 0;
        int classes = 0;
        for (int i = 0; i < accepted.size(); i++) {
            // every third goes elsewhere (while there are more than the hubs take), so physiotherapy and
            // self-management referrals come from every month of the demo's two years, not only its first
            boolean spread = elsewhere > 0 && i % 3 == 2;
            // the newest of them wait for 1:1 physiotherapy, so the 1:1 list has people on it
            CarePathway pathway = spread ? (i < 45 ? CarePathway.PHYSIOTHERAPY : ELSEWHERE.get(random.nextInt(ELSEWHERE.size())))
                    : oneStop < ONE_STOP ? CarePathway.ONE_STOP_CLINIC : classes < CLASSES ? CarePathway.GROUP_CLASS
                    : ELSEWHERE.get(random.nextInt(ELSEWHERE.size()));
            if (spread) {
                elsewhere--;
            } else if (pathway == CarePathway.ONE_STOP_CLINIC) {
                oneStop++;
            } else if (pathway == CarePathway.GROUP_CLASS) {
                classes++;
            }
            placed.add(withPathway(accepted.get(i), pathway));
        }
        return placed;
    }

    private static PastReferral referral(Random random, String icb, List<String> practices, LocalDate today, Instant now, boolean open,
                                         boolean emergency, boolean urgent) {
        LocalDate received = open ? today.minusDays(random.nextInt(21)) : today.minusDays(21 + random.nextInt(700));
        ReferralSource source = ReferralSource.values()[random.nextInt(ReferralSource.values().length)];
        BodySite site = BodySite.values()[random.nextInt(BodySite.values().length)];
        RedFlagLevel level = RedFlagLevel.NONE;
        List<String> flags = List.of();
        if (open && emergency) {
            level = RedFlagLevel.EMERGENCY;
            site = BodySite.BACK;
            flags = List.of("CES_SADDLE_NUMBNESS");
        } else if (open && urgent) {
            level = RedFlagLevel.URGENT;
            flags = List.of("NIGHT_PAIN", "WEIGHT_LOSS");
        }
        Instrument instrument = Instrument.forSites(Set.of(site));
        List<Integer> answers = IntStream.rangeClosed(1, instrument.itemCount())
                .map(item -> random.nextInt(instrument.scale(item).options().size())).boxed().toList();
        InstrumentScore score = instrument.score(answers);
        Urgency asked = random.nextInt(10) == 0 ? Urgency.URGENT : random.nextInt(4) == 0 ? Urgency.SOON : Urgency.ROUTINE;
        Instant receivedAt = received.atTime(9 + random.nextInt(8), random.nextInt(60)).atZone(LimberTime.ZONE).toInstant();
        if (level.isRedFlag()) {
            // the emergency arrived 6 hours ago (its 4-hour task is overdue), the urgent one 3 hours ago (due tomorrow)
            receivedAt = now.minus(Duration.ofHours(level == RedFlagLevel.EMERGENCY ? 6 : 3));
            received = LimberTime.dateOf(receivedAt);
        } else if (receivedAt.isAfter(now)) {
            // received today, but not later than now
            receivedAt = now.minus(Duration.ofMinutes(1 + random.nextInt(60)));
            received = LimberTime.dateOf(receivedAt);
        }
        String given = GIVEN[random.nextInt(GIVEN.length)];
        String family = FAMILY[random.nextInt(FAMILY.length)];
        LocalDate born = today.minusYears(18 + random.nextInt(70)).minusDays(random.nextInt(365));
        String phone = "07700 900" + String.format("%03d", random.nextInt(1000));
        String code = CODES[random.nextInt(CODES.length)];
        SymptomDuration duration = SymptomDuration.values()[random.nextInt(4)];
        boolean employment = random.nextInt(5) == 0;
        boolean debt = random.nextInt(8) == 0;
        Urgency priority = open ? null : random.nextBoolean() ? Urgency.ROUTINE : Urgency.SOON;
        return new PastReferral(ReferralId.of(UUID.randomUUID()), reference(random), source, source == ReferralSource.ERS ? ubrn(random) : null, received,
                receivedAt, source == ReferralSource.SELF ? "self-referral" : "admin." + icb.toLowerCase(), icb,
                practices.get(random.nextInt(practices.size())), given, family, born, phone, code, site, duration, asked, ASKED, flags, level,
                level == RedFlagLevel.EMERGENCY ? "Saddle numbness" : "Constant night pain; unexplained weight loss", score, answers,
                employment, debt, open ? null : CarePathway.PHYSIOTHERAPY, priority, open ? null : "clinician." + icb.toLowerCase(),
                open ? null : receivedAt.plus(Duration.ofDays(3)), null);
    }

    private static PastReferral withPathway(PastReferral r, CarePathway pathway) {
        return copy(r, pathway, r.givenName(), r.familyName(), r.birthDate(), r.patientId());
    }

    /** The referral with another pathway, or for another person (their name, date of birth and record). */
    static PastReferral copy(PastReferral r, CarePathway pathway, String givenName, String familyName, LocalDate birthDate, PatientId patientId) {
        return new PastReferral(r.id(), r.reference(), r.source(), r.ubrn(), r.receivedOn(), r.receivedAt(), r.receivedBy(), r.icbCode(),
                r.gpPracticeCode(), givenName, familyName, birthDate, r.phone(), r.reasonCode(), r.site(), r.duration(),
                r.requestedUrgency(), r.redFlagsAsked(), r.redFlagsYes(), r.redFlagLevel(), r.redFlagDetail(), r.score(), r.answers(),
                r.wantsEmploymentSupport(), r.wantsDebtSupport(), pathway, r.priority(), r.triagedBy(), r.triagedAt(), patientId);
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

package health.limber.demo;

import health.limber.referral.BodySite;
import health.limber.referral.CarePathway;
import health.limber.referral.Instrument;
import health.limber.referral.InstrumentScore;
import health.limber.referral.RedFlagLevel;
import health.limber.referral.ReferralSource;
import health.limber.referral.SymptomDuration;
import health.limber.referral.Urgency;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Referrals of every source over the last two years for one ICB: most triaged and accepted, the
 * last few weeks' still in the worklist, a few with red flags and open tasks (one overdue).
 */
final class DemoReferrals {

    private static final String[] GIVEN = {"Aisha", "Ben", "Chloe", "Dev", "Ewa", "Femi", "Grace", "Hamza", "Iris", "Jack", "Kofi", "Lena"};
    private static final String[] FAMILY = {"Ahmed", "Brown", "Clarke", "Davies", "Evans", "Fraser", "Green", "Hughes", "Iqbal", "Jones"};
    private static final String[] CODES = {"279039007", "23056005", "81680005", "45326000", "30989003", "49218002", "396275006"};
    private static final String ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";

    private DemoReferrals() {}

    /** Inserts {@code count} referrals; {@code untriaged} of them (the newest) are left for triage. */
    static void load(JdbcTemplate jdbc, Random random, String icb, String provider, List<String> practices, LocalDate today,
                     Instant now, int count, int untriaged) {
        List<Object[]> referrals = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        List<Object[]> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean open = i >= count - untriaged;
            LocalDate received = open ? today.minusDays(random.nextInt(21)) : today.minusDays(21 + random.nextInt(700));
            ReferralSource source = ReferralSource.values()[random.nextInt(ReferralSource.values().length)];
            BodySite site = BodySite.values()[random.nextInt(BodySite.values().length)];
            RedFlagLevel level = RedFlagLevel.NONE;
            String flags = "";
            if (open && i == count - 1) {
                level = RedFlagLevel.EMERGENCY;
                site = BodySite.BACK;
                flags = "CES_SADDLE_NUMBNESS";
            } else if (open && i == count - 2) {
                level = RedFlagLevel.URGENT;
                flags = "NIGHT_PAIN,WEIGHT_LOSS";
            }
            Instrument instrument = Instrument.forSites(java.util.Set.of(site));
            List<Integer> answers = IntStream.rangeClosed(1, instrument.itemCount())
                    .map(item -> random.nextInt(instrument.scale(item).options().size())).boxed().toList();
            InstrumentScore score = instrument.score(answers);
            Urgency asked = random.nextInt(10) == 0 ? Urgency.URGENT : random.nextInt(4) == 0 ? Urgency.SOON : Urgency.ROUTINE;
            UUID id = UUID.randomUUID();
            Instant receivedAt = received.atTime(9 + random.nextInt(8), random.nextInt(60)).atZone(health.limber.platform.LimberTime.ZONE).toInstant();
            if (open && level == RedFlagLevel.EMERGENCY) {
                receivedAt = now.minus(Duration.ofHours(6));
                received = today;
            }
            CarePathway pathway = open ? null : CarePathway.values()[1 + random.nextInt(5)];
            String status = open ? "RECEIVED" : "ACCEPTED";
            referrals.add(new Object[] {id, reference(random), source.name(), source == ReferralSource.ERS ? ubrn(random) : null,
                    Date.valueOf(received), Timestamp.from(receivedAt), icb, practices.get(random.nextInt(practices.size())),
                    GIVEN[random.nextInt(GIVEN.length)], FAMILY[random.nextInt(FAMILY.length)],
                    Date.valueOf(today.minusYears(18 + random.nextInt(70)).minusDays(random.nextInt(365))),
                    "07700 900" + String.format("%03d", random.nextInt(1000)), CODES[random.nextInt(CODES.length)], site.name(),
                    SymptomDuration.values()[random.nextInt(4)].name(), asked.name(), asked.rank(),
                    "CES_BLADDER_BOWEL,CES_SADDLE_NUMBNESS,NIGHT_PAIN,WEIGHT_LOSS,FEVER", flags, level.name(), level.rank(),
                    instrument.name(), String.join(",", answers.stream().map(String::valueOf).toList()), score.total(),
                    score.distress(), score.risk().name(), random.nextInt(5) == 0, random.nextInt(8) == 0, status,
                    pathway == null ? null : pathway.name(), pathway == null ? null : (random.nextBoolean() ? "ROUTINE" : "SOON"),
                    pathway == null ? null : "Triage by demo clinician", pathway == null ? null : "clinician." + icb.toLowerCase(),
                    pathway == null ? null : Timestamp.from(receivedAt.plus(Duration.ofDays(3))), Timestamp.from(receivedAt)});
            history.add(new Object[] {id, 0, Timestamp.from(receivedAt), source == ReferralSource.SELF ? "self-referral" : "admin." + icb.toLowerCase(),
                    "Received", source.label()});
            if (level.isRedFlag()) {
                Instant raised = receivedAt;
                tasks.add(new Object[] {UUID.randomUUID(), id, icb, level.name(), source == ReferralSource.SELF ? "SELF_REFERRAL" : "INTAKE",
                        flags, level == RedFlagLevel.EMERGENCY ? "Saddle numbness" : "Constant night pain; unexplained weight loss",
                        Timestamp.from(raised), Timestamp.from(raised.plus(level.taskDueWithin()))});
            }
        }
        jdbc.batchUpdate("""
                insert into referral (id, reference, source, ubrn, received_on, received_at, icb_code, gp_practice_code,
                    given_name, family_name, birth_date, phone, interpreter_needed, reason_code, body_sites, symptom_duration,
                    requested_urgency, urgency_rank, red_flags_asked, red_flags_yes, red_flag_level, red_flag_rank,
                    instrument, instrument_answers, score_total, score_distress, risk_group, wants_employment_support,
                    wants_debt_support, consent_to_contact, status, pathway, priority, decision_reason, triaged_by, triaged_at,
                    created_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?, ?, ?, ?, ?, 0)""",
                referrals);
        jdbc.batchUpdate("insert into referral_history (referral_id, position, occurred_at, actor, action, detail) values (?, ?, ?, ?, ?, ?)",
                history);
        jdbc.batchUpdate("""
                insert into red_flag_task (id, referral_id, icb_code, level, source, flags, detail, raised_at, due_at, status, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', 0)""", tasks);
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

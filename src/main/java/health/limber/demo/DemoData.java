package health.limber.demo;

import health.limber.identity.AccessCodes;
import health.limber.organisation.Icb;
import health.limber.organisation.Organisations;
import health.limber.patient.NhsNumber;
import health.limber.platform.LimberTime;
import health.limber.waitinglist.WaitingListManagement;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo data set once (when the database has no staff yet), deterministically from a seed,
 * and issues two fresh patient access codes at every start so the demo can always be signed into.
 * Each later capability adds a step to {@link #load}.
 */
@Component
@ConditionalOnProperty(name = "limber.demo.enabled", havingValue = "true")
public class DemoData implements ApplicationRunner {

    /** Every demo staff account has this password (12+ characters, as the password rule requires). */
    public static final String PASSWORD = "limber-demo-2025";
    static final String FIRST_ICB = "QHL";
    static final String PROGRAMME = "XPG";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Organisations organisations;
    private final PasswordEncoder passwordEncoder;
    private final AccessCodes accessCodes;
    private final WaitingListManagement waitingList;
    private final DemoClinics clinics;
    private final DemoExercise exercise;
    private final Clock clock;
    private final long seed;
    private final int referralsPerIcb;
    private final int patientsPerIcb;
    private final int programmesPerIcb;
    private volatile DemoSignIns signIns;
    /** Opened once the tour's first ICB has everything (its programmes too); until then the demo shows "getting ready". */
    private final java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);

    DemoData(JdbcTemplate jdbc, TransactionTemplate transaction, Organisations organisations, PasswordEncoder passwordEncoder,
             AccessCodes accessCodes, WaitingListManagement waitingList, DemoClinics clinics, DemoExercise exercise, Clock clock, @Value("${limber.demo.seed:2024}") long seed,
             @Value("${limber.demo.referrals-per-icb:60}") int referralsPerIcb,
             @Value("${limber.demo.patients-per-icb:200}") int patientsPerIcb,
             @Value("${limber.demo.programmes-per-icb:180}") int programmesPerIcb) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.organisations = organisations;
        this.passwordEncoder = passwordEncoder;
        this.accessCodes = accessCodes;
        this.waitingList = waitingList;
        this.clinics = clinics;
        this.exercise = exercise;
        this.clock = clock;
        this.seed = seed;
        this.referralsPerIcb = referralsPerIcb;
        this.patientsPerIcb = patientsPerIcb;
        this.programmesPerIcb = programmesPerIcb;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer staff = jdbc.queryForObject("select count(*) from staff_user", Integer.class);
        if (staff == null || staff == 0) {
            long started = System.nanoTime();
            transaction.executeWithoutResult(status -> load(new Random(seed)));
            log.info("Demo data loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
        signIns = transaction.execute(status -> currentSignIns());
        if (programmesPerIcb > 0) {
            Thread background = new Thread(this::exerciseCohort, "demo-exercise-programmes");
            background.setDaemon(true);
            background.start();
        } else {
            ready.countDown();
        }
    }

    /** Whether the demo has what the tour shows: the data, the sign-ins and the first ICB's programmes. */
    public boolean isReady() {
        return ready.getCount() == 0;
    }

    /** Waits (at most {@code limit}) until the demo is ready to be used. */
    public boolean awaitReady(java.time.Duration limit) throws InterruptedException {
        return ready.await(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /**
     * Thousands of exercise programmes with their logs and ratings (about 400,000 sessions), added in
     * the background once the demo is serving, one transaction per ICB: the pages are usable at once
     * and the programmes appear ICB by ICB over about half a minute. An ICB that already has its
     * programmes is skipped, so a demo stopped half-way finishes the rest on its next start.
     */
    private void exerciseCohort() {
        long started = System.nanoTime();
        List<Icb> icbs = organisations.icbs();
        int programmes = 0;
        try {
            for (int i = 0; i < icbs.size(); i++) {
                String icb = icbs.get(i).code();
                int handMade = icb.equals(FIRST_ICB) ? DemoExercise.HAND_MADE : 0;
                Random random = new Random(seed * 19 + i);
                programmes += transaction.execute(status -> {
                    Integer existing = jdbc.queryForObject("select count(*) from programme where icb_code = ?", Integer.class, icb);
                    return existing != null && existing > handMade ? 0
                            : exercise.cohort(random, icb, programmesPerIcb, handMade, LimberTime.today(clock));
                });
                if (icb.equals(FIRST_ICB)) {
                    ready.countDown();
                }
            }
        } catch (RuntimeException e) {
            log.warn("Demo exercise programmes stopped after {} programmes: {}", programmes, e.getMessage());
            return;
        } finally {
            ready.countDown();
        }
        if (programmes > 0) {
            log.info("Demo exercise programmes added in the background: {} in {} ms", programmes, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Sign-ins to print: one per staff role and two patients with newly issued codes. */
    public DemoSignIns signIns() {
        return signIns;
    }

    private void load(Random random) {
        Instant now = clock.instant();
        List<Icb> icbs = organisations.icbs();
        for (int i = 0; i < icbs.size(); i++) {
            Icb icb = icbs.get(i);
            String provider = providerCode(i);
            List<DemoAreas.Town> towns = DemoAreas.TOWNS.get(icb.code());
            organisation(icb, provider, towns, i);
            hubs(random, icb, provider, towns);
            clinics.practitioners(new Random(seed * 17 + i), icb.code());
            staff(icb, provider, now);
            patients(random, icb, towns, i, now);
            waitingList(new Random(seed + i), icb, provider);
            DemoReferrals.load(jdbc, new Random(seed * 31 + i), icb.code(), provider,
                    jdbc.queryForList("select code from gp_practice where icb_code = ?", String.class, icb.code()),
                    health.limber.platform.LimberTime.today(clock), now, referralsPerIcb, 12);
        }
        UUID firstPatient = jdbc.query("select id from patient where icb_code = ? and voided_at is null order by nhs_number limit 1",
                (rs, n) -> rs.getObject(1, UUID.class), FIRST_ICB).stream().findFirst().orElse(null);
        clinics.clinicDays(new Random(seed * 7), FIRST_ICB, providerCode(icbs.stream().map(Icb::code).toList().indexOf(FIRST_ICB)),
                LimberTime.today(clock), firstPatient);
        exercise.load(new Random(seed * 13), FIRST_ICB, providerCode(icbs.stream().map(Icb::code).toList().indexOf(FIRST_ICB)), LimberTime.today(clock));
        programme(icbs, now);
    }

    /** Pathways for this ICB from mid-2023 to today, simulated week by week (see {@link DemoWaitingList}). */
    private void waitingList(Random random, Icb icb, String provider) {
        List<String> nhsNumbers = jdbc.queryForList("select nhs_number from patient where icb_code = ?", String.class, icb.code());
        double arrivalsPerWeek = 5 + random.nextInt(6);
        waitingList.store(DemoWaitingList.simulate(random, icb.code(), provider, nhsNumbers, LocalDate.of(2023, 6, 5),
                LimberTime.today(clock), arrivalsPerWeek));
        // each pathway is seen at one of the ICB's hubs, for the list's hub filter
        List<UUID> hubIds = jdbc.queryForList("select id from hub where icb_code = ? order by name", UUID.class, icb.code());
        if (!hubIds.isEmpty()) {
            Timestamp at = Timestamp.from(clock.instant());
            jdbc.batchUpdate("insert into pathway_hub (pathway_id, hub_id, assigned_by, assigned_at) values (?, ?, 'demo', ?)",
                    jdbc.queryForList("select id from pathway where commissioner_code = ? order by pathway_identifier", UUID.class, icb.code())
                            .stream().map(id -> new Object[] {id, hubIds.get(random.nextInt(hubIds.size())), at}).toList());
        }
    }

    /** The national programme team: an organisation serving all 17 ICBs, with an analyst. */
    private void programme(List<Icb> icbs, Instant now) {
        jdbc.update("insert into provider (code, name) values (?, ?)", PROGRAMME, "MSK waiting list programme team (demo)");
        icbs.forEach(icb -> jdbc.update("insert into provider_icb (provider_code, icb_code) values (?, ?)", PROGRAMME, icb.code()));
        jdbc.update("insert into staff_user (id, username, display_name, password_hash, role, organisation_code, enabled, "
                        + "failed_attempts, locked_until, created_at, version) values (?, ?, ?, ?, ?, ?, true, 0, null, ?, 0)",
                UUID.nameUUIDFromBytes("analyst.programme".getBytes()), "analyst.programme", "Priya Shah (programme)",
                passwordHash(), "ANALYST", PROGRAMME, Timestamp.from(now));
    }

    private void organisation(Icb icb, String provider, List<DemoAreas.Town> towns, int index) {
        // 01632 960xxx: a range Ofcom keeps for drama, so no real person is called
        jdbc.update("insert into provider (code, name, phone) values (?, ?, ?)", provider, icb.pilotArea() + " Community MSK Service",
                String.format("01632 960%03d", 100 + index));
        jdbc.update("insert into provider_icb (provider_code, icb_code) values (?, ?)", provider, icb.code());
        for (int t = 0; t < towns.size(); t++) {
            DemoAreas.Town town = towns.get(t);
            jdbc.update("insert into gp_practice (code, name, postcode, icb_code) values (?, ?, ?, ?)",
                    practiceCode(index, t), town.name() + " Medical Practice", town.outward() + " " + (t + 1) + "GP", icb.code());
        }
    }

    private void hubs(Random random, Icb icb, String provider, List<DemoAreas.Town> towns) {
        int hubs = 1 + random.nextInt(3);
        for (int h = 0; h < hubs; h++) {
            DemoAreas.Town town = towns.get(h);
            UUID hub = uuid(random);
            boolean stepFree = h == 0 || random.nextInt(4) > 0;
            jdbc.update("""
                    insert into hub (id, provider_code, icb_code, name, address_line, town, postcode, step_free, opening_hours)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    hub, provider, icb.code(), town.name() + " " + pick(random, DemoAreas.CENTRE_NAMES),
                    (1 + random.nextInt(120)) + " " + pick(random, DemoAreas.STREETS), town.name(),
                    town.outward() + " " + inwardCode(random), stepFree, "Monday to Friday 8am to 8pm, Saturday 9am to 1pm");
            int rooms = 2 + random.nextInt(3);
            for (int r = 1; r <= rooms; r++) {
                jdbc.update("insert into room (id, hub_id, name, step_free, services) values (?, ?, ?, ?, ?)",
                        uuid(random), hub, r == rooms ? "Studio" : "Clinic room " + r, stepFree && (r == 1 || random.nextBoolean()),
                        r == rooms ? "GROUP_CLASS,PHYSICAL_ACTIVITY" : "PHYSIO,MENTAL_HEALTH,EMPLOYMENT,DEBT,PHYSICAL_ACTIVITY");
            }
        }
    }

    private void staff(Icb icb, String provider, Instant now) {
        String hash = passwordHash();
        String area = icb.pilotArea().replaceAll(" \\(.*\\)", "");
        String[][] people = {
                {"clinician", "Sam Okoro", "CLINICIAN"}, {"physio", "Jo Lewis", "CLINICIAN"},
                {"manager", "Alex Morgan", "SERVICE_MANAGER"}, {"analyst", "Ruth Adeyemi", "ANALYST"},
                {"admin", "Chris Patel", "ADMIN"}};
        for (String[] person : people) {
            jdbc.update("""
                    insert into staff_user (id, username, display_name, password_hash, role, organisation_code, enabled,
                                            failed_attempts, locked_until, created_at, version)
                    values (?, ?, ?, ?, ?, ?, true, 0, null, ?, 0)""",
                    UUID.nameUUIDFromBytes((person[0] + icb.code()).getBytes()), username(person[0], icb.code()),
                    person[1] + " (" + area + ")", hash, person[2], provider, Timestamp.from(now));
        }
    }

    private String cachedHash;

    private String passwordHash() {
        if (cachedHash == null) {
            cachedHash = passwordEncoder.encode(PASSWORD);
        }
        return cachedHash;
    }

    private void patients(Random random, Icb icb, List<DemoAreas.Town> towns, int icbIndex, Instant now) {
        LocalDate today = LimberTime.today(clock);
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        int[] serial = {0};
        for (int p = 0; p < patientsPerIcb; p++) {
            boolean female = random.nextBoolean();
            String given = pick(random, female ? DemoAreas.GIVEN_FEMALE : DemoAreas.GIVEN_MALE);
            String family = pick(random, DemoAreas.FAMILY);
            int age = 18 + random.nextInt(72);
            LocalDate born = today.minusYears(age).minusDays(random.nextInt(365));
            String language = pick(random, DemoAreas.LANGUAGES);
            boolean interpreter = !language.equals("en") && !language.equals("cy") && random.nextInt(3) == 0;
            DemoAreas.Town town = pick(random, towns);
            String work = age >= 67 ? "RETIRED" : age < 22 && random.nextInt(3) == 0 ? "STUDENT"
                    : pick(random, List.of("EMPLOYED_WORKING", "EMPLOYED_WORKING", "EMPLOYED_WORKING", "EMPLOYED_OFF_SICK",
                    "EMPLOYED_OFF_SICK", "UNEMPLOYED_SEEKING_WORK", "INACTIVE_ILL_HEALTH", "OTHER"));
            boolean sms = random.nextInt(10) < 7;
            boolean email = random.nextInt(10) < 4;
            UUID id = uuid(random);
            rows.add(new Object[] {id, nextNhsNumber(icbIndex, serial), given, family, family.toLowerCase(), Date.valueOf(born),
                    female ? "FEMALE" : "MALE", town.outward() + " " + inwardCode(random),
                    "07700 900" + String.format("%03d", random.nextInt(1000)),
                    email ? (given + "." + family).toLowerCase().replace("'", "") + "@example.com" : null, language,
                    interpreter, random.nextInt(10) == 0, random.nextInt(20) == 0, random.nextInt(100) == 0,
                    random.nextInt(40) == 0, random.nextInt(50) == 0, sms, email, !sms, random.nextInt(5) == 0,
                    practiceCode(icbIndex, towns.indexOf(town)), icb.code(), work, Timestamp.from(now), Timestamp.from(now)});
            LocalDate recorded = today.minusDays(30 + random.nextInt(600));
            if (work.equals("EMPLOYED_OFF_SICK") || work.equals("INACTIVE_ILL_HEALTH")) {
                history.add(new Object[] {id, 0, "EMPLOYED_WORKING", Date.valueOf(recorded.minusDays(200)), "demo"});
                history.add(new Object[] {id, 1, work, Date.valueOf(recorded), "demo"});
            } else {
                history.add(new Object[] {id, 0, work, Date.valueOf(recorded), "demo"});
            }
        }
        jdbc.batchUpdate("""
                insert into patient (id, nhs_number, given_name, family_name, family_name_key, birth_date, sex, postcode,
                    phone, email, preferred_language, interpreter_needed, step_free_access, large_print, bsl_interpreter,
                    easy_read, hearing_loop, contact_by_sms, contact_by_email, contact_by_phone, contact_by_letter,
                    gp_practice_code, icb_code, work_status, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", rows);
        jdbc.batchUpdate("insert into patient_work_status (patient_id, position, status, recorded_on, recorded_by) values (?, ?, ?, ?, ?)",
                history);
    }

    private DemoSignIns currentSignIns() {
        String icb = FIRST_ICB.toLowerCase();
        List<DemoSignIns.Staff> staff = List.of(
                new DemoSignIns.Staff("Clinician", "clinician." + icb),
                new DemoSignIns.Staff("Service manager", "manager." + icb),
                new DemoSignIns.Staff("Analyst", "analyst." + icb),
                new DemoSignIns.Staff("Analyst (all 17 ICBs)", "analyst.programme"),
                new DemoSignIns.Staff("Administrator", "admin." + icb));
        List<DemoSignIns.Patient> patients = jdbc.query("""
                select id, given_name, family_name, nhs_number, birth_date from patient
                where icb_code = ? and voided_at is null order by nhs_number limit 2""",
                (rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    var code = accessCodes.issue(id, "demo");
                    return new DemoSignIns.Patient(rs.getString(2) + " " + rs.getString(3),
                            new NhsNumber(rs.getString(4)).formatted(), rs.getDate(5).toLocalDate(), code.code());
                }, FIRST_ICB);
        return new DemoSignIns(staff, PASSWORD, patients);
    }

    static String username(String role, String icbCode) {
        return role + "." + icbCode.toLowerCase();
    }

    static String providerCode(int icbIndex) {
        return "RZ" + (char) ('A' + icbIndex);
    }

    static String practiceCode(int icbIndex, int town) {
        return "Y" + String.format("%02d%03d", icbIndex + 1, town + 1);
    }

    /** The next valid NHS number in the 999 test range for this ICB, from a running serial. */
    static String nextNhsNumber(int icbIndex, int[] serial) {
        while (true) {
            String nine = String.format("999%02d%04d", icbIndex, serial[0]++);
            int check = NhsNumber.checkDigitFor(nine);
            if (check >= 0) {
                return nine + check;
            }
        }
    }

    private static String inwardCode(Random random) {
        String letters = "ABDEFGHJLNPQRSTUWXYZ";
        return "" + random.nextInt(10) + letters.charAt(random.nextInt(letters.length())) + letters.charAt(random.nextInt(letters.length()));
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static UUID uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong());
    }
}

package health.limber.demo;

import health.limber.clinic.Hub;
import health.limber.clinic.HubResources;
import health.limber.clinic.Hubs;
import health.limber.identity.AccessCodes;
import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.identity.StaffAccounts;
import health.limber.organisation.GpPractice;
import health.limber.organisation.Icb;
import health.limber.organisation.Organisations;
import health.limber.patient.PatientBulkLoad;
import health.limber.patient.PatientId;
import health.limber.platform.LimberTime;
import health.limber.referral.ReferralBulkLoad.PastReferral;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo data set once (when the database has no demo organisation yet), deterministically from a seed,
 * through each module's API (their bulk entry points where thousands of rows need speed),
 * and issues two fresh patient access codes at every start so the demo can always be signed into.
 * Each later capability adds a step to {@link #load}.
 */
@Component
@ConditionalOnProperty(name = "limber.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    /** Every demo staff account has this password (12+ characters, as the password rule requires). */
    public static final String PASSWORD = "limber-demo-2025";
    static final String FIRST_ICB = "QHL";
    static final String PROGRAMME = "XPG";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final TransactionTemplate transaction;
    private final Organisations organisations;
    private final DemoProgramme programmeData;
    private final StaffAccounts staffAccounts;
    private final PatientBulkLoad patients;
    private final HubResources hubResources;
    private final Hubs hubs;
    private final CurrentActor currentActor;
    private final AccessCodes accessCodes;
    private final DemoClinics clinics;
    private final DemoExercise exercise;
    private final DemoJourneyStore journeyStore;
    /** Whether the ICBs other than the tour's get their journeys once the demo is serving (tests load all at once). */
    private final boolean background;
    /** Only the areas and their journeys: no staff accounts, clinic days or exercise programmes (the generator's benchmark). */
    private final boolean journeysOnly;
    private final Clock clock;
    private final long seed;
    private final double referralsPerWeek;
    private final int programmesPerIcb;
    private volatile DemoSignIns signIns;
    private volatile String journeysReport = "Demo journeys: none written (the database had the demo already)";
    /** Opened once the tour's first ICB has everything (its programmes too); until then the demo shows "getting ready". */
    private final java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);

    DemoData(TransactionTemplate transaction, Organisations organisations, DemoProgramme programmeData, StaffAccounts staffAccounts, PatientBulkLoad patients,
             HubResources hubResources, Hubs hubs, CurrentActor currentActor, AccessCodes accessCodes, DemoClinics clinics,
             DemoExercise exercise, DemoJourneyStore journeys, Clock clock, @Value("${limber.demo.seed:2024}") long seed,
             @Value("${limber.demo.referrals-per-week:7.5}") double referralsPerWeek,
             @Value("${limber.demo.programmes-per-icb:180}") int programmesPerIcb,
             @Value("${limber.demo.background:true}") boolean background,
             @Value("${limber.demo.journeys-only:false}") boolean journeysOnly) {
        this.transaction = transaction;
        this.organisations = organisations;
        this.programmeData = programmeData;
        this.staffAccounts = staffAccounts;
        this.patients = patients;
        this.hubResources = hubResources;
        this.hubs = hubs;
        this.currentActor = currentActor;
        this.accessCodes = accessCodes;
        this.clinics = clinics;
        this.exercise = exercise;
        this.journeyStore = journeys;
        this.background = background;
        this.journeysOnly = journeysOnly;
        this.clock = clock;
        this.seed = seed;
        this.referralsPerWeek = referralsPerWeek;
        this.programmesPerIcb = programmesPerIcb;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (journeysOnly && patients.anyRecords()) {
            // never thousands of made-up people in a database that has real ones
            throw new IllegalStateException("demo-journeys writes only into a database with no patient records");
        }
        if (organisations.providerName(providerCode(0)).isEmpty()) {
            long started = System.nanoTime();
            transaction.executeWithoutResult(status -> load(new Random(seed)));
            log.info("Demo data loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
        if (journeysOnly) {
            journeysInParallel();
            return;
        }
        signIns = transaction.execute(status -> currentSignIns());
        if (background || programmesPerIcb > 0) {
            Thread thread = new Thread(this::inBackground, "demo-background");
            thread.setDaemon(true);
            thread.start();
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
     * What the demo adds once it is serving, one transaction per ICB: the tour ICB's exercise
     * programmes first (then the demo opens), then each other ICB's journeys and programmes (thousands
     * of programmes with their logs and ratings, about 400,000 sessions), so the pages are usable at
     * once and the other areas fill in over about a minute. An ICB that already has its journeys or
     * programmes is skipped, so a demo stopped half-way finishes the rest on its next start.
     */
    private void inBackground() {
        long started = System.nanoTime();
        List<Icb> icbs = organisations.icbs();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < icbs.size(); i++) {
            order.add(icbs.get(i).code().equals(FIRST_ICB) ? 0 : order.size(), i);
        }
        int programmes = 0;
        try {
            for (int i : order) {
                String icb = icbs.get(i).code();
                if (background && !icb.equals(FIRST_ICB)) {
                    transaction.executeWithoutResult(status -> {
                        if (patients.inIcb(icb).isEmpty()) {
                            journeys(i, icbs.get(i), LimberTime.today(clock), clock.instant());
                        }
                    });
                }
                programmes += programmes(i, icb);
                if (icb.equals(FIRST_ICB)) {
                    ready.countDown();
                }
            }
        } catch (RuntimeException e) {
            log.warn("Demo background loading stopped after {} programmes: {}", programmes, e.getMessage());
            return;
        } finally {
            ready.countDown();
        }
        log.info("Demo journeys and {} exercise programmes added in the background in {} ms", programmes, (System.nanoTime() - started) / 1_000_000);
    }

    /** Every ICB's journeys, two ICBs at a time (one transaction each): the generator's benchmark, on a machine with two cores. */
    private void journeysInParallel() {
        List<Icb> icbs = organisations.icbs();
        LocalDate today = LimberTime.today(clock);
        Instant now = clock.instant();
        long started = System.nanoTime();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < icbs.size(); i++) {
                int index = i;
                done.add(pool.submit(() -> transaction.execute(status -> journeys(index, icbs.get(index), today, now))));
            }
            int referrals = 0;
            for (var icb : done) {
                referrals += icb.get();
            }
            report(referrals, started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Demo journeys failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private void report(int referrals, long started) {
        long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        journeysReport = String.format("Demo journeys: %d referrals with their people, pathways and episodes stored in %d ms (%d referrals a second)",
                referrals, millis, referrals * 1000L / millis);
        log.info(journeysReport);
    }

    private int programmes(int index, String icb) {
        if (programmesPerIcb == 0) {
            return 0;
        }
        int handMade = icb.equals(FIRST_ICB) ? DemoExercise.HAND_MADE : 0;
        Random random = new Random(seed * 19 + index);
        return transaction.execute(status -> exercise.programmesOf(icb) > handMade ? 0
                : exercise.cohort(random, icb, providerCode(index), programmesPerIcb, handMade, LimberTime.today(clock)));
    }

    /**
     * One ICB's people and their journeys (see {@link DemoJourneys}), stored, with those still waiting
     * for a one-stop day, a class or 1:1 physiotherapy on their hubs' lists.
     */
    private int journeys(int index, Icb icb, LocalDate today, Instant now) {
        boolean tour = icb.code().equals(FIRST_ICB);
        DemoJourneys.Area area = area(index, icb);
        DemoJourneys.Generated generated = DemoJourneys.generate(new Random(seed * 31 + index), area, today, now);
        List<UUID> hubIds = hubs.inIcbs(List.of(icb.code())).stream().map(Hub::id).toList();
        List<PastReferral> waiting = journeyStore.store(generated, area, hubIds, new Random(seed + index));
        PatientId signInPatient = tour ? patients.inIcb(icb.code()).get(0).id() : null;
        clinics.admit(new Random(seed * 37 + index), waiting, area.provider(), today, signInPatient);
        return generated.journeys().size();
    }

    private DemoJourneys.Area area(int index, Icb icb) {
        double share = 0.7 + 0.6 * new Random(seed + index).nextDouble();
        // the tour's ICB is at least average, so its hubs have people enough for the demo's clinic days and classes
        double arrivals = referralsPerWeek * (icb.code().equals(FIRST_ICB) ? Math.max(1, share) : share);
        return new DemoJourneys.Area(icb.code(), providerCode(index), index, DemoAreas.TOWNS.get(icb.code()),
                organisations.practicesIn(icb.code()).stream().map(GpPractice::code).toList(), arrivals, icb.code().equals(FIRST_ICB));
    }

    /** The journeys the demo generated for an ICB when it loaded them at {@code loadedAt}, generated again from the seed. */
    DemoJourneys.Generated journeysOf(String icbCode, Instant loadedAt) {
        List<Icb> icbs = organisations.icbs();
        int index = icbs.stream().map(Icb::code).toList().indexOf(icbCode);
        return DemoJourneys.generate(new Random(seed * 31 + index), area(index, icbs.get(index)), LimberTime.dateOf(loadedAt), loadedAt);
    }

    /** How many referrals with their journeys the last load wrote, and how fast. */
    String journeysReport() {
        return journeysReport;
    }

    /** Sign-ins to print: one per staff role and two patients with newly issued codes. */
    public DemoSignIns signIns() {
        return signIns;
    }

    private void load(Random random) {
        Instant now = clock.instant();
        LocalDate today = LimberTime.today(clock);
        List<Icb> icbs = organisations.icbs();
        List<StaffAccounts.NewStaffUser> staff = new ArrayList<>();
        java.util.Map<Actor, java.util.Map<UUID, String>> advisers = new java.util.LinkedHashMap<>();
        for (int i = 0; i < icbs.size(); i++) {
            Icb icb = icbs.get(i);
            String provider = providerCode(i);
            List<DemoAreas.Town> towns = DemoAreas.TOWNS.get(icb.code());
            organisation(icb, provider, towns, i);
            Actor manager = new Actor(username("manager", icb.code()), "Alex Morgan", Role.SERVICE_MANAGER, provider, Set.of(icb.code()), null);
            List<UUID> hubIds = currentActor.runAs(manager, () -> hubs(random, icb, towns));
            Random practitioners = new Random(seed * 17 + i);
            advisers.put(manager, currentActor.runAs(manager, () -> clinics.practitioners(practitioners, hubIds, icb.code())));
            staff.addAll(staff(icb, provider));
        }
        staff.addAll(programme(icbs));
        if (journeysOnly) {
            return;
        }
        long started = System.nanoTime();
        int referrals = 0;
        for (int i = 0; i < icbs.size(); i++) {
            if (!background || icbs.get(i).code().equals(FIRST_ICB)) {
                referrals += journeys(i, icbs.get(i), today, now);
            }
        }
        report(referrals, started);
        staffAccounts.createBySetup(staff);
        advisers.forEach((manager, links) -> currentActor.runAs(manager, () -> clinics.linkAdvisers(links)));
        String firstProvider = providerCode(icbs.stream().map(Icb::code).toList().indexOf(FIRST_ICB));
        clinics.clinicDays(new Random(seed * 7), FIRST_ICB, firstProvider, today);
        exercise.load(new Random(seed * 13), FIRST_ICB, firstProvider, today);
    }

    /** The national programme team: an organisation serving all 17 ICBs, with an analyst. */
    private List<StaffAccounts.NewStaffUser> programme(List<Icb> icbs) {
        organisations.addProvider(PROGRAMME, "MSK waiting list programme team (demo)",
                icbs.stream().map(Icb::code).collect(Collectors.toCollection(LinkedHashSet::new)));
        programmeData.setUp();
        return List.of(new StaffAccounts.NewStaffUser("analyst.programme", "Priya Shah (programme)", Role.ANALYST, PROGRAMME, PASSWORD));
    }

    private void organisation(Icb icb, String provider, List<DemoAreas.Town> towns, int index) {
        // 01632 960xxx: a range Ofcom keeps for drama, so no real person is called
        organisations.addProvider(provider, icb.pilotArea() + " Community MSK Service", String.format("01632 960%03d", 100 + index),
                Set.of(icb.code()));
        List<GpPractice> practices = new ArrayList<>();
        for (int t = 0; t < towns.size(); t++) {
            DemoAreas.Town town = towns.get(t);
            practices.add(new GpPractice(practiceCode(index, t), town.name() + " Medical Practice", town.outward() + " " + (t + 1) + "GP",
                    icb.code()));
        }
        organisations.addPractices(practices);
    }

    /** One to three hubs in the ICB's towns, each with two to four rooms (the last a studio for classes); as the ICB's service manager. */
    private List<UUID> hubs(Random random, Icb icb, List<DemoAreas.Town> towns) {
        int count = 1 + random.nextInt(3);
        List<UUID> made = new ArrayList<>();
        for (int h = 0; h < count; h++) {
            DemoAreas.Town town = towns.get(h);
            boolean stepFree = h == 0 || random.nextInt(4) > 0;
            UUID hub = hubResources.addHub(icb.code(), town.name() + " " + DemoPeople.pick(random, DemoAreas.CENTRE_NAMES),
                    (1 + random.nextInt(120)) + " " + DemoPeople.pick(random, DemoAreas.STREETS), town.name(), town.outward() + " " + DemoPeople.inwardCode(random),
                    stepFree, "Monday to Friday 8am to 8pm, Saturday 9am to 1pm");
            int rooms = 2 + random.nextInt(3);
            for (int r = 1; r <= rooms; r++) {
                hubResources.addRoom(hub, r == rooms ? "Studio" : "Clinic room " + r, stepFree && (r == 1 || random.nextBoolean()),
                        r == rooms ? List.of("GROUP_CLASS", "PHYSICAL_ACTIVITY") : List.of("PHYSIO", "MENTAL_HEALTH", "EMPLOYMENT", "DEBT", "PHYSICAL_ACTIVITY"));
            }
            made.add(hub);
        }
        // in the order the hub lists show them
        return hubs.inIcbs(List.of(icb.code())).stream().map(Hub::id).filter(made::contains).toList();
    }

    private static List<StaffAccounts.NewStaffUser> staff(Icb icb, String provider) {
        String area = icb.pilotArea().replaceAll(" \\(.*\\)", "");
        String[][] people = {
                {"clinician", "Sam Okoro", "CLINICIAN"}, {"physio", "Jo Lewis", "CLINICIAN"},
                {"manager", "Alex Morgan", "SERVICE_MANAGER"}, {"analyst", "Ruth Adeyemi", "ANALYST"},
                {"admin", "Chris Patel", "ADMIN"}, {"adviser.work", "Dev Sharma", "EMPLOYMENT_ADVISER"},
                {"adviser.money", "Helen Price", "DEBT_ADVISER"}};
        List<StaffAccounts.NewStaffUser> staff = new ArrayList<>();
        for (String[] person : people) {
            staff.add(new StaffAccounts.NewStaffUser(username(person[0], icb.code()), person[1] + " (" + area + ")", Role.valueOf(person[2]),
                    provider, PASSWORD));
        }
        return staff;
    }

    private DemoSignIns currentSignIns() {
        String icb = FIRST_ICB.toLowerCase();
        List<DemoSignIns.Staff> staff = List.of(
                new DemoSignIns.Staff("Clinician", "clinician." + icb),
                new DemoSignIns.Staff("Service manager", "manager." + icb),
                new DemoSignIns.Staff("Analyst", "analyst." + icb),
                new DemoSignIns.Staff("Analyst (all 17 ICBs)", "analyst.programme"),
                new DemoSignIns.Staff("Administrator", "admin." + icb),
                new DemoSignIns.Staff("Employment adviser", "adviser.work." + icb),
                new DemoSignIns.Staff("Debt adviser", "adviser.money." + icb));
        List<DemoSignIns.Patient> patients = this.patients.inIcb(FIRST_ICB).stream().limit(2)
                .map(p -> new DemoSignIns.Patient(p.givenName() + " " + p.familyName(), p.nhsNumber().formatted(), p.birthDate(),
                        accessCodes.issue(p.id().value(), "demo").code()))
                .toList();
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

}

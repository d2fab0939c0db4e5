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
import health.limber.patient.NhsNumber;
import health.limber.patient.PatientBulkLoad;
import health.limber.patient.PatientId;
import health.limber.patient.PatientInput;
import health.limber.patient.WorkStatus;
import health.limber.patient.WorkStatusChange;
import health.limber.platform.LimberTime;
import health.limber.referral.ReferralBulkLoad;
import health.limber.referral.ReferralBulkLoad.PastReferral;
import health.limber.waitinglist.Pathway;
import health.limber.waitinglist.PathwayId;
import health.limber.waitinglist.WaitingListManagement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
    private final StaffAccounts staffAccounts;
    private final PatientBulkLoad patients;
    private final ReferralBulkLoad referrals;
    private final HubResources hubResources;
    private final Hubs hubs;
    private final CurrentActor currentActor;
    private final AccessCodes accessCodes;
    private final WaitingListManagement waitingList;
    private final DemoClinics clinics;
    private final DemoExercise exercise;
    private final DemoEpisodes episodes;
    private final Clock clock;
    private final long seed;
    private final int referralsPerIcb;
    private final int patientsPerIcb;
    private final int programmesPerIcb;
    private volatile DemoSignIns signIns;
    /** Opened once the tour's first ICB has everything (its programmes too); until then the demo shows "getting ready". */
    private final java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);

    DemoData(TransactionTemplate transaction, Organisations organisations, StaffAccounts staffAccounts, PatientBulkLoad patients,
             ReferralBulkLoad referrals, HubResources hubResources, Hubs hubs, CurrentActor currentActor, AccessCodes accessCodes,
             WaitingListManagement waitingList, DemoClinics clinics, DemoExercise exercise, DemoEpisodes episodes, Clock clock, @Value("${limber.demo.seed:2024}") long seed,
             @Value("${limber.demo.referrals-per-icb:90}") int referralsPerIcb,
             @Value("${limber.demo.patients-per-icb:200}") int patientsPerIcb,
             @Value("${limber.demo.programmes-per-icb:180}") int programmesPerIcb) {
        this.transaction = transaction;
        this.organisations = organisations;
        this.staffAccounts = staffAccounts;
        this.patients = patients;
        this.referrals = referrals;
        this.hubResources = hubResources;
        this.hubs = hubs;
        this.currentActor = currentActor;
        this.accessCodes = accessCodes;
        this.waitingList = waitingList;
        this.clinics = clinics;
        this.exercise = exercise;
        this.episodes = episodes;
        this.clock = clock;
        this.seed = seed;
        this.referralsPerIcb = referralsPerIcb;
        this.patientsPerIcb = patientsPerIcb;
        this.programmesPerIcb = programmesPerIcb;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (organisations.providerName(providerCode(0)).isEmpty()) {
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
                String provider = providerCode(i);
                int handMade = icb.equals(FIRST_ICB) ? DemoExercise.HAND_MADE : 0;
                Random random = new Random(seed * 19 + i);
                programmes += transaction.execute(status -> {
                    int existing = exercise.programmesOf(icb);
                    return existing > handMade ? 0
                            : exercise.cohort(random, icb, provider, programmesPerIcb, handMade, LimberTime.today(clock));
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
        LocalDate today = LimberTime.today(clock);
        List<Icb> icbs = organisations.icbs();
        List<StaffAccounts.NewStaffUser> staff = new ArrayList<>();
        for (int i = 0; i < icbs.size(); i++) {
            Icb icb = icbs.get(i);
            String provider = providerCode(i);
            List<DemoAreas.Town> towns = DemoAreas.TOWNS.get(icb.code());
            organisation(icb, provider, towns, i);
            Actor manager = new Actor(username("manager", icb.code()), "Alex Morgan", Role.SERVICE_MANAGER, provider, Set.of(icb.code()), null);
            List<UUID> hubIds = currentActor.runAs(manager, () -> hubs(random, icb, towns));
            Random practitioners = new Random(seed * 17 + i);
            currentActor.runAs(manager, () -> clinics.practitioners(practitioners, hubIds));
            staff.addAll(staff(icb, provider));
            patients(random, icb, towns, i, now);
            waitingList(new Random(seed + i), icb, provider, hubIds);
            List<PatientBulkLoad.Summary> people = patients.inIcb(icb.code());
            boolean tour = icb.code().equals(FIRST_ICB);
            List<PastReferral> made = episodes.linkToPatients(DemoReferrals.generate(new Random(seed * 31 + i), icb.code(),
                    organisations.practicesIn(icb.code()).stream().map(GpPractice::code).toList(), today, now, referralsPerIcb, 12), people, tour, today);
            referrals.store(made);
            episodes.open(new Random(seed * 41 + i), made, provider, today, tour ? people.get(0) : null);
            PatientId signInPatient = tour ? people.get(0).id() : null;
            clinics.admit(new Random(seed * 37 + i), made, provider, today, signInPatient);
        }
        staff.addAll(programme(icbs));
        staffAccounts.createBySetup(staff);
        String firstProvider = providerCode(icbs.stream().map(Icb::code).toList().indexOf(FIRST_ICB));
        clinics.clinicDays(new Random(seed * 7), FIRST_ICB, firstProvider, today);
        exercise.load(new Random(seed * 13), FIRST_ICB, firstProvider, today);
    }

    /** Pathways for this ICB from mid-2023 to today, simulated week by week (see {@link DemoWaitingList}), each seen at one of its hubs. */
    private void waitingList(Random random, Icb icb, String provider, List<UUID> hubIds) {
        List<String> nhsNumbers = patients.inIcb(icb.code()).stream().map(p -> p.nhsNumber().value()).toList();
        double arrivalsPerWeek = 5 + random.nextInt(6);
        List<Pathway> pathways = DemoWaitingList.simulate(random, icb.code(), provider, nhsNumbers, LocalDate.of(2023, 6, 5),
                LimberTime.today(clock), arrivalsPerWeek);
        Map<PathwayId, UUID> seenAt = new HashMap<>();
        if (!hubIds.isEmpty()) {
            pathways.stream().sorted(Comparator.comparing(p -> p.key().identifier()))
                    .forEach(p -> seenAt.put(p.id(), hubIds.get(random.nextInt(hubIds.size()))));
        }
        waitingList.store(pathways, seenAt);
    }

    /** The national programme team: an organisation serving all 17 ICBs, with an analyst. */
    private List<StaffAccounts.NewStaffUser> programme(List<Icb> icbs) {
        organisations.addProvider(PROGRAMME, "MSK waiting list programme team (demo)",
                icbs.stream().map(Icb::code).collect(Collectors.toCollection(LinkedHashSet::new)));
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
            UUID hub = hubResources.addHub(icb.code(), town.name() + " " + pick(random, DemoAreas.CENTRE_NAMES),
                    (1 + random.nextInt(120)) + " " + pick(random, DemoAreas.STREETS), town.name(), town.outward() + " " + inwardCode(random),
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
                {"admin", "Chris Patel", "ADMIN"}};
        List<StaffAccounts.NewStaffUser> staff = new ArrayList<>();
        for (String[] person : people) {
            staff.add(new StaffAccounts.NewStaffUser(username(person[0], icb.code()), person[1] + " (" + area + ")", Role.valueOf(person[2]),
                    provider, PASSWORD));
        }
        return staff;
    }

    private void patients(Random random, Icb icb, List<DemoAreas.Town> towns, int icbIndex, Instant now) {
        LocalDate today = LimberTime.today(clock);
        List<PatientBulkLoad.PastPatient> made = new ArrayList<>();
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
            PatientInput input = new PatientInput(nextNhsNumber(icbIndex, serial), null, given, family, born.toString(),
                    female ? "FEMALE" : "MALE", town.outward() + " " + inwardCode(random), "07700 900" + String.format("%03d", random.nextInt(1000)),
                    null, language, interpreter, needs(random), null, List.of(), practiceCode(icbIndex, towns.indexOf(town)), icb.code(), work, null);
            input = withContact(input, random, given, family);
            LocalDate recorded = today.minusDays(30 + random.nextInt(600));
            List<WorkStatusChange> earlier = work.equals("EMPLOYED_OFF_SICK") || work.equals("INACTIVE_ILL_HEALTH")
                    ? List.of(new WorkStatusChange(WorkStatus.EMPLOYED_WORKING, recorded.minusDays(200), "demo")) : List.of();
            made.add(new PatientBulkLoad.PastPatient(input, earlier, recorded, "demo", now));
        }
        patients.store(made);
    }

    /** Now and then someone needs step-free access, large print, a BSL interpreter, easy read or a hearing loop. */
    private static List<String> needs(Random random) {
        List<String> needs = new ArrayList<>();
        int[] oneIn = {10, 20, 100, 40, 50};
        String[] names = {"STEP_FREE", "LARGE_PRINT", "BSL", "EASY_READ", "HEARING_LOOP"};
        for (int n = 0; n < names.length; n++) {
            if (random.nextInt(oneIn[n]) == 0) {
                needs.add(names[n]);
            }
        }
        return needs;
    }

    /** Most people take text messages (the rest phone calls), some email too, a few letters as well. */
    private static PatientInput withContact(PatientInput in, Random random, String given, String family) {
        boolean sms = random.nextInt(10) < 7;
        boolean email = random.nextInt(10) < 4;
        List<String> channels = new ArrayList<>(List.of(sms ? "SMS" : "PHONE"));
        if (email) {
            channels.add("EMAIL");
        }
        if (random.nextInt(5) == 0) {
            channels.add("LETTER");
        }
        return new PatientInput(in.nhsNumber(), in.nhsNumberUnknownReason(), in.givenName(), in.familyName(), in.birthDate(), in.sex(),
                in.postcode(), in.phone(), email ? (given + "." + family).toLowerCase().replace("'", "") + "@example.com" : null,
                in.preferredLanguage(), in.interpreterNeeded(), in.accessibilityNeeds(), in.otherNeeds(), channels, in.gpPracticeCode(),
                in.icbCode(), in.workStatus(), in.version());
    }

    private DemoSignIns currentSignIns() {
        String icb = FIRST_ICB.toLowerCase();
        List<DemoSignIns.Staff> staff = List.of(
                new DemoSignIns.Staff("Clinician", "clinician." + icb),
                new DemoSignIns.Staff("Service manager", "manager." + icb),
                new DemoSignIns.Staff("Analyst", "analyst." + icb),
                new DemoSignIns.Staff("Analyst (all 17 ICBs)", "analyst.programme"),
                new DemoSignIns.Staff("Administrator", "admin." + icb));
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

}

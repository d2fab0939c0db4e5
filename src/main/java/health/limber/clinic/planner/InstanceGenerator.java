package health.limber.clinic.planner;

import health.limber.clinic.planner.Instance.Patient;
import health.limber.clinic.planner.Instance.Practitioner;
import health.limber.clinic.planner.Instance.Room;
import health.limber.clinic.planner.Instance.Service;
import health.limber.clinic.planner.Instance.Window;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Makes clinic days for tests and benchmarks from a seed: the same seed gives the same day.
 * The shape follows a one-stop hub: five services, six rooms and ten practitioners for forty
 * patients (scaled with the number of patients). A <em>planted</em> day is made by first
 * laying out a plan that serves everyone and then describing each patient loosely around
 * their planted visit (wider window, a longer stay limit, needs in another order), so a plan
 * serving everyone is known to exist; {@link #plantedPlan()} returns it.
 */
public final class InstanceGenerator {

    static final int SLOT = 5;
    static final int DAY_START = 9 * 60;
    static final int DAY_END = 17 * 60;
    private static final List<Service> SERVICES = List.of(new Service("PHYSIO", 45), new Service("MENTAL_HEALTH", 40),
            new Service("ACTIVITY", 30), new Service("EMPLOYMENT", 30), new Service("DEBT", 30));
    private static final List<String> OTHER_LANGUAGES = List.of("pl", "ur", "pa", "bn", "ro");

    private final Random random;
    private final int patientCount;
    private final boolean planted;
    private final List<Room> rooms = new ArrayList<>();
    private final List<Practitioner> practitioners = new ArrayList<>();
    private final List<Appointment> plan = new ArrayList<>();
    private final Map<String, boolean[]> busy = new HashMap<>();

    private InstanceGenerator(long seed, int patientCount, boolean planted) {
        this.random = new Random(seed);
        this.patientCount = patientCount;
        this.planted = planted;
    }

    /** A day with this many patients; planted days have a known plan serving everyone. */
    public static InstanceGenerator generate(long seed, int patients, boolean planted) {
        if (patients < 1) {
            throw new IllegalArgumentException("--patients must be 1 or more");
        }
        // A planted day can fill up before its last patient is placed; then the day is laid out
        // again from a seed derived from this one, so the same seed still gives the same day.
        for (int attempt = 0; attempt < 20; attempt++) {
            InstanceGenerator generator = new InstanceGenerator(seed * 1_000_003L + attempt, patients, planted);
            try {
                generator.build();
                return generator;
            } catch (DayFullException e) {
                // try the next layout
            }
        }
        throw new IllegalArgumentException("Could not plant " + patients + " patients in one day: use fewer patients");
    }

    private Instance instance;

    public Instance instance() {
        return instance;
    }

    /** The plan the planted day was made from (empty for a day that was not planted). */
    public List<Appointment> plantedPlan() {
        return List.copyOf(plan);
    }

    private void build() {
        int scale = Math.max(1, (int) Math.ceil(patientCount / 40.0));
        for (int s = 0; s < scale; s++) {
            String n = scale == 1 ? "" : "-" + (s + 1);
            rooms.add(new Room("R1" + n, Set.of("PHYSIO", "ACTIVITY"), true));
            rooms.add(new Room("R2" + n, Set.of("PHYSIO"), true));
            rooms.add(new Room("R3" + n, Set.of("PHYSIO", "ACTIVITY"), false));
            rooms.add(new Room("R4" + n, Set.of("MENTAL_HEALTH", "EMPLOYMENT", "DEBT"), true));
            rooms.add(new Room("R5" + n, Set.of("MENTAL_HEALTH", "EMPLOYMENT", "DEBT"), false));
            rooms.add(new Room("R6" + n, Set.of("EMPLOYMENT", "DEBT"), false));
            String[] services = {"PHYSIO", "PHYSIO", "PHYSIO", "MENTAL_HEALTH", "MENTAL_HEALTH", "ACTIVITY", "ACTIVITY", "EMPLOYMENT", "EMPLOYMENT", "DEBT"};
            for (int i = 0; i < services.length; i++) {
                practitioners.add(new Practitioner("P" + (practitioners.size() + 1), services[i], languages(), hours()));
            }
        }
        List<Patient> patients = new ArrayList<>();
        for (int i = 0; i < patientCount; i++) {
            String id = "A" + (i + 1);
            patients.add(planted ? plantedPatient(id) : randomPatient(id));
        }
        instance = Instance.checked(new Instance(LocalDate.of(2025, 2, 14), DAY_START, DAY_END, SLOT, SERVICES, rooms, practitioners, patients));
    }

    private Set<String> languages() {
        return random.nextInt(3) == 0 ? Set.of("en", OTHER_LANGUAGES.get(random.nextInt(OTHER_LANGUAGES.size()))) : Set.of("en");
    }

    private List<Window> hours() {
        return switch (random.nextInt(5)) {
            case 0 -> List.of(new Window(DAY_START, 13 * 60));
            case 1 -> List.of(new Window(12 * 60, DAY_END));
            default -> List.of(new Window(DAY_START, 12 * 60 + 30), new Window(13 * 60, DAY_END));
        };
    }

    /** Physiotherapy for most, plus one support service (sometimes two or three). */
    private List<String> randomNeeds() {
        List<String> needs = new ArrayList<>();
        if (random.nextInt(10) < 6) {
            needs.add("PHYSIO");
        }
        List<String> others = new ArrayList<>(List.of("MENTAL_HEALTH", "ACTIVITY", "EMPLOYMENT", "DEBT"));
        Collections.shuffle(others, random);
        int roll = random.nextInt(20);
        int extra = roll < 13 ? 1 : roll < 18 ? 2 : 3;
        needs.addAll(others.subList(0, extra));
        Collections.shuffle(needs, random);
        return needs;
    }

    private Patient randomPatient(String id) {
        List<String> needs = randomNeeds();
        int from = DAY_START + SLOT * random.nextInt((DAY_END - DAY_START - 120) / SLOT);
        int to = Math.min(DAY_END, from + 120 + SLOT * random.nextInt(48));
        boolean otherLanguage = random.nextInt(8) == 0;
        return new Patient(id, needs, new Window(from, to), 120 + SLOT * random.nextInt(24), random.nextInt(7) == 0,
                otherLanguage ? OTHER_LANGUAGES.get(random.nextInt(OTHER_LANGUAGES.size())) : "en",
                otherLanguage && random.nextBoolean(), random.nextInt(5) == 0 ? 2 : 1);
    }

    /**
     * Places a whole visit first, then describes the patient around it. Random visits first;
     * when the day is nearly full, the first free slot for a single service.
     */
    private Patient plantedPatient(String id) {
        for (int attempt = 0; attempt < 600; attempt++) {
            List<String> needs = attempt < 300 ? randomNeeds() : randomNeeds().subList(0, 1);
            boolean stepFree = random.nextInt(7) == 0;
            String language = random.nextInt(8) == 0 ? OTHER_LANGUAGES.get(random.nextInt(OTHER_LANGUAGES.size())) : "en";
            boolean interpreter = !"en".equals(language) && random.nextBoolean();
            Patient draft = new Patient(id, needs, new Window(DAY_START, DAY_END), DAY_END - DAY_START, stepFree, language, interpreter, 1);
            List<Appointment> visit = place(draft);
            if (visit != null) {
                return describe(draft, visit);
            }
        }
        List<String> services = new ArrayList<>(SERVICES.stream().map(Service::id).toList());
        Collections.shuffle(services, random);
        for (String service : services) {
            Patient draft = new Patient(id, List.of(service), new Window(DAY_START, DAY_END), DAY_END - DAY_START, false, "en", false, 1);
            int length = SERVICES.stream().filter(s -> s.id().equals(service)).findFirst().orElseThrow().minutes();
            for (int start = DAY_START; start + length <= DAY_END; start += SLOT) {
                Appointment free = freeAt(draft, service, start, start + length);
                if (free != null) {
                    return describe(draft, List.of(free));
                }
            }
        }
        throw new DayFullException();
    }

    /** Books the planted visit and describes the patient loosely around it. */
    private Patient describe(Patient draft, List<Appointment> visit) {
        visit.forEach(this::book);
        plan.addAll(visit);
        int first = visit.get(0).start();
        int last = visit.get(visit.size() - 1).end();
        int from = Math.max(DAY_START, first - SLOT * random.nextInt(19));
        int to = Math.min(DAY_END, last + SLOT * random.nextInt(19));
        List<String> order = new ArrayList<>(draft.needs());
        Collections.shuffle(order, random);
        return new Patient(draft.id(), order, new Window(from, to), (last - first) + SLOT * random.nextInt(10), draft.needsStepFree(),
                draft.language(), draft.interpreterBooked(), random.nextInt(5) == 0 ? 2 : 1);
    }

    private List<Appointment> place(Patient patient) {
        int cursor = DAY_START + SLOT * random.nextInt((DAY_END - DAY_START - 60) / SLOT);
        List<Appointment> visit = new ArrayList<>();
        for (String need : patient.needs()) {
            int length = SERVICES.stream().filter(s -> s.id().equals(need)).findFirst().orElseThrow().minutes();
            int start = cursor + SLOT * random.nextInt(3);
            Appointment next = freeAt(patient, need, start, start + length);
            if (next == null) {
                return null;
            }
            visit.add(next);
            cursor = next.end();
        }
        return visit;
    }

    private Appointment freeAt(Patient patient, String need, int start, int end) {
        if (end > DAY_END) {
            return null;
        }
        List<Practitioner> candidates = new ArrayList<>(practitioners.stream()
                .filter(p -> p.service().equals(need) && p.availableFor(start, end) && free("p:" + p.id(), start, end)
                        && (!patient.needsLanguage() || p.speaks(patient.language())))
                .toList());
        List<Room> places = new ArrayList<>(rooms.stream()
                .filter(r -> r.services().contains(need) && (!patient.needsStepFree() || r.stepFree()) && free("r:" + r.id(), start, end))
                .toList());
        if (candidates.isEmpty() || places.isEmpty()) {
            return null;
        }
        Practitioner practitioner = candidates.get(random.nextInt(candidates.size()));
        Room room = places.get(random.nextInt(places.size()));
        return new Appointment(patient.id(), need, practitioner.id(), room.id(), start, end);
    }

    private static final class DayFullException extends RuntimeException {
        DayFullException() {
            super(null, null, false, false);
        }
    }

    private boolean free(String resource, int start, int end) {
        boolean[] row = busy.get(resource);
        if (row == null) {
            return true;
        }
        for (int t = start; t < end; t += SLOT) {
            if (row[(t - DAY_START) / SLOT]) {
                return false;
            }
        }
        return true;
    }

    private void book(Appointment appointment) {
        for (String resource : List.of("p:" + appointment.practitioner(), "r:" + appointment.room())) {
            boolean[] row = busy.computeIfAbsent(resource, k -> new boolean[(DAY_END - DAY_START) / SLOT]);
            for (int t = appointment.start(); t < appointment.end(); t += SLOT) {
                row[(t - DAY_START) / SLOT] = true;
            }
        }
    }
}

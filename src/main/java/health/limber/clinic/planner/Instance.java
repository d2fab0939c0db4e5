package health.limber.clinic.planner;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One clinic day to plan: the services offered, the rooms, the practitioners and their hours,
 * and the patients with what they need. Times are minutes after midnight, always on the
 * {@code slotMinutes} grid; {@link InstanceJson} reads and writes the {@code HH:mm} form.
 * Build one with {@link InstanceJson#read} or {@link #checked}, which reject a broken day with
 * an {@link InstanceException} naming the element.
 */
public record Instance(LocalDate date, int dayStart, int dayEnd, int slotMinutes, List<Service> services,
                       List<Room> rooms, List<Practitioner> practitioners, List<Patient> patients) {

    public Instance {
        services = List.copyOf(services);
        rooms = List.copyOf(rooms);
        practitioners = List.copyOf(practitioners);
        patients = List.copyOf(patients);
    }

    /** A service a patient can need, with the length of its appointment. */
    public record Service(String id, int minutes) {}

    /** A room and the services it can host. */
    public record Room(String id, Set<String> services, boolean stepFree) {
        public Room {
            services = Set.copyOf(services);
        }
    }

    /** A practitioner gives one service, speaks some languages and works in one or more windows. */
    public record Practitioner(String id, String service, Set<String> languages, List<Window> available) {
        public Practitioner {
            languages = Set.copyOf(languages);
            available = List.copyOf(available);
        }

        public boolean availableFor(int start, int end) {
            return available.stream().anyMatch(window -> window.contains(start, end));
        }

        public boolean speaks(String language) {
            return languages.contains(language);
        }
    }

    /**
     * A patient who may come on the day: what they need (all of it or nothing), when they can
     * be there, the longest they can stay, whether they need step-free rooms, their language,
     * whether an interpreter is booked for them, and how much serving them counts.
     */
    public record Patient(String id, List<String> needs, Window available, int maxStayMinutes, boolean needsStepFree,
                          String language, boolean interpreterBooked, int weight) {
        public Patient {
            needs = List.copyOf(needs);
        }

        /** True when whoever sees this patient must speak their language. */
        public boolean needsLanguage() {
            return !interpreterBooked && !ENGLISH.equals(language);
        }
    }

    /** A time window {@code [from, to)} in minutes after midnight. */
    public record Window(int from, int to) {
        public boolean contains(int start, int end) {
            return from <= start && end <= to;
        }

        public boolean overlaps(Window other) {
            return from < other.to && other.from < to;
        }

        public int minutes() {
            return to - from;
        }
    }

    static final String ENGLISH = "en";

    /** Returns the instance after {@link InstanceRules#check}; throws naming the first broken element. */
    public static Instance checked(Instance instance) {
        InstanceRules.check(instance);
        return instance;
    }

    public Map<String, Service> servicesById() {
        return services.stream().collect(Collectors.toMap(Service::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    public Optional<Patient> patient(String id) {
        return patients.stream().filter(patient -> patient.id().equals(id)).findFirst();
    }

    public int minutesOf(String service) {
        Service found = servicesById().get(service);
        if (found == null) {
            throw new IllegalArgumentException("There is no service " + service);
        }
        return found.minutes();
    }

    /**
     * Patients nobody can serve on this day, with the reason: a need no practitioner gives or
     * no room (step-free, if they need it) hosts, no practitioner who speaks their language,
     * or needs that cannot fit in their window or their longest stay. Planners leave them
     * unserved; the checker would reject any plan that served them anyway.
     */
    public Map<String, String> unservable() {
        return unservable(code -> code, code -> code);
    }

    /**
     * As {@link #unservable()}, in words a person would use: services and languages by name (the
     * page's "nobody offering a mental health appointment speaks Polish", not the codes).
     */
    public Map<String, String> unservable(java.util.function.Function<String, String> serviceName,
                                          java.util.function.Function<String, String> languageName) {
        Map<String, String> reasons = new LinkedHashMap<>();
        Map<String, Integer> minutes = new HashMap<>();
        services.forEach(service -> minutes.put(service.id(), service.minutes()));
        for (Patient patient : patients) {
            for (String need : patient.needs()) {
                boolean practitioner = practitioners.stream().anyMatch(p -> p.service().equals(need)
                        && (!patient.needsLanguage() || p.speaks(patient.language())));
                boolean anyPractitioner = practitioners.stream().anyMatch(p -> p.service().equals(need));
                boolean room = rooms.stream().anyMatch(r -> r.services().contains(need) && (!patient.needsStepFree() || r.stepFree()));
                if (!anyPractitioner) {
                    reasons.put(patient.id(), "nobody offers " + serviceName.apply(need) + " on this day");
                } else if (!practitioner) {
                    reasons.put(patient.id(), "nobody offering " + serviceName.apply(need) + " speaks " + languageName.apply(patient.language())
                            + " and no interpreter is booked");
                } else if (!room) {
                    reasons.put(patient.id(), "no " + (patient.needsStepFree() ? "step-free " : "") + "room hosts " + serviceName.apply(need));
                }
                if (reasons.containsKey(patient.id())) {
                    break;
                }
            }
            if (!reasons.containsKey(patient.id())) {
                int total = patient.needs().stream().mapToInt(minutes::get).sum();
                if (total > patient.available().minutes()) {
                    reasons.put(patient.id(), "needs " + total + " minutes of appointments but is available for " + patient.available().minutes());
                } else if (total > patient.maxStayMinutes()) {
                    reasons.put(patient.id(), "needs " + total + " minutes of appointments but can stay at most " + patient.maxStayMinutes());
                }
            }
        }
        return reasons;
    }
}

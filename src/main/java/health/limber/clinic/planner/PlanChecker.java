package health.limber.clinic.planner;

import health.limber.clinic.planner.Instance.Patient;
import health.limber.clinic.planner.Instance.Practitioner;
import health.limber.clinic.planner.Instance.Room;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Lists every rule a plan breaks. It shares no code with the planners, so a planner's bug
 * cannot hide itself: the optimiser's and the greedy planner's plans are both checked here,
 * and a plan with any violation is never published.
 */
public final class PlanChecker {

    private final Instance day;
    private final Map<String, Patient> patients;
    private final Map<String, Practitioner> practitioners;
    private final Map<String, Room> rooms;
    private final Map<String, Integer> serviceMinutes;

    public PlanChecker(Instance day) {
        this.day = day;
        this.patients = byId(day.patients(), Patient::id);
        this.practitioners = byId(day.practitioners(), Practitioner::id);
        this.rooms = byId(day.rooms(), Room::id);
        this.serviceMinutes = day.services().stream().collect(Collectors.toMap(Instance.Service::id, Instance.Service::minutes));
    }

    public static List<Violation> check(Instance day, Plan plan) {
        return new PlanChecker(day).check(plan.appointments(), plan.unserved());
    }

    /** Every violation, rule by rule; rules about references skip appointments that name unknown things. */
    public List<Violation> check(List<Appointment> appointments, List<String> unserved) {
        List<Violation> found = new ArrayList<>();
        found.addAll(knownReferences(appointments));
        List<Integer> known = IntStream.range(0, appointments.size()).filter(i -> isKnown(appointments.get(i))).boxed().toList();
        found.addAll(onGrid(appointments, known));
        found.addAll(patientAvailable(appointments, known));
        found.addAll(practitionerAvailable(appointments, known));
        found.addAll(practitionerGivesService(appointments, known));
        found.addAll(roomHostsService(appointments, known));
        found.addAll(stepFree(appointments, known));
        found.addAll(language(appointments, known));
        found.addAll(oneAtATime(Rule.PATIENT_ONE_AT_A_TIME, "patient", appointments, Appointment::patient));
        found.addAll(oneAtATime(Rule.PRACTITIONER_ONE_AT_A_TIME, "practitioner", appointments, Appointment::practitioner));
        found.addAll(oneAtATime(Rule.ROOM_ONE_AT_A_TIME, "room", appointments, Appointment::room));
        found.addAll(wholeVisit(appointments));
        found.addAll(maxStay(appointments));
        found.addAll(unservedListed(appointments, unserved));
        return found;
    }

    List<Violation> knownReferences(List<Appointment> appointments) {
        List<Violation> found = new ArrayList<>();
        for (int i = 0; i < appointments.size(); i++) {
            Appointment a = appointments.get(i);
            List<String> problems = new ArrayList<>();
            if (!patients.containsKey(a.patient())) {
                problems.add("no patient " + a.patient());
            } else if (!patients.get(a.patient()).needs().contains(a.service())) {
                problems.add(a.patient() + " does not need " + a.service());
            }
            if (!serviceMinutes.containsKey(a.service())) {
                problems.add("no service " + a.service());
            }
            if (!practitioners.containsKey(a.practitioner())) {
                problems.add("no practitioner " + a.practitioner());
            }
            if (!rooms.containsKey(a.room())) {
                problems.add("no room " + a.room());
            }
            if (!problems.isEmpty()) {
                found.add(violation(Rule.KNOWN_REFERENCES, a + ": " + String.join(", ", problems), i));
            }
        }
        return found;
    }

    List<Violation> onGrid(List<Appointment> appointments, List<Integer> indexes) {
        List<Violation> found = new ArrayList<>();
        for (int i : indexes) {
            Appointment a = appointments.get(i);
            int length = serviceMinutes.get(a.service());
            if (a.start() % day.slotMinutes() != 0) {
                found.add(violation(Rule.ON_GRID, a + ": starts off the " + day.slotMinutes() + "-minute grid", i));
            } else if (a.start() < day.dayStart() || a.end() > day.dayEnd()) {
                found.add(violation(Rule.ON_GRID, a + ": outside the day " + InstanceJson.time(day.dayStart()) + "–" + InstanceJson.time(day.dayEnd()), i));
            } else if (a.end() - a.start() != length) {
                found.add(violation(Rule.ON_GRID, a + ": lasts " + (a.end() - a.start()) + " minutes, " + a.service() + " takes " + length, i));
            }
        }
        return found;
    }

    List<Violation> patientAvailable(List<Appointment> appointments, List<Integer> indexes) {
        List<Violation> found = new ArrayList<>();
        for (int i : indexes) {
            Appointment a = appointments.get(i);
            Instance.Window window = patients.get(a.patient()).available();
            if (!window.contains(a.start(), a.end())) {
                found.add(violation(Rule.PATIENT_AVAILABLE, a + ": " + a.patient() + " is available "
                        + InstanceJson.time(window.from()) + "–" + InstanceJson.time(window.to()), i));
            }
        }
        return found;
    }

    List<Violation> practitionerAvailable(List<Appointment> appointments, List<Integer> indexes) {
        List<Violation> found = new ArrayList<>();
        for (int i : indexes) {
            Appointment a = appointments.get(i);
            Practitioner practitioner = practitioners.get(a.practitioner());
            if (!practitioner.availableFor(a.start(), a.end())) {
                found.add(violation(Rule.PRACTITIONER_AVAILABLE, a + ": " + a.practitioner() + " is not working then", i));
            }
        }
        return found;
    }

    List<Violation> practitionerGivesService(List<Appointment> appointments, List<Integer> indexes) {
        List<Violation> found = new ArrayList<>();
        for (int i : indexes) {
            Appointment a = appointments.get(i);
            String gives = practitioners.get(a.practitioner()).service();
            if (!gives.equals(a.service())) {
                found.add(violation(Rule.PRACTITIONER_GIVES_SERVICE, a + ": " + a.practitioner() + " gives " + gives, i));
            }
        }
        return found;
    }

    List<Violation> roomHostsService(List<Appointment> appointments, List<Integer> indexes) {
        List<Violation> found = new ArrayList<>();
        for (int i : indexes) {
            Appointment a = appointments.get(i);
            if (!rooms.get(a.room()).services().contains(a.service())) {
                found.add(violation(Rule.ROOM_HOSTS_SERVICE, a + ": room " + a.room() + " cannot host " + a.service(), i));
            }
        }
        return found;
    }

    List<Violation> stepFree(List<Appointment> appointments, List<Integer> indexes) {
        List<Violation> found = new ArrayList<>();
        for (int i : indexes) {
            Appointment a = appointments.get(i);
            if (patients.get(a.patient()).needsStepFree() && !rooms.get(a.room()).stepFree()) {
                found.add(violation(Rule.STEP_FREE, a + ": " + a.patient() + " needs step-free access and room " + a.room() + " is not step-free", i));
            }
        }
        return found;
    }

    List<Violation> language(List<Appointment> appointments, List<Integer> indexes) {
        List<Violation> found = new ArrayList<>();
        for (int i : indexes) {
            Appointment a = appointments.get(i);
            Patient patient = patients.get(a.patient());
            if (patient.needsLanguage() && !practitioners.get(a.practitioner()).speaks(patient.language())) {
                found.add(violation(Rule.LANGUAGE, a + ": " + a.practitioner() + " does not speak " + patient.language() + " and no interpreter is booked", i));
            }
        }
        return found;
    }

    List<Violation> oneAtATime(Rule rule, String who, List<Appointment> appointments, Function<Appointment, String> key) {
        List<Violation> found = new ArrayList<>();
        for (List<Integer> group : indexesBy(appointments, key).values()) {
            List<Integer> sorted = group.stream().sorted(Comparator.comparingInt(i -> appointments.get(i).start())).toList();
            for (int x = 0; x < sorted.size(); x++) {
                for (int y = x + 1; y < sorted.size(); y++) {
                    Appointment first = appointments.get(sorted.get(x));
                    Appointment second = appointments.get(sorted.get(y));
                    if (second.start() >= first.end()) {
                        break;
                    }
                    found.add(violation(rule, "the " + who + " " + key.apply(first) + " is double-booked: " + first + " overlaps " + second,
                            sorted.get(x), sorted.get(y)));
                }
            }
        }
        return found;
    }

    List<Violation> wholeVisit(List<Appointment> appointments) {
        List<Violation> found = new ArrayList<>();
        Map<String, List<Integer>> byPatient = indexesBy(appointments, Appointment::patient);
        byPatient.forEach((id, indexes) -> {
            Patient patient = patients.get(id);
            if (patient == null) {
                return;
            }
            List<String> booked = indexes.stream().map(i -> appointments.get(i).service()).toList();
            Set<String> missing = new java.util.LinkedHashSet<>(patient.needs());
            booked.forEach(missing::remove);
            Set<String> seen = new HashSet<>();
            List<String> twice = booked.stream().filter(service -> !seen.add(service)).distinct().toList();
            if (!missing.isEmpty()) {
                found.add(violation(Rule.WHOLE_VISIT, id + " has a partial visit: no appointment for " + String.join(", ", missing), indexes));
            }
            if (!twice.isEmpty()) {
                found.add(violation(Rule.WHOLE_VISIT, id + " has more than one appointment for " + String.join(", ", twice), indexes));
            }
        });
        return found;
    }

    List<Violation> maxStay(List<Appointment> appointments) {
        List<Violation> found = new ArrayList<>();
        indexesBy(appointments, Appointment::patient).forEach((id, indexes) -> {
            Patient patient = patients.get(id);
            if (patient == null) {
                return;
            }
            int first = indexes.stream().mapToInt(i -> appointments.get(i).start()).min().orElseThrow();
            int last = indexes.stream().mapToInt(i -> appointments.get(i).end()).max().orElseThrow();
            if (last - first > patient.maxStayMinutes()) {
                found.add(violation(Rule.MAX_STAY, id + " would stay " + (last - first) + " minutes ("
                        + InstanceJson.time(first) + "–" + InstanceJson.time(last) + "), longer than their " + patient.maxStayMinutes(), indexes));
            }
        });
        return found;
    }

    List<Violation> unservedListed(List<Appointment> appointments, List<String> unserved) {
        List<Violation> found = new ArrayList<>();
        Set<String> seen = appointments.stream().map(Appointment::patient).collect(Collectors.toSet());
        Set<String> listed = new HashSet<>(unserved);
        for (String id : unserved) {
            if (seen.contains(id)) {
                found.add(violation(Rule.UNSERVED_LISTED, id + " is listed as unserved but has appointments",
                        IntStream.range(0, appointments.size()).filter(i -> appointments.get(i).patient().equals(id)).boxed().toList()));
            } else if (!patients.containsKey(id)) {
                found.add(violation(Rule.UNSERVED_LISTED, "unserved names " + id + ", who is not a patient of the day", List.of()));
            }
        }
        for (Patient patient : day.patients()) {
            if (!seen.contains(patient.id()) && !listed.contains(patient.id())) {
                found.add(violation(Rule.UNSERVED_LISTED, patient.id() + " has no appointment and is not listed as unserved", List.of()));
            }
        }
        return found;
    }

    private boolean isKnown(Appointment a) {
        return patients.containsKey(a.patient()) && serviceMinutes.containsKey(a.service())
                && practitioners.containsKey(a.practitioner()) && rooms.containsKey(a.room());
    }

    private static Map<String, List<Integer>> indexesBy(List<Appointment> appointments, Function<Appointment, String> key) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < appointments.size(); i++) {
            groups.computeIfAbsent(key.apply(appointments.get(i)), k -> new ArrayList<>()).add(i);
        }
        return groups;
    }

    private static Violation violation(Rule rule, String message, Integer... appointments) {
        return new Violation(rule, List.of(appointments), message);
    }

    private static Violation violation(Rule rule, String message, List<Integer> appointments) {
        return new Violation(rule, appointments, message);
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }
}

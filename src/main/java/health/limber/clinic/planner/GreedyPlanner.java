package health.limber.clinic.planner;

import health.limber.clinic.planner.Instance.Patient;
import health.limber.clinic.planner.Instance.Practitioner;
import health.limber.clinic.planner.Instance.Room;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The baseline a person with a spreadsheet would follow: take patients by weight (then in
 * the order they came), and give each the earliest whole visit that still fits, seeing their
 * needs in the order listed, each with the first free practitioner and room (keeping
 * step-free rooms for those who need them when there is a choice). It never moves anyone
 * already placed, which is why it serves fewer people than the optimiser.
 */
public final class GreedyPlanner implements Planner {

    @Override
    public Plan plan(Instance day, Duration limit, Consumer<String> progress) {
        long started = System.nanoTime();
        Set<String> unservable = day.unservable().keySet();
        Occupancy busy = new Occupancy(day);
        List<Appointment> appointments = new ArrayList<>();
        List<Patient> order = day.patients().stream()
                .filter(patient -> !unservable.contains(patient.id()))
                .sorted(Comparator.comparingInt(Patient::weight).reversed())
                .toList();
        for (Patient patient : order) {
            List<Appointment> visit = earliestVisit(day, patient, busy);
            if (visit != null) {
                visit.forEach(busy::book);
                appointments.addAll(visit);
            }
        }
        Plan plan = Plan.of(day, appointments, null, (System.nanoTime() - started) / 1e9, "greedy");
        progress.accept(String.format("greedy: served %d of %d patients", plan.metrics().patientsServed(), plan.metrics().patients()));
        return plan;
    }

    private static List<Appointment> earliestVisit(Instance day, Patient patient, Occupancy busy) {
        for (int arrival = patient.available().from(); arrival < patient.available().to(); arrival += day.slotMinutes()) {
            int leaveBy = Math.min(patient.available().to(), arrival + patient.maxStayMinutes());
            List<Appointment> visit = new ArrayList<>();
            int cursor = arrival;
            for (String need : patient.needs()) {
                Appointment next = firstFree(day, patient, need, cursor, leaveBy, busy);
                if (next == null) {
                    visit = null;
                    break;
                }
                visit.add(next);
                cursor = next.end();
            }
            if (visit != null) {
                return visit;
            }
        }
        return null;
    }

    private static Appointment firstFree(Instance day, Patient patient, String need, int from, int leaveBy, Occupancy busy) {
        int length = day.minutesOf(need);
        List<Practitioner> practitioners = day.practitioners().stream()
                .filter(p -> p.service().equals(need) && (!patient.needsLanguage() || p.speaks(patient.language())))
                .toList();
        List<Room> rooms = day.rooms().stream()
                .filter(r -> r.services().contains(need) && (!patient.needsStepFree() || r.stepFree()))
                .sorted(Comparator.comparing(r -> !patient.needsStepFree() && r.stepFree()))
                .toList();
        for (int start = from; start + length <= leaveBy; start += day.slotMinutes()) {
            int end = start + length;
            for (Practitioner practitioner : practitioners) {
                if (!practitioner.availableFor(start, end) || busy.taken("p:" + practitioner.id(), start, end)) {
                    continue;
                }
                for (Room room : rooms) {
                    if (!busy.taken("r:" + room.id(), start, end)) {
                        return new Appointment(patient.id(), need, practitioner.id(), room.id(), start, end);
                    }
                }
            }
        }
        return null;
    }

    /** Who and what is busy when, slot by slot. */
    private static final class Occupancy {
        private final Instance day;
        private final Map<String, boolean[]> slots = new HashMap<>();

        Occupancy(Instance day) {
            this.day = day;
        }

        boolean taken(String resource, int start, int end) {
            boolean[] row = slots.get(resource);
            if (row == null) {
                return false;
            }
            for (int t = start; t < end; t += day.slotMinutes()) {
                if (row[index(t)]) {
                    return true;
                }
            }
            return false;
        }

        void book(Appointment appointment) {
            for (String resource : List.of("p:" + appointment.practitioner(), "r:" + appointment.room())) {
                boolean[] row = slots.computeIfAbsent(resource, k -> new boolean[(day.dayEnd() - day.dayStart()) / day.slotMinutes()]);
                for (int t = appointment.start(); t < appointment.end(); t += day.slotMinutes()) {
                    row[index(t)] = true;
                }
            }
        }

        private int index(int minutes) {
            return (minutes - day.dayStart()) / day.slotMinutes();
        }
    }
}

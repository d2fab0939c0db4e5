package health.limber.clinic.planner;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How good a plan is. Patients count as served only when every need has an appointment.
 * Waiting is the time a served patient spends between appointments (stay minus time in
 * appointments). Utilisation is booked minutes over available minutes: practitioners over
 * their working windows, rooms over the whole day.
 */
public record Metrics(int patients, int patientsServed, int weightTotal, int weightServed, int waitingMinutes,
                      int appointments, double practitionerUtilisation, double roomUtilisation) {

    public static Metrics of(Instance day, List<Appointment> appointments) {
        Map<String, List<Appointment>> byPatient = appointments.stream().collect(Collectors.groupingBy(Appointment::patient));
        int served = 0;
        int weightServed = 0;
        int waiting = 0;
        for (Instance.Patient patient : day.patients()) {
            List<Appointment> own = byPatient.getOrDefault(patient.id(), List.of());
            boolean whole = own.size() == patient.needs().size()
                    && own.stream().map(Appointment::service).collect(Collectors.toSet()).containsAll(patient.needs());
            if (whole) {
                served++;
                weightServed += patient.weight();
                int first = own.stream().mapToInt(Appointment::start).min().orElse(0);
                int last = own.stream().mapToInt(Appointment::end).max().orElse(0);
                waiting += (last - first) - own.stream().mapToInt(a -> a.end() - a.start()).sum();
            }
        }
        int booked = appointments.stream().mapToInt(a -> a.end() - a.start()).sum();
        int practitionerMinutes = day.practitioners().stream()
                .flatMap(p -> p.available().stream()).mapToInt(Instance.Window::minutes).sum();
        int roomMinutes = day.rooms().size() * (day.dayEnd() - day.dayStart());
        return new Metrics(day.patients().size(), served, day.patients().stream().mapToInt(Instance.Patient::weight).sum(),
                weightServed, waiting, appointments.size(), share(booked, practitionerMinutes), share(booked, roomMinutes));
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 1000.0;
    }
}

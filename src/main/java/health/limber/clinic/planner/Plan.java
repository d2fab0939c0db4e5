package health.limber.clinic.planner;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A plan for a clinic day: the appointments, the patients left unserved (with the reason
 * when nobody could serve them), its metrics, the proven upper bound on the weighted
 * patients served (when the planner can prove one) and the seconds it took.
 */
public record Plan(List<Appointment> appointments, List<String> unserved, Map<String, String> unservable,
                   Metrics metrics, Integer bound, double seconds, String solver) {

    public Plan {
        appointments = appointments.stream()
                .sorted(Comparator.comparingInt(Appointment::start).thenComparing(Appointment::patient).thenComparing(Appointment::service))
                .toList();
        unserved = List.copyOf(unserved);
        unservable = Map.copyOf(unservable);
    }

    /** A plan from appointments alone: everyone without an appointment is unserved; metrics are computed. */
    public static Plan of(Instance day, List<Appointment> appointments, Integer bound, double seconds, String solver) {
        var served = appointments.stream().map(Appointment::patient).collect(java.util.stream.Collectors.toSet());
        List<String> unserved = day.patients().stream().map(Instance.Patient::id).filter(id -> !served.contains(id)).toList();
        return new Plan(appointments, unserved, day.unservable(), Metrics.of(day, appointments), bound, seconds, solver);
    }

    /** The proven gap between the bound and the weighted patients served, 0 to 1; null without a bound. */
    public Double gap() {
        if (bound == null || bound == 0) {
            return bound == null ? null : 0.0;
        }
        return Math.max(0, bound - metrics.weightServed()) / (double) bound;
    }
}

package health.limber.clinic.planner;

import java.util.List;

/** A broken rule: which rule, the appointments involved (indexes into the plan) and what is wrong. */
public record Violation(Rule rule, List<Integer> appointments, String message) {

    public Violation {
        appointments = List.copyOf(appointments);
    }

    @Override
    public String toString() {
        return rule + ": " + message;
    }
}

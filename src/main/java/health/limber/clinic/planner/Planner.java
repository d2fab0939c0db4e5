package health.limber.clinic.planner;

import java.time.Duration;
import java.util.function.Consumer;

/** Plans a clinic day. Two real implementations: {@link GreedyPlanner} (the baseline) and {@link CpSatPlanner}. */
public interface Planner {

    /**
     * Plans the day within the time limit, reporting progress lines as it improves. The plan
     * leaves {@link Instance#unservable} patients unserved.
     */
    Plan plan(Instance day, Duration limit, Consumer<String> progress);

    static Planner named(String name) {
        return switch (name) {
            case "greedy" -> new GreedyPlanner();
            case "cpsat" -> new CpSatPlanner();
            default -> throw new IllegalArgumentException("Unknown solver " + name + " (use cpsat or greedy)");
        };
    }
}

package health.limber.waitinglist.cli;

import health.limber.cli.LimberCommand;
import health.limber.waitinglist.internal.CapacityFormulas;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "forecast", description = "Waiting-list capacity formulas (NHS-R community, DOMAIN.md section 7).")
class ForecastCommand implements Callable<Integer>, LimberCommand.Subcommand {

    @Option(names = "--arrivals-per-week", required = true, description = "λ: referrals per week")
    double arrivals;

    @Option(names = "--removals-per-week", required = true, description = "μ: removals (first contacts) per week")
    double removals;

    @Option(names = "--target-weeks", required = true, description = "T: the waiting-time target in weeks, e.g. 18")
    double target;

    @Option(names = "--queue", description = "Q: people on the list now")
    Double queue;

    @Option(names = "--mean-wait-days", description = "W̄: mean days already waited by those on the list")
    Double meanWaitDays;

    @Option(names = "--relief-weeks", defaultValue = "26", description = "t: weeks to bring the list back to target (default 26)")
    double reliefWeeks;

    @Option(names = "--cv-arrivals", defaultValue = "1", description = "coefficient of variation of inter-arrival times (1 = Poisson)")
    double cvArrivals;

    @Option(names = "--cv-removals", defaultValue = "1", description = "coefficient of variation of inter-removal times (1 = Poisson)")
    double cvRemovals;

    @Override
    public Integer call() {
        CapacityFormulas f;
        try {
            f = new CapacityFormulas(arrivals, removals, target);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        print("load (ρ = λ/μ)", f.load(), f.load() >= 1 ? "  the list grows without bound" : "");
        print("target mean wait, weeks (W* = T/4)", f.targetMeanWaitWeeks(), "");
        print("target queue size (Q* = λT/4)", f.targetQueueSize(), "");
        if (queue != null) {
            print("relief capacity per week over " + fmt(reliefWeeks) + " weeks", f.reliefCapacity(queue, reliefWeeks),
                    queue > 2 * f.targetQueueSize() ? "" : "  (the list is not above 2Q*: relief is not needed)");
        }
        print("target capacity per week (Kingman)", f.targetCapacity(cvArrivals, cvRemovals), "");
        if (meanWaitDays != null) {
            double pressure = f.pressure(meanWaitDays / 7);
            print("pressure (P = 2W̄/T)", pressure, pressure > 1 ? "  the target is being missed" : "");
        }
        return 0;
    }

    private static void print(String name, double value, String note) {
        System.out.printf(Locale.ROOT, "%-45s %10.2f%s%n", name, value, note);
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}

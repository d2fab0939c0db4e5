package health.limber.clinic.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Whatever the day, both planners' plans pass the independent checker, and the optimiser never does worse than greedy. */
class PlannerProperties {

    @Property(tries = 12)
    void everyPlanPassesTheChecker(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                   @ForAll @IntRange(min = 1, max = 24) int patients,
                                   @ForAll boolean planted) {
        Instance day = InstanceGenerator.generate(seed, patients, planted).instance();
        Plan greedy = new GreedyPlanner().plan(day, Duration.ofSeconds(1), line -> {});
        Plan optimised = new CpSatPlanner().plan(day, Duration.ofSeconds(2), line -> {});
        assertThat(PlanChecker.check(day, greedy)).isEmpty();
        assertThat(PlanChecker.check(day, optimised)).isEmpty();
        assertThat(optimised.metrics().weightServed()).isGreaterThanOrEqualTo(greedy.metrics().weightServed());
        assertThat(optimised.bound()).isGreaterThanOrEqualTo(optimised.metrics().weightServed());
        if (planted) {
            assertThat(optimised.bound()).isEqualTo(optimised.metrics().weightTotal());
        }
    }
}

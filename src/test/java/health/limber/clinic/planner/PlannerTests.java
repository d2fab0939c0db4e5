package health.limber.clinic.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlannerTests {

    @Test
    void bothPlannersServeTheFixtureDayWithinTheRules() {
        Instance day = PlannerFixtures.day();
        for (Planner planner : List.of(new GreedyPlanner(), new CpSatPlanner())) {
            Plan plan = planner.plan(day, Duration.ofSeconds(5), line -> {});
            assertThat(PlanChecker.check(day, plan)).as(plan.solver()).isEmpty();
            assertThat(plan.metrics().patientsServed()).as(plan.solver()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void thePlantedPlanKeepsEveryRuleAndTheOptimiserServesEveryone(long seed) {
        InstanceGenerator generated = InstanceGenerator.generate(seed, 40, true);
        Instance day = generated.instance();
        Plan planted = Plan.of(day, generated.plantedPlan(), null, 0, "planted");
        assertThat(PlanChecker.check(day, planted)).isEmpty();
        assertThat(planted.metrics().patientsServed()).isEqualTo(40);

        Plan optimised = new CpSatPlanner().plan(day, Duration.ofSeconds(10), line -> {});
        assertThat(PlanChecker.check(day, optimised)).isEmpty();
        assertThat(optimised.metrics().patientsServed()).isEqualTo(40);
        assertThat(optimised.bound()).isEqualTo(optimised.metrics().weightTotal());
        assertThat(optimised.gap()).isZero();
    }

    @Test
    void theSameSeedGivesTheSameDay() {
        assertThat(InstanceJson.write(InstanceGenerator.generate(7, 40, true).instance()))
                .isEqualTo(InstanceJson.write(InstanceGenerator.generate(7, 40, true).instance()));
        assertThat(InstanceGenerator.generate(7, 40, false).instance()).isNotEqualTo(InstanceGenerator.generate(8, 40, false).instance());
    }

    @Test
    void theOptimiserPrefersLessWaitingOnceEveryoneIsServed() {
        Instance day = PlannerFixtures.day();
        Plan plan = new CpSatPlanner().plan(day, Duration.ofSeconds(5), line -> {});
        assertThat(plan.metrics().waitingMinutes()).isZero();
    }

    @Test
    void theOptimiserReportsProgressAndItsBound() {
        var lines = new java.util.ArrayList<String>();
        Plan plan = new CpSatPlanner().plan(InstanceGenerator.generate(4, 20, true).instance(), Duration.ofSeconds(5), lines::add);
        assertThat(lines).isNotEmpty().last().asString().contains("served 20 of 20 patients").contains("bound " + plan.bound());
    }
}

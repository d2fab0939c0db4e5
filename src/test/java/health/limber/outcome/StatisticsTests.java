package health.limber.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import health.limber.outcome.internal.Statistics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The paired change's mean and 95% interval against examples worked by hand. */
class StatisticsTests {

    @Test
    void fiveChangesOfTwoToTenByTwo() {
        // mean 6; sd = sqrt((16 + 4 + 0 + 4 + 16) / 4) = 3.1623; se = 3.1623 / sqrt(5) = 1.4142; t(0.975, 4) = 2.776; half-width 3.926
        Statistics.Mean mean = Statistics.mean(List.of(2.0, 4.0, 6.0, 8.0, 10.0));
        assertThat(mean.mean()).isEqualTo(6.0);
        assertThat(mean.sd()).isCloseTo(3.1623, within(0.0001));
        assertThat(mean.low()).isCloseTo(2.074, within(0.001));
        assertThat(mean.high()).isCloseTo(9.926, within(0.001));
        Statistics.Mean fromSums = Statistics.fromSums(5, 30, 4 + 16 + 36 + 64 + 100);
        assertThat(fromSums.low()).isCloseTo(2.074, within(0.001));
        assertThat(fromSums.sd()).isCloseTo(3.1623, within(0.0001));
    }

    @Test
    void manyChangesUseTheNormalLimitAndOneHasNoInterval() {
        // 200 values alternating 0 and 2: mean 1, sd = sqrt(200 / 199) = 1.00251, se = 0.070888; t(199) = 1.9720 (interpolated)
        List<Double> values = java.util.stream.IntStream.range(0, 200).mapToObj(i -> i % 2 == 0 ? 0.0 : 2.0).toList();
        Statistics.Mean mean = Statistics.mean(values);
        assertThat(mean.high() - mean.mean()).isCloseTo(0.1398, within(0.0005));
        assertThat(Statistics.mean(List.of(3.0))).extracting(Statistics.Mean::low, Statistics.Mean::high).containsExactly(null, null);
    }
}

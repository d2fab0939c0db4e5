package health.limber.waitinglist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import health.limber.waitinglist.internal.CapacityFormulas;
import org.junit.jupiter.api.Test;

/** DOMAIN.md §7 worked check, to two decimals. */
class CapacityFormulasTests {

    final CapacityFormulas list = new CapacityFormulas(30, 27, 52);

    @Test
    void theWorkedCheck() {
        assertThat(list.load()).isCloseTo(1.11, within(0.005));
        assertThat(list.targetQueueSize()).isCloseTo(390.00, within(0.005));
        assertThat(list.reliefCapacity(1200, 26)).isCloseTo(61.15, within(0.005));
        assertThat(list.pressure(441 / 7.0)).isCloseTo(2.42, within(0.005));
    }

    @Test
    void targetMeanWaitAndKingmanCapacity() {
        assertThat(list.targetMeanWaitWeeks()).isEqualTo(13.0);
        // λ + (1 + 1) / (2 × 13) = 30 + 0.0769...
        assertThat(list.targetCapacity(1, 1)).isCloseTo(30.08, within(0.005));
    }
}

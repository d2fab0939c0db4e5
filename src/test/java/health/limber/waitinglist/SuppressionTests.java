package health.limber.waitinglist;

import static org.assertj.core.api.Assertions.assertThat;

import health.limber.platform.Suppression;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuppressionTests {

    @ParameterizedTest
    @CsvSource({"0,0", "1,*", "7,*", "8,10", "12,10", "13,15", "1234,1235", "1232,1230"})
    void smallCountsAreHiddenAndOthersRoundedToFive(long count, String shown) {
        assertThat(Suppression.count(count)).isEqualTo(shown);
        assertThat(Suppression.chartValue(count)).isEqualTo("*".equals(shown) ? null : Long.valueOf(shown));
    }
}

package health.limber.waitinglist;

import static org.assertj.core.api.Assertions.assertThat;

import health.limber.waitinglist.internal.Bands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SitRep bands at every edge; 18+ weeks is 127 days or more, 52+ weeks 365 or more. */
class BandsTests {

    @ParameterizedTest
    @CsvSource({"0,0", "7,0", "8,1", "14,1", "15,2", "28,2", "29,3", "84,3", "85,4", "126,4", "127,5", "364,5", "365,6", "2000,6"})
    void eachWaitFallsInItsBand(long days, int band) {
        Bands bands = Bands.of(days);
        long[] counts = {bands.days0to7(), bands.days8to14(), bands.days15to28(), bands.days29to84(), bands.days85to126(),
                bands.days127to364(), bands.days365plus()};
        for (int i = 0; i < counts.length; i++) {
            assertThat(counts[i]).as("band %d for %d days", i, days).isEqualTo(i == band ? 1 : 0);
        }
    }

    @Test
    void eighteenAndFiftyTwoWeekEdges() {
        assertThat(Bands.of(126).waiting18Plus()).isZero();
        assertThat(Bands.of(127).waiting18Plus()).isEqualTo(1);
        assertThat(Bands.of(364).waiting52Plus()).isZero();
        assertThat(Bands.of(365).waiting52Plus()).isEqualTo(1);
    }

    @Test
    void percentWithin18Weeks() {
        Bands list = Bands.of(10).plus(Bands.of(100)).plus(Bands.of(126)).plus(Bands.of(200));
        assertThat(list.percentWithin18Weeks()).isEqualByComparingTo("75.0");
        assertThat(Bands.EMPTY.percentWithin18Weeks()).isEqualByComparingTo("100.0");
    }
}

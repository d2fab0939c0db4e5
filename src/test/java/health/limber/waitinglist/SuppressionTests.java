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

    @org.junit.jupiter.api.Test
    void aTotalCannotRevealAWithheldCount() {
        // areas 5, 40, 60 and their total 105: the 5 is withheld, so the next smallest area (40) is withheld too
        long[][] cells = {{5}, {40}, {60}, {105}};
        boolean[][] hidden = Suppression.withheld(cells, java.util.List.of());
        assertThat(hidden).isDeepEqualTo(new boolean[][] {{true}, {true}, {false}, {false}});
    }

    @org.junit.jupiter.api.Test
    void partsOfARowAndColumnsAreProtectedTogether() {
        // columns: whole, part a, part b; the 3 in area 1's part a is withheld, then its part b (primary in the row's sum),
        // then the columns need a second withheld cell each
        long[][] cells = {{23, 3, 20}, {50, 30, 20}, {90, 40, 50}, {163, 73, 90}};
        boolean[][] hidden = Suppression.withheld(cells, java.util.List.of(new int[] {0, 1, 2}));
        assertThat(hidden[0][1]).isTrue();
        for (int c = 0; c < 3; c++) {
            int column = c;
            long withheldInColumn = java.util.stream.IntStream.range(0, 4).filter(r -> hidden[r][column]).count();
            assertThat(withheldInColumn).as("column %s", c).isNotEqualTo(1);
        }
        for (boolean[] row : hidden) {
            int withheldInRow = (row[0] ? 1 : 0) + (row[1] ? 1 : 0) + (row[2] ? 1 : 0);
            assertThat(withheldInRow).isNotEqualTo(1);
        }
    }

    @org.junit.jupiter.api.Test
    void zerosAndLargeCountsAloneAreNotWithheld() {
        long[][] cells = {{0}, {40}, {60}, {100}};
        assertThat(Suppression.withheld(cells, java.util.List.of())).isDeepEqualTo(new boolean[][] {{false}, {false}, {false}, {false}});
    }
}

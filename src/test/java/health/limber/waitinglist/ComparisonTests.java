package health.limber.waitinglist;

import static org.assertj.core.api.Assertions.assertThat;

import health.limber.waitinglist.internal.Bands;
import health.limber.waitinglist.internal.Comparison;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The change in 18+ week waiters (DOMAIN.md §9), worked out by hand on a small list:
 * <pre>
 *            1 Dec 2024   31 Mar 2025   change   % change
 *   QAA          20            12          −8     −40.0      (−8 ÷ 20)
 *   QBB           6             3          −3     −50.0
 *   total        26            15         −11     −42.3      (−11 ÷ 26, from the summed counts)
 * </pre>
 * Published with small numbers suppressed (1–7 as *, others to the nearest 5), the change and % are
 * worked out from the counts as shown: QAA 20 → 10, −10, −50.0%; QBB * → *, left out; total 25 → 15,
 * −10, −40.0%. The page, its CSV and PDF, and the command line all print these lines.
 */
class ComparisonTests {

    static final LocalDate START = LocalDate.of(2024, 12, 1);
    static final LocalDate END = LocalDate.of(2025, 3, 31);

    static Map<String, Bands> waiting(long qaa, long qbb) {
        // everyone here has waited 200 days: 18+ weeks; plus a few short waiters who never count
        return Map.of("QAA", Bands.of(200).times(qaa).plus(Bands.of(10).times(4)), "QBB", Bands.of(200).times(qbb));
    }

    Comparison comparison() {
        return Comparison.of(START, END, waiting(20, 6), waiting(12, 3));
    }

    @Test
    void exactFiguresAreWorkedOutPerIcbAndTheTotalFromTheSummedCounts() {
        List<Comparison.Shown> shown = comparison().shown(false);
        assertThat(shown).containsExactly(
                new Comparison.Shown("QAA", "20", "12", -8L, new BigDecimal("-40.0")),
                new Comparison.Shown("QBB", "6", "3", -3L, new BigDecimal("-50.0")),
                new Comparison.Shown("TOTAL", "26", "15", -11L, new BigDecimal("-42.3")));
    }

    @Test
    void publishedFiguresWorkTheChangeOutFromTheCountsAsShownAndLeaveItOutWhenACountIsWithheld() {
        List<Comparison.Shown> shown = comparison().shown(true);
        assertThat(shown).containsExactly(
                new Comparison.Shown("QAA", "20", "10", -10L, new BigDecimal("-50.0")),
                new Comparison.Shown("QBB", "*", "*", null, null),
                new Comparison.Shown("TOTAL", "25", "15", -10L, new BigDecimal("-40.0")));
    }

    @Test
    void anIcbWithNobodyWaitingAtTheStartHasNoPercentage() {
        Comparison fromNothing = Comparison.of(START, END, Map.of(), Map.of("QCC", Bands.of(300).times(9)));
        assertThat(fromNothing.shown(false).get(0)).isEqualTo(new Comparison.Shown("QCC", "0", "9", 9L, null));
    }
}

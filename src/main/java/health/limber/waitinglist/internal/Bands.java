package health.limber.waitinglist.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Waiters on a census date by days waited, in the Community Health Services SitRep bands:
 * 0–7, 8–14, 15–28, 29–84, 85–126, 127–364 and 365+ days. 18+ weeks means 127+ days; 52+ weeks 365+.
 */
public record Bands(long days0to7, long days8to14, long days15to28, long days29to84, long days85to126,
                    long days127to364, long days365plus) {

    public static final Bands EMPTY = new Bands(0, 0, 0, 0, 0, 0, 0);

    /** Column names of a census row, as the CSV report and export of the census use them. */
    public static final List<String> COLUMNS = columns("commissioner");

    /** The census columns with the first one named for what the rows are grouped by. */
    public static List<String> columns(String group) {
        return List.of(group, "band_0_7", "band_8_14", "band_15_28", "band_29_84",
            "band_85_126", "band_127_364", "band_365_plus", "total", "waiting_18_plus", "pct_within_18");
    }

    /** The band a wait of {@code days} falls in, as a one-person tally. */
    public static Bands of(long days) {
        if (days < 0) {
            throw new IllegalArgumentException("days waited cannot be negative");
        }
        return new Bands(days <= 7 ? 1 : 0, days >= 8 && days <= 14 ? 1 : 0, days >= 15 && days <= 28 ? 1 : 0,
                days >= 29 && days <= 84 ? 1 : 0, days >= 85 && days <= 126 ? 1 : 0, days >= 127 && days <= 364 ? 1 : 0,
                days >= 365 ? 1 : 0);
    }

    /** The tally of {@code count} people in these bands each (a band tally times a head count). */
    public Bands times(long count) {
        return new Bands(days0to7 * count, days8to14 * count, days15to28 * count, days29to84 * count, days85to126 * count,
                days127to364 * count, days365plus * count);
    }

    public Bands plus(Bands other) {
        return new Bands(days0to7 + other.days0to7, days8to14 + other.days8to14, days15to28 + other.days15to28,
                days29to84 + other.days29to84, days85to126 + other.days85to126, days127to364 + other.days127to364,
                days365plus + other.days365plus);
    }

    public long total() {
        return days0to7 + days8to14 + days15to28 + days29to84 + days85to126 + days127to364 + days365plus;
    }

    /** Waiting 18 weeks or more (127+ days). */
    public long waiting18Plus() {
        return days127to364 + days365plus;
    }

    /** Waiting 52 weeks or more (365+ days). */
    public long waiting52Plus() {
        return days365plus;
    }

    /** A census row: the name, then each count as {@code count} shows it (exact or suppressed), then the percentage. */
    public List<String> row(String name, LongFunction<String> count) {
        String shownTotal = count.apply(total());
        String shown18Plus = count.apply(waiting18Plus());
        return List.of(name, count.apply(days0to7), count.apply(days8to14), count.apply(days15to28), count.apply(days29to84),
                count.apply(days85to126), count.apply(days127to364), count.apply(days365plus), shownTotal,
                shown18Plus, percentWithin18Weeks(shownTotal, shown18Plus));
    }

    /**
     * The share within 18 weeks worked out from the counts as shown beside it, so a published
     * (rounded) row never carries a percentage from the exact counts; "*" when either count is withheld.
     */
    static String percentWithin18Weeks(String shownTotal, String shown18Plus) {
        if (!shownTotal.matches("[0-9]+") || !shown18Plus.matches("[0-9]+")) {
            return "*";
        }
        long total = Long.parseLong(shownTotal);
        long over = Math.min(total, Long.parseLong(shown18Plus));
        if (total == 0) {
            return BigDecimal.valueOf(100).setScale(1, RoundingMode.HALF_UP).toPlainString();
        }
        return BigDecimal.valueOf(total - over).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** Share within 18 weeks (0–126 days), in percent to one decimal; empty list counts as 100%. */
    public BigDecimal percentWithin18Weeks() {
        if (total() == 0) {
            return BigDecimal.valueOf(100).setScale(1, RoundingMode.HALF_UP);
        }
        return BigDecimal.valueOf(total() - waiting18Plus()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(total()), 1, RoundingMode.HALF_UP);
    }
}

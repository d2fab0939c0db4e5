package health.limber.waitinglist.internal;

import health.limber.platform.Suppression;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The programme's headline measure, one definition for the page, its CSV and PDF, the command line
 * and the API (DOMAIN.md §9): 18+ week waiters (127 days or more) per ICB on two dates, the change
 * and the % change = (W_end − W_start) ÷ W_start, the total from the summed counts (never an average
 * of percentages).
 *
 * <p>Published (suppressed) figures show each count as {@link Suppression#count} does, and the change
 * and % change are worked out from the counts as shown, so they reveal nothing the counts do not;
 * when a count is withheld (1 to 7) its change and % change are left out.
 */
public record Comparison(LocalDate from, LocalDate to, List<Line> lines, Line total) {

    /** One ICB (or the total): 18+ week waiters on each date. */
    public record Line(String icb, long atStart, long atEnd) {
        public long change() {
            return atEnd - atStart;
        }
    }

    /**
     * A line as published: the counts as shown, and the change and % change from those counts
     * (null when left out: a withheld count, or no waiters at the start for the %).
     */
    public record Shown(String icb, String atStart, String atEnd, Long change, BigDecimal percentChange) {}

    /** The comparison of two censuses (ICB to its bands), every ICB in either, in ICB order. */
    public static Comparison of(LocalDate from, LocalDate to, Map<String, Bands> before, Map<String, Bands> after) {
        List<Line> lines = new ArrayList<>();
        TreeSet<String> icbs = new TreeSet<>(before.keySet());
        icbs.addAll(after.keySet());
        for (String icb : icbs) {
            lines.add(new Line(icb, before.getOrDefault(icb, Bands.EMPTY).waiting18Plus(), after.getOrDefault(icb, Bands.EMPTY).waiting18Plus()));
        }
        Line total = new Line("TOTAL", lines.stream().mapToLong(Line::atStart).sum(), lines.stream().mapToLong(Line::atEnd).sum());
        return new Comparison(from, to, List.copyOf(lines), total);
    }

    /** Every line and then the total, as published: exact, or with small numbers suppressed. */
    public List<Shown> shown(boolean suppressed) {
        List<Shown> shown = new ArrayList<>();
        lines.forEach(line -> shown.add(shown(line, suppressed)));
        shown.add(shown(total, suppressed));
        return shown;
    }

    static Shown shown(Line line, boolean suppressed) {
        if (!suppressed) {
            return new Shown(line.icb(), Long.toString(line.atStart()), Long.toString(line.atEnd()), line.change(),
                    percent(line.atStart(), line.atEnd()));
        }
        String start = Suppression.count(line.atStart());
        String end = Suppression.count(line.atEnd());
        if (!start.matches("[0-9]+") || !end.matches("[0-9]+")) {
            return new Shown(line.icb(), start, end, null, null);
        }
        long shownStart = Long.parseLong(start);
        long shownEnd = Long.parseLong(end);
        return new Shown(line.icb(), start, end, shownEnd - shownStart, percent(shownStart, shownEnd));
    }

    /** (end − start) ÷ start in percent to one decimal; none when nobody waited 18 weeks at the start. */
    static BigDecimal percent(long start, long end) {
        return start == 0 ? null : BigDecimal.valueOf(end - start).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(start), 1, RoundingMode.HALF_UP);
    }
}

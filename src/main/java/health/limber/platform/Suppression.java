package health.limber.platform;

/**
 * Small-number suppression for published figures (DOMAIN.md §8): a count of 1 to 7 is shown as "*"
 * and any other count is rounded to the nearest 5, so no person can be picked out.
 */
public final class Suppression {

    private Suppression() {}

    /** For charts: the rounded count, or null (no bar) where the table shows "*". */
    public static Long chartValue(long value) {
        return value >= 1 && value <= 7 ? null : Math.round(value / 5.0) * 5;
    }

    /** A count as the reader may see it: suppressed for published figures, exact otherwise. */
    public static String count(long value, boolean suppressed) {
        return suppressed ? count(value) : Long.toString(value);
    }

    /** A percentage to one place; from rounded counts when suppressed, and * when either count is; empty when the whole is 0. */
    public static String rate(long part, long whole, boolean suppressed) {
        if (suppressed) {
            String p = count(part);
            String w = count(whole);
            if (p.equals("*") || w.equals("*")) {
                return "*";
            }
            part = Long.parseLong(p);
            whole = Long.parseLong(w);
        }
        return whole == 0 ? "" : java.math.BigDecimal.valueOf(100.0 * part / whole).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    public static String count(long value) {
        if (value >= 1 && value <= 7) {
            return "*";
        }
        return Long.toString(Math.round(value / 5.0) * 5);
    }
}

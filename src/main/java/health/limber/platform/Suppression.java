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

    public static String count(long value) {
        if (value >= 1 && value <= 7) {
            return "*";
        }
        return Long.toString(Math.round(value / 5.0) * 5);
    }
}

package health.limber.platform;

/**
 * Small-number suppression for published figures (DOMAIN.md §8), the one implementation every report
 * and channel uses: a count of 1 to 7 is shown as "*" and any other count is rounded to the nearest
 * 5, so no person can be picked out; {@link #withheld} adds the secondary rule for tables with totals.
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

    /**
     * Which cells of a published table to withhold: every count of 1 to 7 (primary), and then
     * (secondary) enough others that no withheld count can be worked out by subtraction. A table's rows
     * add up, column by column, to its last row (the total); within a row, each group of columns
     * {@code {whole, part, part, ...}} adds up to its first. Wherever one of those sums would have just
     * one withheld member, the smallest other non-zero member is withheld too, until no sum has one.
     * A zero is never withheld (no person can be picked out of nobody).
     */
    public static boolean[][] withheld(long[][] cells, java.util.List<int[]> rowSums) {
        int rows = cells.length;
        boolean[][] hidden = new boolean[rows][];
        for (int r = 0; r < rows; r++) {
            hidden[r] = new boolean[cells[r].length];
            for (int c = 0; c < cells[r].length; c++) {
                hidden[r][c] = cells[r][c] >= 1 && cells[r][c] <= 7;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int c = 0; rows > 1 && c < cells[0].length; c++) {
                int[][] members = new int[rows][];
                for (int r = 0; r < rows; r++) {
                    members[r] = new int[] {r, c};
                }
                changed |= protect(cells, hidden, members);
            }
            for (int r = 0; r < rows; r++) {
                for (int[] sum : rowSums) {
                    int[][] members = new int[sum.length][];
                    for (int k = 0; k < sum.length; k++) {
                        members[k] = new int[] {r, sum[k]};
                    }
                    changed |= protect(cells, hidden, members);
                }
            }
        }
        return hidden;
    }

    /** When exactly one member of a sum is withheld, withholds the smallest other non-zero one; whether it did. */
    private static boolean protect(long[][] cells, boolean[][] hidden, int[][] members) {
        int withheld = 0;
        int[] smallest = null;
        for (int[] m : members) {
            if (hidden[m[0]][m[1]]) {
                withheld++;
            } else if (cells[m[0]][m[1]] > 0 && (smallest == null || cells[m[0]][m[1]] < cells[smallest[0]][smallest[1]])) {
                smallest = m;
            }
        }
        if (withheld != 1 || smallest == null) {
            return false;
        }
        hidden[smallest[0]][smallest[1]] = true;
        return true;
    }

    public static String count(long value) {
        if (value >= 1 && value <= 7) {
            return "*";
        }
        return Long.toString(Math.round(value / 5.0) * 5);
    }
}

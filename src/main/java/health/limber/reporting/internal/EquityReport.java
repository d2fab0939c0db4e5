package health.limber.reporting.internal;

import health.limber.platform.Suppression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cohort report's measures split by group (DOMAIN.md §9, equity): for each way of splitting
 * people (age band, sex, ethnic group, deprivation quintile, language), one row per group and the
 * total. {@link #published} gives the rows as a reader sees them, small numbers withheld with the
 * secondary rule as in {@link Published}.
 *
 * @param deprivationSource where the deprivation quintiles come from (null: none loaded)
 */
public record EquityReport(CohortReports.Scope scope, List<Split> splits, String deprivationSource, boolean anyData) {

    /** The count columns, in order; each group's counts are in this order. */
    public static final List<String> COUNTS = List.of("w18_start", "w18_end", "seen", "seen_quicker", "weeks_saved", "patients_answered",
            "patients_useful", "patients_rated_change", "patients_much_better");

    /** Every column a reader sees, counts and the percentages worked out from them. */
    public static final List<String> COLUMNS = List.of("w18_start", "w18_end", "w18_pct_change", "seen", "seen_quicker", "weeks_saved",
            "patients_answered", "patients_useful", "pct_patients_useful", "patients_rated_change", "patients_much_better", "pct_much_better");

    public static final Map<String, String> LABELS = Map.ofEntries(Map.entry("w18_start", "18+ weeks at start"), Map.entry("w18_end", "18+ weeks at end"),
            Map.entry("w18_pct_change", "% change in 18+ weeks"), Map.entry("seen", "People seen"), Map.entry("seen_quicker", "Seen quicker"),
            Map.entry("weeks_saved", "Weeks saved"), Map.entry("patients_answered", "Rated the demonstrations"),
            Map.entry("patients_useful", "Fairly or very useful"), Map.entry("pct_patients_useful", "% useful"),
            Map.entry("patients_rated_change", "Said how well it worked"), Map.entry("patients_much_better", "Much or very much better"),
            Map.entry("pct_much_better", "% much better"));

    /** One way of splitting people, with its groups in order (each group's counts in {@link #COUNTS} order). */
    public record Split(String id, String label, Map<String, long[]> groups) {}

    /** A split as a reader sees it: each group's values by column, then the total. */
    public record PublishedSplit(String id, String label, List<Published.Row> rows) {}

    public List<PublishedSplit> published(boolean suppressed) {
        List<PublishedSplit> shown = new ArrayList<>();
        for (Split split : splits) {
            List<String> names = new ArrayList<>(split.groups().keySet());
            long[][] cells = new long[names.size() + 1][COUNTS.size()];
            for (int r = 0; r < names.size(); r++) {
                long[] counts = split.groups().get(names.get(r));
                for (int c = 0; c < COUNTS.size(); c++) {
                    cells[r][c] = counts[c];
                    cells[names.size()][c] += counts[c];
                }
            }
            boolean[][] hidden = suppressed ? Suppression.withheld(cells, List.of()) : new boolean[cells.length][COUNTS.size()];
            List<Published.Row> rows = new ArrayList<>();
            for (int r = 0; r < cells.length; r++) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int c = 0; c < COUNTS.size(); c++) {
                    values.put(COUNTS.get(c), hidden[r][c] ? "*" : suppressed ? Suppression.count(cells[r][c]) : Long.toString(cells[r][c]));
                }
                values.put("w18_pct_change", Published.percentChange(values.get("w18_start"), values.get("w18_end")));
                values.put("pct_patients_useful", Published.percent(values.get("patients_useful"), values.get("patients_answered")));
                values.put("pct_much_better", Published.percent(values.get("patients_much_better"), values.get("patients_rated_change")));
                Map<String, String> ordered = new LinkedHashMap<>();
                COLUMNS.forEach(column -> ordered.put(column, values.get(column)));
                boolean total = r == names.size();
                rows.add(new Published.Row(total ? "TOTAL" : names.get(r), total ? "Total" : names.get(r), ordered));
            }
            shown.add(new PublishedSplit(split.id(), split.label(), rows));
        }
        return shown;
    }
}

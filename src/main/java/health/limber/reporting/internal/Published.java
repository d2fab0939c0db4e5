package health.limber.reporting.internal;

import health.limber.platform.Suppression;
import health.limber.waitinglist.KindOfCare;
import health.limber.waitinglist.SeenQuicker;
import health.limber.waitinglist.WaitingListFigures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The cohort report as a reader sees it, worked out once for the page, CSV, board paper, command line
 * and API: each figure as text, exact or (published) with small numbers withheld. Counts of 1 to 7
 * are "*", others rounded to 5, and {@link Suppression#withheld} withholds further counts so that
 * none can be worked out from a total; changes and percentages come from the counts as shown and are
 * left out ("") when a count they need is withheld. A section with nothing collected in the period
 * (no ratings, no questionnaire pairs) says so instead of showing zeros.
 */
public record Published(CohortReport report, boolean suppressed, List<Column> columns, List<Row> rows, List<String> notCollected) {

    /** A column: its id (the CSV header and the API's key), its heading and its section. */
    public record Column(String id, String label, Section section) {}

    public enum Section {
        LONG_WAITS("Long waits"), SEEN("People seen (first definitive contact in the period)"), QUICKER("Seen quicker"),
        USEFULNESS("Usefulness and how well it worked"), OUTCOMES("Outcomes and work"), COST("Cost");

        private final String label;

        Section(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One area's (or the total's) figures, by column id. */
    public record Row(String icb, String name, Map<String, String> values) {
        public String get(String column) {
            return values.getOrDefault(column, "");
        }
    }

    /** A count column: how to read it from an area's figures. */
    private record Count(String id, String label, Section section, ToLongFunction<CohortReport.Area> value) {}

    private static final List<String> KINDS = kinds();

    private static List<String> kinds() {
        List<String> kinds = new ArrayList<>();
        for (KindOfCare kind : KindOfCare.values()) {
            kinds.add(kind.name());
        }
        kinds.add(WaitingListFigures.NOT_RECORDED);
        return List.copyOf(kinds);
    }

    public static String kindLabel(String kind) {
        return kind.equals(WaitingListFigures.NOT_RECORDED) ? "Kind of care not recorded" : KindOfCare.valueOf(kind).label();
    }

    private static List<Count> counts() {
        List<Count> counts = new ArrayList<>(List.of(
                new Count("w18_start", "18+ weeks at start", Section.LONG_WAITS, a -> a.atStart().weeks18Plus()),
                new Count("w18_end", "18+ weeks at end", Section.LONG_WAITS, a -> a.atEnd().weeks18Plus()),
                new Count("w52_start", "52+ weeks at start", Section.LONG_WAITS, a -> a.atStart().weeks52Plus()),
                new Count("w52_end", "52+ weeks at end", Section.LONG_WAITS, a -> a.atEnd().weeks52Plus()),
                new Count("seen", "People seen", Section.SEEN, CohortReport.Area::seen)));
        for (String kind : KINDS) {
            counts.add(new Count("seen_" + kind.toLowerCase(java.util.Locale.ROOT), kindLabel(kind), Section.SEEN,
                    a -> a.seenByKind().getOrDefault(kind, 0L)));
        }
        counts.addAll(List.of(
                new Count("seen_quicker", "People seen quicker", Section.QUICKER, a -> a.quicker().quicker()),
                new Count("weeks_saved", "Weeks saved", Section.QUICKER, a -> a.quicker().weeksSaved()),
                new Count("not_within_horizon", "Not within 52 weeks of the end by the replay", Section.QUICKER, a -> a.quicker().notWithinHorizon()),
                new Count("patients_answered", "Patients who rated the demonstrations", Section.USEFULNESS, a -> a.usefulness().patientsAnswered()),
                new Count("patients_useful", "Of them, fairly or very useful", Section.USEFULNESS, a -> a.usefulness().patientsUseful()),
                new Count("ratings", "Ratings", Section.USEFULNESS, a -> a.usefulness().ratings()),
                new Count("ratings_useful", "Ratings fairly or very useful", Section.USEFULNESS, a -> a.usefulness().ratingsUseful()),
                new Count("patients_rated_change", "Patients who said how well it worked", Section.USEFULNESS,
                        a -> a.usefulness().patientsRatingChange()),
                new Count("patients_much_better", "Of them, much or very much better", Section.USEFULNESS, a -> a.usefulness().patientsMuchBetter()),
                new Count("mskhq_pairs", "MSK-HQ pairs (baseline and discharge)", Section.OUTCOMES, a -> a.outcomes().pairs()),
                new Count("mskhq_improved", "Improved by the meaningful change or more", Section.OUTCOMES, a -> a.outcomes().improved()),
                new Count("not_working_at_baseline", "Not working at the start", Section.OUTCOMES, a -> a.outcomes().notWorkingAtBaseline()),
                new Count("back_in_work", "Of them, back in work", Section.OUTCOMES, a -> a.outcomes().backInWork()),
                new Count("support_referred", "Referred for work or money support", Section.OUTCOMES, a -> a.support().referred()),
                new Count("support_seen", "Seen by an adviser", Section.OUTCOMES, a -> a.support().seen())));
        return counts;
    }

    private static final List<Count> COUNTS = counts();

    /** The columns in the order every channel shows them. */
    public static final List<Column> COLUMNS = allColumns();

    private static List<Column> allColumns() {
        Map<String, Column> byId = new LinkedHashMap<>();
        COUNTS.forEach(c -> byId.put(c.id(), new Column(c.id(), c.label(), c.section())));
        List<Column> columns = new ArrayList<>();
        for (Column c : byId.values()) {
            columns.add(c);
            switch (c.id()) {
                case "w18_end" -> {
                    columns.add(new Column("w18_change", "Change in 18+ weeks", Section.LONG_WAITS));
                    columns.add(new Column("w18_pct_change", "% change in 18+ weeks", Section.LONG_WAITS));
                }
                case "w52_end" -> {
                    columns.add(new Column("w52_change", "Change in 52+ weeks", Section.LONG_WAITS));
                    columns.add(new Column("w52_pct_change", "% change in 52+ weeks", Section.LONG_WAITS));
                }
                case "seen_quicker" -> columns.add(new Column("capacity_per_week", "Capacity before the period (R, first contacts a week)", Section.QUICKER));
                case "patients_useful" -> columns.add(new Column("pct_patients_useful", "% of patients: fairly or very useful", Section.USEFULNESS));
                case "ratings_useful" -> columns.add(new Column("pct_ratings_useful", "% of ratings: fairly or very useful", Section.USEFULNESS));
                case "patients_much_better" -> columns.add(new Column("pct_much_better", "% much or very much better", Section.USEFULNESS));
                case "mskhq_pairs" -> columns.add(new Column("mskhq_mean_change", "Mean MSK-HQ change (points)", Section.OUTCOMES));
                case "back_in_work" -> columns.add(new Column("pct_back_in_work", "% back in work", Section.OUTCOMES));
                default -> { }
            }
        }
        columns.add(new Column("cost_per_person_seen", "Funding per person seen (£)", Section.COST));
        return List.copyOf(columns);
    }

    /** The report as its reader sees it: exact, or with small numbers withheld (primary and secondary). */
    public static Published of(CohortReport report, boolean suppressed) {
        List<CohortReport.Area> lines = new ArrayList<>(report.areas());
        lines.add(report.total());
        long[][] cells = new long[lines.size()][COUNTS.size()];
        for (int r = 0; r < lines.size(); r++) {
            for (int c = 0; c < COUNTS.size(); c++) {
                cells[r][c] = COUNTS.get(c).value().applyAsLong(lines.get(r));
            }
        }
        boolean[][] hidden = suppressed ? Suppression.withheld(cells, List.of(seenSum())) : new boolean[lines.size()][COUNTS.size()];
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < lines.size(); r++) {
            CohortReport.Area area = lines.get(r);
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < COUNTS.size(); c++) {
                values.put(COUNTS.get(c).id(), hidden[r][c] ? "*" : suppressed ? Suppression.count(cells[r][c]) : Long.toString(cells[r][c]));
            }
            derive(values, area, report, suppressed, r == lines.size() - 1);
            rows.add(new Row(area.icb(), area.name(), values));
        }
        return new Published(report, suppressed, COLUMNS, List.copyOf(rows), notCollected(report.total()));
    }

    /** Within a row, people seen is the sum of people seen per kind of care. */
    private static int[] seenSum() {
        List<Integer> ids = new ArrayList<>();
        for (int c = 0; c < COUNTS.size(); c++) {
            if (COUNTS.get(c).id().startsWith("seen") && !COUNTS.get(c).id().equals("seen_quicker")) {
                ids.add(c);
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void derive(Map<String, String> v, CohortReport.Area area, CohortReport report, boolean suppressed, boolean total) {
        change(v, "w18");
        change(v, "w52");
        v.put("pct_patients_useful", percent(v.get("patients_useful"), v.get("patients_answered")));
        v.put("pct_ratings_useful", percent(v.get("ratings_useful"), v.get("ratings")));
        v.put("pct_much_better", percent(v.get("patients_much_better"), v.get("patients_rated_change")));
        v.put("pct_back_in_work", percent(v.get("back_in_work"), v.get("not_working_at_baseline")));
        Double mean = area.outcomes().meanChange();
        v.put("mskhq_mean_change", mean == null || !number(v.get("mskhq_pairs")) ? "" : oneDecimal(mean));
        SeenQuicker quicker = area.quicker();
        long before = Math.round(quicker.capacityPerWeek() * 12);
        v.put("capacity_per_week", suppressed && before >= 1 && before <= 7 ? "*" : oneDecimal(quicker.capacityPerWeek()));
        String seen = v.get("seen");
        v.put("cost_per_person_seen", total && report.fundingPounds() != null && number(seen) && Long.parseLong(seen) > 0
                ? Long.toString(Math.round(report.fundingPounds() / (double) Long.parseLong(seen))) : "");
    }

    /** The change and % change from the counts as shown: (end − start) ÷ start, left out when either is withheld or start is 0. */
    private static void change(Map<String, String> v, String measure) {
        String start = v.get(measure + "_start");
        String end = v.get(measure + "_end");
        v.put(measure + "_change", number(start) && number(end) ? Long.toString(Long.parseLong(end) - Long.parseLong(start)) : "");
        v.put(measure + "_pct_change", percentChange(start, end));
    }

    /** (end − start) ÷ start in percent to one place, from counts as shown; "" when either is withheld or start is 0. */
    static String percentChange(String start, String end) {
        if (!number(start) || !number(end) || Long.parseLong(start) == 0) {
            return "";
        }
        return BigDecimal.valueOf(Long.parseLong(end) - Long.parseLong(start)).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(Long.parseLong(start)), 1, RoundingMode.HALF_UP).toPlainString();
    }

    /** part ÷ whole in percent to one place, from counts as shown; "" when either is withheld or whole is 0. */
    static String percent(String part, String whole) {
        if (!number(part) || !number(whole) || Long.parseLong(whole) == 0) {
            return "";
        }
        return BigDecimal.valueOf(Long.parseLong(part)).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(Long.parseLong(whole)), 1, RoundingMode.HALF_UP).toPlainString();
    }

    private static boolean number(String value) {
        return value != null && value.matches("-?[0-9]+");
    }

    static String oneDecimal(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** Sections with nothing collected in the period, across all the areas. */
    private static List<String> notCollected(CohortReport.Area total) {
        List<String> none = new ArrayList<>();
        if (total.usefulness().patientsAnswered() == 0 && total.usefulness().patientsRatingChange() == 0) {
            none.add(Section.USEFULNESS.name());
        }
        if (total.outcomes().pairs() == 0 && total.outcomes().notWorkingAtBaseline() == 0 && total.support().referred() == 0) {
            none.add(Section.OUTCOMES.name());
        }
        return List.copyOf(none);
    }

    /** The total row. */
    public Row total() {
        return rows.get(rows.size() - 1);
    }

    /** The area rows, without the total. */
    public List<Row> areas() {
        return rows.subList(0, rows.size() - 1);
    }

    public boolean collected(Section section) {
        return !notCollected.contains(section.name());
    }

    /** The columns of one section. */
    public List<Column> columns(Section section) {
        return columns.stream().filter(c -> c.section() == section).toList();
    }
}

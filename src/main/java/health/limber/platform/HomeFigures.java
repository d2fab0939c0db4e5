package health.limber.platform;

import java.util.List;

/**
 * What a module puts at the top of a signed-in member of staff's home page: counts that need
 * action today (open and overdue red-flag tasks, red flags reported in the app). Each module answers
 * for the person signed in, from its own tables; the home page only shows what it is given, so the
 * platform depends on no module.
 */
public interface HomeFigures {

    /** The figures for the person signed in now (none when they are not for this person's role). */
    default List<Figure> figures() {
        return List.of();
    }

    /** Dashboard panels for the person signed in now: a table, and a chart of the same figures when it helps. */
    default List<Panel> panels() {
        return List.of();
    }

    /**
     * One count with what it means and where to act on it.
     *
     * @param urgent shown in red when above zero: something a patient's safety depends on
     */
    record Figure(String label, long count, String link, boolean urgent) {

        public boolean alarming() {
            return urgent && count > 0;
        }
    }

    /**
     * A dashboard panel: its title, a sentence saying what it shows, where to see more, and its figures
     * as a table (every chart is also a table, for screen readers). {@code chartLabels} and
     * {@code chartSeries} are the chart's JSON (labels, and series of label and data), or null for a table alone.
     */
    record Panel(String title, String description, String link, List<String> columns, List<List<String>> rows, String chartType,
                 String chartLabels, String chartSeries) {

        public boolean hasChart() {
            return chartSeries != null;
        }
    }
}

package health.limber.exercise.web;

import health.limber.exercise.internal.Adherence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A programme's weekly adherence, pain and difficulty (from {@link Adherence}) as JSON for the page's charts (drawn by /js/charts.js). */
record Trends(String labels, String adherence, String pain, String hard, boolean any) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Trends of(List<Adherence.Week> weeks) {
        List<String> labels = new ArrayList<>();
        List<Double> adherence = new ArrayList<>();
        List<Double> pain = new ArrayList<>();
        List<Double> hard = new ArrayList<>();
        for (Adherence.Week week : weeks) {
            labels.add(week.weekStart().getDayOfMonth() + " " + week.weekStart().getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.UK));
            adherence.add(week.share() == null ? null : Math.round(week.share() * 100.0) * 1.0);
            pain.add(week.meanPain());
            hard.add(week.hardShare() == null ? null : Math.round(week.hardShare() * 100.0) * 1.0);
        }
        return new Trends(JSON.writeValueAsString(labels), series("Sessions done (%)", adherence), series("Mean pain (0 to 10)", pain),
                series("Logs found hard (%)", hard), !labels.isEmpty());
    }

    private static String series(String label, List<Double> data) {
        return JSON.writeValueAsString(List.of(Map.of("label", label, "data", data)));
    }
}

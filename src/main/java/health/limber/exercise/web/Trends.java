package health.limber.exercise.web;

import health.limber.exercise.Programmes;
import health.limber.exercise.SessionLog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/** Weekly adherence, pain and difficulty of a programme as JSON for the page's charts (drawn by /js/charts.js). */
record Trends(String labels, String adherence, String pain, String hard, boolean any) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Trends of(List<Programmes.WeekAdherence> weeks, List<SessionLog> logs) {
        Map<LocalDate, double[]> byWeek = new TreeMap<>();
        for (Programmes.WeekAdherence week : weeks) {
            double[] sums = byWeek.computeIfAbsent(week.weekStart(), w -> new double[2]);
            sums[0] += week.done();
            sums[1] += week.prescribed();
        }
        List<String> labels = new ArrayList<>();
        List<Double> adherence = new ArrayList<>();
        List<Double> pain = new ArrayList<>();
        List<Double> hard = new ArrayList<>();
        for (var entry : byWeek.entrySet()) {
            LocalDate start = entry.getKey();
            labels.add(start.getDayOfMonth() + " " + start.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.UK));
            adherence.add(entry.getValue()[1] == 0 ? null : Math.round(Math.min(1, entry.getValue()[0] / entry.getValue()[1]) * 100.0) * 1.0);
            List<SessionLog> inWeek = logs.stream().filter(l -> "CURRENT".equals(l.status()) && !l.day().isBefore(start) && l.day().isBefore(start.plusWeeks(1))).toList();
            pain.add(inWeek.stream().filter(l -> l.pain() != null).mapToInt(SessionLog::pain).average().stream().map(p -> Math.round(p * 10) / 10.0).boxed().findFirst().orElse(null));
            long rated = inWeek.stream().filter(l -> l.difficulty() != null).count();
            hard.add(rated == 0 ? null : Math.round(100.0 * inWeek.stream().filter(l -> l.difficulty() == SessionLog.Difficulty.HARD).count() / rated) * 1.0);
        }
        return new Trends(JSON.writeValueAsString(labels), series("Sessions done (%)", adherence), series("Mean pain (0 to 10)", pain),
                series("Logs found hard (%)", hard), !labels.isEmpty());
    }

    private static String series(String label, List<Double> data) {
        return JSON.writeValueAsString(List.of(Map.of("label", label, "data", data)));
    }
}

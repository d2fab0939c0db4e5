package health.limber.exercise.internal;

import health.limber.exercise.Programme;
import health.limber.exercise.SessionLog.Difficulty;
import health.limber.exercise.SessionLog;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Adherence = sessions done ÷ sessions prescribed (DOMAIN.md §6), worked out once, here, for the
 * programme page, its chart, the caseload's alert and the API alike.
 * <ul>
 * <li>Each day is prescribed what the programme version in force that day says: a change made during
 *     a day counts from that day; the first version counts from the programme's start.</li>
 * <li>An exercise done {@code t} times a day on {@code d} days a week is prescribed {@code t × d ÷ 7}
 *     sessions a day; a week or a period counts only its days inside the programme, up to today.</li>
 * <li>A current log counts 1 when done, ½ when partly done, 0 when not done; corrected and
 *     withdrawn logs do not count. A share is capped at 100%.</li>
 * </ul>
 */
public final class Adherence {

    /** One exercise in one week (Monday to Sunday): sessions done and prescribed, mean pain, the most common difficulty. */
    public record ExerciseWeek(LocalDate weekStart, String exerciseId, double done, double prescribed, Double meanPain, String commonDifficulty) {
        public Double share() {
            return Adherence.share(done, prescribed);
        }
    }

    /** A whole programme in one week, for the chart: sessions done and prescribed, mean pain, share of logs found hard. */
    public record Week(LocalDate weekStart, double done, double prescribed, Double meanPain, Double hardShare) {
        public Double share() {
            return Adherence.share(done, prescribed);
        }
    }

    /** What was prescribed when: the items in force from each date on (the first entry is the programme's start). */
    public record Prescription(LocalDate start, LocalDate end, NavigableMap<LocalDate, List<Programme.Item>> itemsFrom) {

        /** A prescription that never changed. */
        public static Prescription of(LocalDate start, LocalDate end, List<Programme.Item> items) {
            NavigableMap<LocalDate, List<Programme.Item>> from = new TreeMap<>();
            from.put(start, items);
            return new Prescription(start, end, from);
        }

        List<Programme.Item> on(LocalDate day) {
            Map.Entry<LocalDate, List<Programme.Item>> entry = itemsFrom.floorEntry(day);
            return entry == null ? itemsFrom.firstEntry().getValue() : entry.getValue();
        }
    }

    private final Prescription prescription;
    private final List<SessionLog> logs;
    private final LocalDate last;

    private Adherence(Prescription prescription, Collection<SessionLog> logs, LocalDate today) {
        this.prescription = prescription;
        this.logs = logs.stream().filter(SessionLog::isCurrent).toList();
        this.last = today.isAfter(prescription.end()) ? prescription.end() : today;
    }

    /** Adherence of the prescription, from its logs (any status: only current ones count), up to {@code today}. */
    public static Adherence of(Prescription prescription, Collection<SessionLog> logs, LocalDate today) {
        return new Adherence(prescription, logs, today);
    }

    /** Sessions prescribed from {@code from} to {@code to} (inclusive, cut to the programme and today). */
    public double prescribed(LocalDate from, LocalDate to) {
        return prescribed(from, to, exercise -> true);
    }

    /** Sessions done from {@code from} to {@code to} (inclusive). */
    public double done(LocalDate from, LocalDate to) {
        return inPeriod(from, to, exercise -> true).stream().mapToDouble(l -> l.outcome().credit()).sum();
    }

    /** The share done of what was prescribed in the period, capped at 1; null when nothing was prescribed. */
    public Double share(LocalDate from, LocalDate to) {
        return share(done(from, to), prescribed(from, to));
    }

    /** Per exercise and week, from the programme's start to today. */
    public List<ExerciseWeek> byExerciseAndWeek() {
        Map<String, double[]> prescribed = new LinkedHashMap<>();
        for (LocalDate day = prescription.start(); !day.isAfter(last); day = day.plusDays(1)) {
            LocalDate week = monday(day);
            for (Programme.Item item : prescription.on(day)) {
                prescribed.computeIfAbsent(week + "|" + item.exerciseId(), k -> new double[1])[0] += perDay(item);
            }
        }
        List<ExerciseWeek> weeks = new ArrayList<>();
        prescribed.forEach((key, amount) -> {
            LocalDate week = LocalDate.parse(key.substring(0, key.indexOf('|')));
            String exercise = key.substring(key.indexOf('|') + 1);
            List<SessionLog> own = inPeriod(week, week.plusDays(6), exercise::equals);
            Double pain = own.stream().filter(l -> l.pain() != null).mapToInt(SessionLog::pain).average().stream().boxed().findFirst().orElse(null);
            String difficulty = own.stream().map(SessionLog::difficulty).filter(Objects::nonNull)
                    .collect(Collectors.groupingBy(d -> d, LinkedHashMap::new, Collectors.counting()))
                    .entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> e.getKey().label()).orElse(null);
            weeks.add(new ExerciseWeek(week, exercise, own.stream().mapToDouble(l -> l.outcome().credit()).sum(),
                    Math.round(amount[0] * 1000) / 1000.0, pain, difficulty));
        });
        return weeks;
    }

    /** Per week, all exercises together (the chart). */
    public List<Week> byWeek() {
        List<Week> weeks = new ArrayList<>();
        for (LocalDate week = monday(prescription.start()); !week.isAfter(last); week = week.plusWeeks(1)) {
            LocalDate from = week;
            List<SessionLog> own = inPeriod(week, week.plusDays(6), exercise -> true);
            Double pain = own.stream().filter(l -> l.pain() != null).mapToInt(SessionLog::pain).average().stream()
                    .map(p -> Math.round(p * 10) / 10.0).boxed().findFirst().orElse(null);
            long rated = own.stream().filter(l -> l.difficulty() != null).count();
            Double hard = rated == 0 ? null : own.stream().filter(l -> l.difficulty() == Difficulty.HARD).count() / (double) rated;
            weeks.add(new Week(from, own.stream().mapToDouble(l -> l.outcome().credit()).sum(), prescribed(from, week.plusDays(6)), pain, hard));
        }
        return weeks;
    }

    private double prescribed(LocalDate from, LocalDate to, Predicate<String> exercise) {
        double sessions = 0;
        LocalDate first = from.isBefore(prescription.start()) ? prescription.start() : from;
        LocalDate end = to.isAfter(last) ? last : to;
        for (LocalDate day = first; !day.isAfter(end); day = day.plusDays(1)) {
            sessions += prescription.on(day).stream().filter(i -> exercise.test(i.exerciseId())).mapToDouble(Adherence::perDay).sum();
        }
        return sessions;
    }

    private List<SessionLog> inPeriod(LocalDate from, LocalDate to, Predicate<String> exercise) {
        return logs.stream().filter(l -> exercise.test(l.exerciseId()) && !l.day().isBefore(from) && !l.day().isAfter(to)).toList();
    }

    private static double perDay(Programme.Item item) {
        return item.dose().timesPerDay() * item.dose().daysPerWeek() / 7.0;
    }

    static Double share(double done, double prescribed) {
        return prescribed == 0 ? null : Math.min(1.0, done / prescribed);
    }

    static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Days of the period inside the programme and up to today (a period before the start or after today has none). */
    long days(LocalDate from, LocalDate to) {
        LocalDate first = from.isBefore(prescription.start()) ? prescription.start() : from;
        LocalDate end = to.isAfter(last) ? last : to;
        return Math.max(0, ChronoUnit.DAYS.between(first, end) + 1);
    }
}

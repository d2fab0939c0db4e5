package health.limber.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import health.limber.exercise.SessionLog.Outcome;
import health.limber.exercise.internal.Adherence;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Adherence = sessions done ÷ sessions prescribed (DOMAIN.md §6), worked out by hand below and
 * checked through all three ways it is read: per exercise and week (the programme page and API),
 * per week (the chart), and over the last 7 days (the caseload's alert).
 *
 * <p>The worked example: a programme from Monday 2 March 2026. Bridge once a day, every day; Clam
 * twice a day on 5 days a week (10/7 a day). On Thursday 5 March a new version makes the bridge twice
 * a day. Logs in the week of 2 March: bridge done Mon, Tue, Wed, Thu, Thu again (2 sessions), partly
 * Fri; clam done Mon and Tue, not done Wed.
 * <ul>
 * <li>Bridge prescribed: Mon–Wed 1 a day (3) + Thu–Sun 2 a day (8) = 11; done 1+1+1+2+½ = 5.5 → 50%.</li>
 * <li>Clam prescribed: 7 days × 10/7 = 10; done 2 (not done counts 0) → 20%.</li>
 * <li>The week: 7.5 of 21 → 35.7%.</li>
 * <li>Seen on Sunday 8 March, the last 7 days are that same week: 7.5 of 21, under half.</li>
 * </ul>
 */
class AdherenceTests {

    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    static final Exercise.Dose ONCE_DAILY = new Exercise.Dose(1, 10, 0, 30, 1, 7);
    static final Exercise.Dose TWICE_DAILY = new Exercise.Dose(1, 10, 0, 30, 2, 7);
    static final Exercise.Dose TWICE_FIVE_DAYS = new Exercise.Dose(1, 10, 0, 30, 2, 5);

    static Adherence.Prescription workedExample() {
        NavigableMap<LocalDate, List<Programme.Item>> from = new TreeMap<>();
        from.put(MONDAY, List.of(new Programme.Item(1, "bridge", "Bridge", ONCE_DAILY, null), new Programme.Item(2, "clam", "Clam", TWICE_FIVE_DAYS, null)));
        from.put(MONDAY.plusDays(3), List.of(new Programme.Item(1, "bridge", "Bridge", TWICE_DAILY, null),
                new Programme.Item(2, "clam", "Clam", TWICE_FIVE_DAYS, null)));
        return new Adherence.Prescription(MONDAY, MONDAY.plusWeeks(6), from);
    }

    static List<SessionLog> logs() {
        List<SessionLog> logs = new ArrayList<>();
        for (int day : new int[] {0, 1, 2, 3, 3}) {
            logs.add(log("bridge", MONDAY.plusDays(day), Outcome.DONE, SessionLog.Status.CURRENT));
        }
        logs.add(log("bridge", MONDAY.plusDays(4), Outcome.PARTLY, SessionLog.Status.CURRENT));
        logs.add(log("clam", MONDAY, Outcome.DONE, SessionLog.Status.CURRENT));
        logs.add(log("clam", MONDAY.plusDays(1), Outcome.DONE, SessionLog.Status.CURRENT));
        logs.add(log("clam", MONDAY.plusDays(2), Outcome.NOT_DONE, SessionLog.Status.CURRENT));
        // corrected and withdrawn logs never count
        logs.add(log("clam", MONDAY.plusDays(2), Outcome.DONE, SessionLog.Status.CORRECTED));
        logs.add(log("bridge", MONDAY.plusDays(5), Outcome.DONE, SessionLog.Status.WITHDRAWN));
        return logs;
    }

    static SessionLog log(String exercise, LocalDate day, Outcome outcome, SessionLog.Status status) {
        return new SessionLog(UUID.randomUUID(), UUID.randomUUID().toString(), ProgrammeId.of(UUID.randomUUID()), 1, exercise, day, null, outcome, null, null, 2, null,
                null, status, null, "patient", null);
    }

    @Test
    void theWorkedExampleIsTheSameOnThePageTheChartAndTheCaseload() {
        Adherence adherence = Adherence.of(workedExample(), logs(), MONDAY.plusDays(6));

        var page = adherence.byExerciseAndWeek();
        var bridge = page.stream().filter(w -> w.exerciseId().equals("bridge")).findFirst().orElseThrow();
        var clam = page.stream().filter(w -> w.exerciseId().equals("clam")).findFirst().orElseThrow();
        assertThat(bridge.prescribed()).isEqualTo(11.0);
        assertThat(bridge.done()).isEqualTo(5.5);
        assertThat(bridge.share()).isEqualTo(0.5);
        assertThat(clam.prescribed()).isEqualTo(10.0);
        assertThat(clam.done()).isEqualTo(2.0);
        assertThat(clam.share()).isEqualTo(0.2);

        var chart = adherence.byWeek();
        assertThat(chart).hasSize(1);
        assertThat(chart.get(0).done()).isEqualTo(7.5);
        assertThat(chart.get(0).prescribed()).isCloseTo(21.0, within(1e-9));
        assertThat(chart.get(0).share()).isCloseTo(7.5 / 21, within(1e-9));

        Double caseload = adherence.share(MONDAY.plusDays(6).minusDays(6), MONDAY.plusDays(6));
        assertThat(caseload).as("the caseload's last 7 days are the chart's week").isCloseTo(chart.get(0).share(), within(1e-9));
        assertThat(caseload).isLessThan(0.5);
    }

    @Test
    void aPartWeekCountsOnlyItsDaysInTheProgrammeAndASharePassesNoMoreThanAll() {
        // seen on Wednesday: only Monday to Wednesday are prescribed so far (3 bridge + 30/7 clam)
        Adherence midWeek = Adherence.of(workedExample(), logs(), MONDAY.plusDays(2));
        assertThat(midWeek.prescribed(MONDAY, MONDAY.plusDays(6))).isCloseTo(3 + 30 / 7.0, within(1e-9));
        // the days before the start are not prescribed
        assertThat(midWeek.prescribed(MONDAY.minusDays(10), MONDAY.minusDays(1))).isZero();
        assertThat(midWeek.share(MONDAY.minusDays(10), MONDAY.minusDays(1))).isNull();
        // logging more than prescribed is 100%, not more
        List<SessionLog> many = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            many.add(log("bridge", MONDAY, Outcome.DONE, SessionLog.Status.CURRENT));
        }
        Adherence keen = Adherence.of(Adherence.Prescription.of(MONDAY, MONDAY.plusWeeks(1),
                List.of(new Programme.Item(1, "bridge", "Bridge", ONCE_DAILY, null))), many, MONDAY);
        assertThat(keen.share(MONDAY, MONDAY)).isEqualTo(1.0);
    }
}

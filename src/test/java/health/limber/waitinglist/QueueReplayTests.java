package health.limber.waitinglist;

import static org.assertj.core.api.Assertions.assertThat;

import health.limber.waitinglist.internal.QueueReplay;
import health.limber.waitinglist.internal.QueueReplay.Waiter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** "Seen quicker" by replaying the queue at the pre-period capacity (DOMAIN.md §9), on lists small enough to work out by hand. */
class QueueReplayTests {

    static final LocalDate FROM = LocalDate.of(2024, 12, 2);
    static final LocalDate TO = LocalDate.of(2025, 3, 30);
    static final int ROUTINE = Priority.ROUTINE.clinicalOrder();

    /** Someone who started waiting {@code daysBefore} the period and was really seen in {@code week} (null: still waiting). */
    static Waiter waiter(String id, int daysBefore, Integer week) {
        return new Waiter(id, ROUTINE, FROM.minusDays(daysBefore), week == null ? null : FROM.plusWeeks(week - 1).plusDays(2), week != null, "GROUP_CLASS");
    }

    static Map<String, Integer> saved(QueueReplay.Result result) {
        return result.seen().stream().collect(Collectors.toMap(c -> c.waiter().id(), QueueReplay.Compared::weeksSaved));
    }

    @Test
    void theDomainExample() {
        // A, B, C, D, E wait in that order; R = 1 a week; A and B really seen in week 1, C and D in week 2
        List<Waiter> list = List.of(waiter("A", 50, 1), waiter("B", 40, 1), waiter("C", 30, 2), waiter("D", 20, 2), waiter("E", 10, null));
        QueueReplay.Result result = QueueReplay.replay(list, FROM, TO, 1, 52);
        assertThat(saved(result)).isEqualTo(Map.of("A", 0, "B", 1, "C", 1, "D", 2));
        assertThat(result.seen().stream().filter(QueueReplay.Compared::seenQuicker).count()).isEqualTo(3);
        assertThat(result.seen().stream().mapToInt(QueueReplay.Compared::weeksSaved).sum()).isEqualTo(4);
    }

    @Test
    void urgentPeopleGoFirstThenTheLongestWait() {
        Waiter urgent = new Waiter("U", Priority.URGENT.clinicalOrder(), FROM.minusDays(1), FROM.plusDays(1), true, "ONE_STOP_CLINIC");
        List<Waiter> list = List.of(waiter("old", 300, 1), urgent);
        QueueReplay.Result result = QueueReplay.replay(list, FROM, TO, 1, 52);
        // the replay sees the urgent person in week 1 and the long waiter in week 2
        assertThat(saved(result)).isEqualTo(Map.of("U", 0, "old", 1));
    }

    @Test
    void aFractionalCapacityCarriesOverButUnusedPlacesAreLost() {
        List<Waiter> list = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            list.add(waiter("P" + i, 100 - i, 1));
        }
        // 2.5 a week: 2 in week 1, 3 in week 2 (the carried half) -> P2, P3, P4 saved 1 week each
        assertThat(saved(QueueReplay.replay(list, FROM, TO, 2.5, 52))).isEqualTo(Map.of("P0", 0, "P1", 0, "P2", 1, "P3", 1, "P4", 1));
        // with nobody waiting for 3 weeks, those weeks' places are not saved up for a later arrival
        Waiter late = new Waiter("late", ROUTINE, FROM.plusWeeks(3), FROM.plusWeeks(3).plusDays(1), true, "GROUP_CLASS");
        Waiter later = new Waiter("later", ROUTINE, FROM.plusWeeks(3).plusDays(1), FROM.plusWeeks(3).plusDays(2), true, "GROUP_CLASS");
        assertThat(saved(QueueReplay.replay(List.of(late, later), FROM, TO, 1, 52))).isEqualTo(Map.of("late", 0, "later", 1));
    }

    @Test
    void someoneWhoLeftWithoutTreatmentTakesNoPlaceAfterLeaving() {
        // X waits longest but was discharged without treatment before the period's second week; R = 1
        Waiter discharged = new Waiter("X", ROUTINE, FROM.minusDays(400), FROM.plusDays(3), false, null);
        List<Waiter> list = List.of(discharged, waiter("Y", 100, 1), waiter("Z", 90, 2));
        // the replay sees X in week 1 (still waiting then), Y in week 2 (X has gone), Z in week 3
        assertThat(saved(QueueReplay.replay(list, FROM, TO, 1, 52))).isEqualTo(Map.of("Y", 1, "Z", 1));
    }

    @Test
    void someoneTheReplayWouldNotSeeWithinTheHorizonIsCappedAtIt() {
        // no capacity before the period: the replay never sees anyone; the period has 17 weeks, the horizon 52 more
        QueueReplay.Result result = QueueReplay.replay(List.of(waiter("A", 10, 3)), FROM, TO, 0, 52);
        assertThat(result.periodWeeks()).isEqualTo(17);
        assertThat(result.seen().get(0).replayWeek()).isNull();
        assertThat(result.seen().get(0).weeksSaved()).isEqualTo(17 + 52 - 3);
    }

    @Test
    void peopleSeenOutsideThePeriodAreNotCompared() {
        Waiter after = new Waiter("after", ROUTINE, FROM.minusDays(5), TO.plusDays(1), true, "GROUP_CLASS");
        assertThat(QueueReplay.replay(List.of(after, waiter("in", 10, 1)), FROM, TO, 1, 52).seen()).extracting(c -> c.waiter().id())
                .containsExactly("in");
    }

    @Test
    void sixtyThousandPathwaysReplayQuickly() {
        List<Waiter> list = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 60_000; i++) {
            LocalDate start = FROM.minusDays(400).plusDays(random.nextInt(520));
            LocalDate end = random.nextInt(5) == 0 ? null : start.plusDays(1 + random.nextInt(300));
            list.add(new Waiter("P" + i, random.nextInt(10) == 0 ? 1 : ROUTINE, start, end, end != null && random.nextInt(6) > 0, "GROUP_CLASS"));
        }
        QueueReplay.Result result = QueueReplay.replay(list, FROM, TO, 400, 52);
        assertThat(result.seen()).isNotEmpty();
    }
}

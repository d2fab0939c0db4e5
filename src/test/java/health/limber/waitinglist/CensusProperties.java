package health.limber.waitinglist;

import static org.assertj.core.api.Assertions.assertThat;

import health.limber.waitinglist.internal.Bands;
import health.limber.waitinglist.internal.ClockEvent;
import health.limber.waitinglist.internal.ClockRuleException;
import health.limber.waitinglist.internal.ClockRules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The census from clock periods equals a brute-force replay of the raw events, for any history the
 * rules allow; and the band counts always add up to the total.
 */
class CensusProperties {

    static final LocalDate EPOCH = LocalDate.of(2023, 1, 1);

    /** A history as (day offset, action) steps; actions the rules refuse at that point are skipped. */
    @Provide
    Arbitrary<List<int[]>> histories() {
        Arbitrary<int[]> step = Combinators.combine(Arbitraries.integers().between(0, 60), Arbitraries.integers().between(0, 5))
                .as((gap, action) -> new int[] {gap, action});
        return step.list().ofMaxSize(12);
    }

    static Pathway build(int startOffset, List<int[]> steps) {
        LocalDate day = EPOCH.plusDays(startOffset);
        Pathway pathway = Pathway.open(new PathwayKey("P", "RZA"), "9434765919", null, day, SourceOfReferral.GP, "ORTT",
                "650", Priority.ROUTINE, "RZA", "QHL", day);
        for (int[] step : steps) {
            day = day.plusDays(step[0]);
            try {
                switch (step[1]) {
                    case 0 -> pathway.stopClock(day, StopReason.FIRST_TREATMENT);
                    case 1 -> pathway.recordDidNotAttend(day, true, false);
                    case 2 -> pathway.recordDidNotAttend(day, false, true);
                    case 3 -> pathway.startClock(day);
                    case 4 -> pathway.recordCancellation(day, "patient");
                    default -> pathway.changePriority(day, Priority.URGENT);
                }
            } catch (ClockRuleException refused) {
                // Not allowed at this point of the history: the step is skipped, as a real system would refuse it.
            }
        }
        return pathway;
    }

    /** Walks the raw events in order, knowing nothing of periods. */
    static Long bruteForceDaysWaited(List<ClockEvent> events, LocalDate d) {
        LocalDate runningSince = null;
        for (ClockEvent event : events) {
            if (event.on().isAfter(d)) {
                break;
            }
            if (event.type() == ClockEvent.Type.START) {
                runningSince = event.on();
            } else if (event.type() == ClockEvent.Type.STOP) {
                runningSince = null;
            }
        }
        return runningSince == null ? null : d.toEpochDay() - runningSince.toEpochDay();
    }

    @Property(tries = 500)
    void periodsAgreeWithABruteForceReplay(@ForAll @IntRange(min = 0, max = 400) int start,
            @ForAll("histories") List<int[]> steps, @ForAll @IntRange(min = 0, max = 1200) int censusOffset) {
        Pathway pathway = build(start, steps);
        LocalDate d = EPOCH.plusDays(censusOffset);
        Long expected = bruteForceDaysWaited(pathway.events(), d);
        assertThat(pathway.daysWaitedOn(d, ClockRules.NATIONAL).orElse(null)).isEqualTo(expected);
    }

    @Property(tries = 200)
    void bandCountsSumToTheTotal(@ForAll("histories") List<int[]> a, @ForAll("histories") List<int[]> b,
            @ForAll @IntRange(min = 0, max = 1200) int censusOffset) {
        LocalDate d = EPOCH.plusDays(censusOffset);
        List<Pathway> list = new ArrayList<>(List.of(build(0, a), build(100, b), build(300, a), build(30, b)));
        Bands bands = list.stream().map(p -> p.daysWaitedOn(d, ClockRules.NATIONAL).map(Bands::of).orElse(Bands.EMPTY))
                .reduce(Bands.EMPTY, Bands::plus);
        long waiting = list.stream().filter(p -> p.isWaitingOn(d)).count();
        assertThat(bands.total()).isEqualTo(waiting);
        assertThat(bands.days0to7() + bands.days8to14() + bands.days15to28() + bands.days29to84() + bands.days85to126()
                + bands.waiting18Plus()).isEqualTo(bands.total());
    }
}

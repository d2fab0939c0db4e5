package health.limber.waitinglist;

import static org.assertj.core.api.Assertions.assertThat;

import health.limber.IntegrationTest;
import health.limber.waitinglist.internal.Bands;
import health.limber.waitinglist.internal.Census;
import health.limber.waitinglist.internal.ClockRules;
import health.limber.waitinglist.internal.Pathways;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The census the database computes equals a replay of the same pathways' events, on any date. */
@IntegrationTest
class CensusIntegrationTests {

    static final String PROVIDER = "TST1";

    @Autowired Census census;
    @Autowired Pathways pathways;

    @Test
    void theDatabaseCensusEqualsAReplayOfTheEventsOnEveryDate() {
        Random random = new Random(42);
        List<Pathway> list = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            LocalDate start = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(700));
            Pathway pathway = Pathway.open(new PathwayKey("CEN" + i, PROVIDER), "9434765919", null, start, SourceOfReferral.GP,
                    "ORTT", "650", Priority.ROUTINE, PROVIDER, "QNX", start);
            switch (random.nextInt(4)) {
                case 0 -> pathway.stopClock(start.plusDays(random.nextInt(500)), StopReason.FIRST_TREATMENT);
                case 1 -> {
                    LocalDate dna = start.plusDays(random.nextInt(120));
                    pathway.recordDidNotAttend(dna, true, false);
                    pathway.startClock(dna.plusDays(random.nextInt(30)));
                }
                case 2 -> pathway.recordCancellation(start.plusDays(5), "service");
                default -> { }
            }
            list.add(pathway);
        }
        pathways.saveAll(list, null, Instant.now());

        for (LocalDate d = LocalDate.of(2023, 1, 1); d.isBefore(LocalDate.of(2025, 6, 1)); d = d.plusDays(37)) {
            LocalDate on = d;
            Bands replayed = list.stream().map(p -> p.daysWaitedOn(on, ClockRules.NATIONAL).map(Bands::of).orElse(Bands.EMPTY))
                    .reduce(Bands.EMPTY, Bands::plus);
            Bands fromDatabase = census.on(on, Census.GroupBy.PROVIDER).getOrDefault(PROVIDER, Bands.EMPTY);
            assertThat(fromDatabase).as("census on %s", on).isEqualTo(replayed);
        }
    }

    @Test
    void bandEdgesAndAStopOnTheCensusDate() {
        LocalDate d = LocalDate.of(2025, 3, 31);
        List<Pathway> list = new ArrayList<>();
        int[] waits = {7, 8, 126, 127, 364, 365};
        for (int i = 0; i < waits.length; i++) {
            LocalDate start = d.minusDays(waits[i]);
            list.add(Pathway.open(new PathwayKey("EDGE" + i, "TST2"), "9434765919", null, start, SourceOfReferral.SELF, "ORTT",
                    "650", Priority.ROUTINE, "TST2", "QPM", start));
        }
        Pathway stoppedToday = Pathway.open(new PathwayKey("EDGE-stop", "TST2"), "9434765919", null, d.minusDays(200),
                SourceOfReferral.GP, "ORTT", "650", Priority.ROUTINE, "TST2", "QPM", d.minusDays(200));
        stoppedToday.stopClock(d, StopReason.FIRST_TREATMENT);
        list.add(stoppedToday);
        pathways.saveAll(list, null, Instant.now());

        Bands bands = census.on(d, Census.GroupBy.PROVIDER).get("TST2");
        assertThat(bands).isEqualTo(new Bands(1, 1, 0, 0, 1, 2, 1));
        assertThat(bands.waiting18Plus()).isEqualTo(3);
        assertThat(census.on(d.minusDays(1), Census.GroupBy.PROVIDER).get("TST2").total()).isEqualTo(7);
    }
}

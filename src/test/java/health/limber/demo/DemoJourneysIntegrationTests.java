package health.limber.demo;

import static org.assertj.core.api.Assertions.assertThat;

import health.limber.IntegrationTest;
import health.limber.platform.LimberTime;
import health.limber.waitinglist.KindOfCare;
import health.limber.waitinglist.internal.Bands;
import health.limber.waitinglist.internal.Census;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's waiting list is made of its people's journeys: the census Limber computes from the
 * stored clock events equals the census counted straight from the generated journeys' own dates,
 * and every pathway is linked to its patient and episode. Norfolk and Waveney (QMM) is an ICB no
 * other test writes to.
 */
@IntegrationTest
class DemoJourneysIntegrationTests {

    private static final String ICB = "QMM";

    @Autowired DemoData demo;
    @Autowired Census census;
    @Autowired Clock clock;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theDemoCensusEqualsTheCensusOfItsGeneratedJourneys() {
        var generated = demo.journeysOf(ICB, clock.instant());
        LocalDate today = LimberTime.today(clock);
        for (LocalDate date : List.of(LocalDate.of(2024, 6, 30), DemoJourneys.PILOT_START, DemoJourneys.PILOT_END, LocalDate.of(2025, 12, 31),
                today.minusDays(1))) {
            Bands expected = generated.journeys().stream().filter(j -> j.waitingOn(date))
                    .map(j -> Bands.of(date.toEpochDay() - j.referral().receivedOn().toEpochDay())).reduce(Bands.EMPTY, Bands::plus);
            Bands actual = census.on(date, Census.GroupBy.COMMISSIONER, List.of(ICB)).getOrDefault(ICB, Bands.EMPTY);
            assertThat(actual).as("census of %s on %s", ICB, date).isEqualTo(expected);
            assertThat(actual.total()).as("people waiting on %s", date).isGreaterThan(50);
        }
    }

    @Test
    void everyStoredPathwayBelongsToAPatientAndAnEpisodeAndRecordsWhichCareStoppedIt() {
        var generated = demo.journeysOf(ICB, clock.instant());
        long triaged = generated.journeys().stream().filter(j -> j.pathway() != null).count();
        assertThat(jdbc.queryForObject("select count(*) from pathway where commissioner_code = ? and patient_id is not null", Long.class, ICB))
                .isEqualTo(triaged);
        assertThat(jdbc.queryForObject("""
                select count(*) from pathway p join episode e on e.pathway_id = p.id and e.patient_id = p.patient_id
                where p.commissioner_code = ?""", Long.class, ICB)).isEqualTo(triaged);
        Map<String, Long> stopsByKind = jdbc.queryForList("""
                        select e.detail from clock_event e join pathway p on p.id = e.pathway_id
                        where p.commissioner_code = ? and e.type = 'STOP'""", String.class, ICB).stream()
                .collect(Collectors.groupingBy(detail -> detail.split(":")[detail.split(":").length > 1 ? 1 : 0], Collectors.counting()));
        for (KindOfCare kind : KindOfCare.values()) {
            assertThat(stopsByKind.getOrDefault(kind.name(), 0L)).as(kind.label()).isEqualTo(
                    generated.journeys().stream().filter(j -> j.seenBy() == kind).count());
        }
    }
}

package health.limber.demo;

import static org.assertj.core.api.Assertions.assertThat;

import health.limber.waitinglist.KindOfCare;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DemoJourneysTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final Instant NOW = TODAY.atTime(11, 0).toInstant(ZoneOffset.UTC);
    static final DemoJourneys.Area AREA = new DemoJourneys.Area("QHL", "RZA", 0, DemoAreas.TOWNS.get("QHL"),
            List.of("Y01001", "Y01002", "Y01003"), 7.5, true);

    @Test
    void theSameSeedGivesTheSameJourneysIdsIncluded() {
        var first = DemoJourneys.generate(new Random(2024), AREA, TODAY, NOW);
        var second = DemoJourneys.generate(new Random(2024), AREA, TODAY, NOW);
        assertThat(second.people()).isEqualTo(first.people());
        assertThat(second.journeys()).hasSameSizeAs(first.journeys());
        for (int i = 0; i < first.journeys().size(); i++) {
            var a = first.journeys().get(i);
            var b = second.journeys().get(i);
            assertThat(b.referral()).isEqualTo(a.referral());
            assertThat(b.pathway() == null ? null : b.pathway().id()).isEqualTo(a.pathway() == null ? null : a.pathway().id());
            assertThat(b.stoppedOn()).isEqualTo(a.stoppedOn());
            assertThat(b.discharge()).isEqualTo(a.discharge());
        }
        var other = DemoJourneys.generate(new Random(2025), AREA, TODAY, NOW);
        assertThat(other.journeys().get(0).referral()).isNotEqualTo(first.journeys().get(0).referral());
    }

    @Test
    void everyKindOfCareStopsClocksAndThePilotCutsLongWaits() {
        var generated = DemoJourneys.generate(new Random(2024), AREA, TODAY, NOW);
        for (KindOfCare kind : KindOfCare.values()) {
            assertThat(generated.journeys().stream().filter(j -> j.seenBy() == kind).count()).as(kind.name()).isGreaterThan(20);
        }
        long before = waiting18Plus(generated, DemoJourneys.PILOT_START.minusDays(1));
        long after = waiting18Plus(generated, DemoJourneys.PILOT_END);
        System.out.printf("18+ week waiters: %d on 30 Nov 2024, %d on 31 Mar 2025; waiting today %d%n", before, after,
                generated.journeys().stream().filter(j -> j.waitingOn(TODAY)).count());
        assertThat(after).isLessThan(before);
        // enough people wait for a one-stop day for the demo's clinic days (18 places) and a draft day to plan
        assertThat(generated.journeys().stream().filter(j -> j.stillWaiting(TODAY) && j.referral().pathway() == health.limber.referral.CarePathway.ONE_STOP_CLINIC
                && j.referral().receivedOn().isBefore(TODAY.minusDays(35))).count()).isGreaterThan(25);
        // the tour's patient comes first in NHS-number order: discharged ten weeks ago with PIFU, and referred again, to a one-stop day
        var tour = generated.journeys().stream().filter(j -> j.person() == 0).toList();
        assertThat(tour).anyMatch(j -> j.discharge() != null && j.discharge().on().equals(TODAY.minusDays(DemoJourneys.TOUR_DISCHARGED_DAYS_AGO))
                && j.discharge().reason() == health.limber.episode.DischargeReason.PATIENT_INITIATED_FOLLOW_UP);
        assertThat(tour).anyMatch(j -> j.referral().pathway() == health.limber.referral.CarePathway.ONE_STOP_CLINIC && j.stillWaiting(TODAY)
                && j.referral().receivedOn().isAfter(TODAY.minusDays(DemoJourneys.TOUR_DISCHARGED_DAYS_AGO)));
    }

    static long waiting18Plus(DemoJourneys.Generated generated, LocalDate on) {
        return generated.journeys().stream().filter(j -> j.waitingOn(on) && on.toEpochDay() - j.referral().receivedOn().toEpochDay() >= 127).count();
    }
}

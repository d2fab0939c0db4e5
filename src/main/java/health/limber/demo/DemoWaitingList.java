package health.limber.demo;

import health.limber.waitinglist.Pathway;
import health.limber.waitinglist.PathwayKey;
import health.limber.waitinglist.Priority;
import health.limber.waitinglist.SourceOfReferral;
import health.limber.waitinglist.StopReason;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * Simulates each ICB's community MSK waiting list week by week: referrals arrive (Poisson), the
 * service sees people in priority order then longest wait first, with capacity a little short of
 * demand until the pilot, extra capacity during Cohort 1 (December 2024 to March 2025), then about
 * even. Any fall in 18+ week waiters in the reports comes out of these events, not out of a constant.
 */
final class DemoWaitingList {

    static final LocalDate PILOT_START = LocalDate.of(2024, 12, 1);
    static final LocalDate PILOT_END = LocalDate.of(2025, 3, 31);
    static final List<SourceOfReferral> SOURCES = List.of(SourceOfReferral.GP, SourceOfReferral.GP, SourceOfReferral.ERS,
            SourceOfReferral.ERS, SourceOfReferral.SELF, SourceOfReferral.SELF, SourceOfReferral.FRACTURE_CLINIC,
            SourceOfReferral.ED, SourceOfReferral.OTHER);

    private DemoWaitingList() {}

    static List<Pathway> simulate(Random random, String icb, String provider, List<String> nhsNumbers, LocalDate from,
                                  LocalDate to, double arrivalsPerWeek) {
        List<Pathway> all = new ArrayList<>();
        // Demo clocks start on the day the referral is received, so that date orders the queue.
        PriorityQueue<Pathway> queue = new PriorityQueue<>(Comparator
                .comparingInt((Pathway p) -> p.priority().clinicalOrder())
                .thenComparing(Pathway::referralReceived));
        int serial = 0;
        double pilotBoost = 1.1 + random.nextDouble() * 0.25;
        // A backlog already waiting when the simulation starts: about 30 weeks of referrals.
        int backlog = (int) (arrivalsPerWeek * 30);
        for (int i = 0; i < backlog; i++) {
            LocalDate start = from.minusDays(1 + random.nextInt(30 * 7));
            Pathway pathway = open(random, icb, provider, nhsNumbers, serial++, start);
            all.add(pathway);
            queue.add(pathway);
        }
        for (LocalDate week = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); week.isBefore(to); week = week.plusWeeks(1)) {
            int seen = poisson(random, arrivalsPerWeek * capacityFactor(week, pilotBoost));
            for (int i = 0; i < seen && !queue.isEmpty(); i++) {
                // Everyone queued arrived in an earlier week, so whoever is first can be seen this week.
                LocalDate on = week.plusDays(random.nextInt(5));
                if (on.isAfter(to)) {
                    break;
                }
                Pathway next = queue.poll();
                int outcome = random.nextInt(100);
                if (outcome < 5) {
                    next.recordDidNotAttend(on, true, false);
                } else {
                    next.stopClock(on, outcome < 85 ? StopReason.FIRST_TREATMENT : outcome < 93 ? StopReason.DISCHARGED
                            : outcome < 97 ? StopReason.PATIENT_DECLINED : StopReason.ACTIVE_MONITORING);
                }
            }
            int arrivals = poisson(random, arrivalsPerWeek);
            for (int i = 0; i < arrivals; i++) {
                LocalDate start = week.plusDays(random.nextInt(7));
                if (start.isAfter(to)) {
                    continue;
                }
                Pathway pathway = open(random, icb, provider, nhsNumbers, serial++, start);
                all.add(pathway);
                queue.add(pathway);
            }
        }
        return all;
    }

    /** Capacity as a share of demand: a little short before the pilot, extra during it, even after. */
    static double capacityFactor(LocalDate week, double pilotBoost) {
        if (week.isBefore(PILOT_START)) {
            return 0.97;
        }
        if (!week.isAfter(PILOT_END)) {
            return pilotBoost;
        }
        return 1.0;
    }

    private static Pathway open(Random random, String icb, String provider, List<String> nhsNumbers, int serial, LocalDate start) {
        Priority priority = random.nextInt(100) < 8 ? Priority.URGENT : Priority.ROUTINE;
        return Pathway.open(new PathwayKey("DEMO-" + icb + "-" + serial, provider), nhsNumbers.get(random.nextInt(nhsNumbers.size())),
                null, start, SOURCES.get(random.nextInt(SOURCES.size())), "ORTT", random.nextInt(10) == 0 ? "410" : "650",
                priority, provider, icb, start);
    }

    private static int poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }
}

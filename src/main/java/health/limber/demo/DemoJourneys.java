package health.limber.demo;

import health.limber.episode.DischargeReason;
import health.limber.episode.EpisodeBulkLoad.PastDischarge;
import health.limber.patient.PatientBulkLoad.PastPatient;
import health.limber.platform.LimberTime;
import health.limber.referral.CarePathway;
import health.limber.referral.RedFlagLevel;
import health.limber.referral.ReferralBulkLoad.PastReferral;
import health.limber.referral.Urgency;
import health.limber.waitinglist.KindOfCare;
import health.limber.waitinglist.Pathway;
import health.limber.waitinglist.PathwayId;
import health.limber.waitinglist.PathwayKey;
import health.limber.waitinglist.Priority;
import health.limber.waitinglist.SourceOfReferral;
import health.limber.waitinglist.StopReason;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.UUID;

/**
 * One ICB's people and what happened to each of their referrals, simulated week by week from a
 * seed: referrals arrive (Poisson), are triaged a few days later to a kind of care (or advice and
 * discharge, which stops the clock at triage), wait on the list for that kind of care and are seen
 * in the list's order (urgent, soon, routine, then longest wait) as each kind's weekly capacity
 * allows; the first contact stops the clock by that kind of care (or a first-appointment DNA
 * nullifies it, or the person declines), and most are discharged some weeks later. Capacity is a
 * little short of demand before the Cohort 1 pilot, even after it, and during it (December 2024 to
 * March 2025) extra one-stop days, class places and digital self-management take the longest
 * waiters from every list. So the census, the comparison and every list are made of these people.
 * The same seed gives the same journeys, ids included.
 */
final class DemoJourneys {

    static final LocalDate FROM = LocalDate.of(2024, 6, 3);
    static final LocalDate PILOT_START = LocalDate.of(2024, 12, 1);
    static final LocalDate PILOT_END = LocalDate.of(2025, 3, 31);
    /** People already waiting when the simulation starts: this many weeks of referrals. */
    static final int BACKLOG_WEEKS = 20;
    /**
     * One-stop days as a share of the referrals to them once the pilot's extra days ended: a hub runs
     * them when it can staff the whole team, so a list of people waiting for one builds up again.
     */
    static final double ONE_STOP_AFTER_PILOT = 0.8;
    /** The tour patient's patient-initiated follow-up discharge was this many days ago. */
    static final int TOUR_DISCHARGED_DAYS_AGO = 70;
    /** Each kind of care's share of the referrals triage accepts (the rest, 8%, are advised and discharged); capacity follows it. */
    private static final Map<CarePathway, Double> SHARE = new EnumMap<>(Map.of(CarePathway.PHYSIOTHERAPY, 0.42,
            CarePathway.ONE_STOP_CLINIC, 0.15, CarePathway.GROUP_CLASS, 0.15, CarePathway.DIGITAL_SELF_MANAGEMENT, 0.20));
    private static final Map<CarePathway, KindOfCare> KIND = Map.of(CarePathway.PHYSIOTHERAPY, KindOfCare.ONE_TO_ONE_PHYSIOTHERAPY,
            CarePathway.ONE_STOP_CLINIC, KindOfCare.ONE_STOP_CLINIC, CarePathway.GROUP_CLASS, KindOfCare.GROUP_CLASS,
            CarePathway.DIGITAL_SELF_MANAGEMENT, KindOfCare.DIGITAL_SELF_MANAGEMENT);
    private static final List<CarePathway> PILOT_KINDS = List.of(CarePathway.ONE_STOP_CLINIC, CarePathway.ONE_STOP_CLINIC,
            CarePathway.GROUP_CLASS, CarePathway.DIGITAL_SELF_MANAGEMENT);

    private DemoJourneys() {}

    /** One ICB's settings: {@code arrivalsPerWeek} referrals a week on average; {@code tour}: the demo tour's ICB. */
    record Area(String icb, String provider, int icbIndex, List<DemoAreas.Town> towns, List<String> practices, double arrivalsPerWeek,
                boolean tour) {}

    /**
     * What happened to one referral of {@code person} (an index into the people). {@code pathway} is
     * null until it is triaged. {@code seenOn} is the day its clock stopped ({@code stop}: the first
     * contact, the triage that advised and discharged, a first-appointment DNA or a decline), null
     * while the person waits; {@code seenBy} the kind of care that stopped it, if care did.
     */
    record Journey(int person, PastReferral referral, Pathway pathway, LocalDate seenOn, KindOfCare seenBy, StopReason stop,
                   PastDischarge discharge) {

        /** Whether the person was on the list on {@code date}, by the journey's own dates (DOMAIN.md §3). */
        boolean waitingOn(LocalDate date) {
            return pathway != null && !referral.receivedOn().isAfter(date) && (stoppedOn() == null || stoppedOn().isAfter(date));
        }

        /** The day the clock stopped (null while waiting). */
        LocalDate stoppedOn() {
            return seenOn;
        }

        boolean stillWaiting(LocalDate today) {
            return pathway != null && stop == null && !LimberTime.dateOf(referral.triagedAt()).isAfter(today);
        }
    }

    /** The ICB's people (NHS numbers in order, the tour's patient first) and their journeys. */
    record Generated(List<PastPatient> people, List<Journey> journeys) {}

    static Generated generate(Random random, Area area, LocalDate today, Instant now) {
        Simulation simulation = new Simulation(random, area, today);
        simulation.run(now);
        List<Draft> drafts = simulation.drafts;
        Draft tour = area.tour() ? simulation.tourJourney() : null;
        Draft tourAgain = area.tour() ? simulation.tourReferredAgain(tour) : null;
        List<PastPatient> people = new ArrayList<>();
        int[] serial = {0};
        List<Draft> numbered = new ArrayList<>(drafts);
        if (tour != null) {
            numbered.remove(tour);
            numbered.add(0, tour);
            numbered.remove(tourAgain);
        }
        for (Draft d : numbered) {
            d.person = people.size();
            people.add(DemoPeople.numbered(d.personDetails, DemoPeople.nextNhsNumber(area.icbIndex(), serial)));
        }
        if (tourAgain != null) {
            tourAgain.person = tour.person;
        }
        List<Journey> journeys = new ArrayList<>();
        for (Draft d : drafts) {
            journeys.add(d.journey(area, people.get(d.person)));
        }
        return new Generated(people, journeys);
    }

    /** A random (version 4) UUID drawn from the seed's stream. */
    static UUID uuid(Random random) {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | Long.MIN_VALUE);
    }

    /** A time-ordered (version 7 layout) UUID for {@code day} from the seed's stream, as live pathway ids are. */
    private static UUID timeOrdered(Random random, LocalDate day) {
        long millis = day.toEpochDay() * 86_400_000L;
        return new UUID((millis << 16) | 0x7000L | (random.nextInt(0x1000)), (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | Long.MIN_VALUE);
    }

    /** The week-by-week simulation of one ICB. */
    private static final class Simulation {
        private final Random random;
        private final Area area;
        private final LocalDate today;
        private final List<Draft> drafts = new ArrayList<>();
        private final List<Draft> untriaged = new ArrayList<>();
        private final Map<CarePathway, PriorityQueue<Draft>> lists = new EnumMap<>(CarePathway.class);
        private final double pilotExtra;

        Simulation(Random random, Area area, LocalDate today) {
            this.random = random;
            this.area = area;
            this.today = today;
            this.pilotExtra = 0.05 + random.nextDouble() * 0.06;
            SHARE.keySet().forEach(kind -> lists.put(kind, new PriorityQueue<>(Draft.LIST_ORDER)));
        }

        void run(Instant now) {
            LocalDate first = FROM.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            for (int i = 0, n = (int) (area.arrivalsPerWeek() * BACKLOG_WEEKS); i < n; i++) {
                arrive(first.minusDays(1 + random.nextInt(BACKLOG_WEEKS * 7)), now);
            }
            for (LocalDate week = first; !week.isAfter(today); week = week.plusWeeks(1)) {
                LocalDate monday = week;
                untriaged.removeIf(d -> {
                    boolean ready = d.triaged.isBefore(monday);
                    if (ready) {
                        lists.get(d.care).add(d);
                    }
                    return ready;
                });
                for (var entry : lists.entrySet()) {
                    double factor = week.isBefore(PILOT_START) ? 0.97 : entry.getKey() == CarePathway.ONE_STOP_CLINIC && week.isAfter(PILOT_END)
                            ? ONE_STOP_AFTER_PILOT : 1.0;
                    see(entry.getValue(), poisson(area.arrivalsPerWeek() * SHARE.get(entry.getKey()) * factor), week, null);
                }
                if (!week.isBefore(PILOT_START) && !week.isAfter(PILOT_END)) {
                    int extra = poisson(area.arrivalsPerWeek() * pilotExtra);
                    for (int i = 0; i < extra; i++) {
                        lists.values().stream().filter(q -> !q.isEmpty()).min(Comparator.comparing(PriorityQueue::peek, Draft.LIST_ORDER))
                                .ifPresent(q -> see(q, 1, monday, PILOT_KINDS.get(random.nextInt(PILOT_KINDS.size()))));
                    }
                }
                for (int i = 0, n = poisson(area.arrivalsPerWeek()); i < n; i++) {
                    LocalDate received = week.plusDays(random.nextInt(7));
                    if (!received.isAfter(today)) {
                        arrive(received, now);
                    }
                }
            }
            redFlags(now);
        }

        /** A new referral received on {@code received}, triaged two to nine days later (unless that is still to come). */
        private void arrive(LocalDate received, Instant now) {
            Draft d = new Draft(DemoPeople.person(random, area.icb(), area.towns(), area.icbIndex(), today, now));
            d.received = received;
            d.receivedAt = received.atTime(9 + random.nextInt(8), random.nextInt(60)).atZone(LimberTime.ZONE).toInstant();
            if (d.receivedAt.isAfter(now)) {
                d.receivedAt = now.minus(Duration.ofMinutes(1 + random.nextInt(60)));
                d.received = LimberTime.dateOf(d.receivedAt);
            }
            d.urgency = random.nextInt(100) < 8 ? Urgency.URGENT : random.nextInt(100) < 22 ? Urgency.SOON : Urgency.ROUTINE;
            d.triaged = received.plusDays(2 + random.nextInt(8));
            double roll = random.nextDouble();
            d.care = roll < 0.08 ? CarePathway.ADVICE_AND_DISCHARGE : roll < 0.50 ? CarePathway.PHYSIOTHERAPY : roll < 0.65
                    ? CarePathway.ONE_STOP_CLINIC : roll < 0.80 ? CarePathway.GROUP_CLASS : CarePathway.DIGITAL_SELF_MANAGEMENT;
            d.referralSeed = random.nextLong();
            drafts.add(d);
            if (d.triaged.isAfter(today)) {
                d.triaged = null;
            } else if (d.care == CarePathway.ADVICE_AND_DISCHARGE) {
                d.seenOn = d.triaged;
                d.stop = StopReason.DISCHARGED;
                d.seenBy = KindOfCare.ADVICE_AND_DISCHARGE;
                d.discharge(DischargeReason.TREATMENT_COMPLETE, d.triaged);
            } else {
                untriaged.add(d);
            }
        }

        /** Two referrals waiting for triage with red flags: an emergency 6 hours ago (its task overdue), an urgent one 3 hours ago. */
        private void redFlags(Instant now) {
            for (RedFlagLevel level : List.of(RedFlagLevel.EMERGENCY, RedFlagLevel.URGENT)) {
                Draft d = new Draft(DemoPeople.person(random, area.icb(), area.towns(), area.icbIndex(), today, now));
                d.receivedAt = now.minus(Duration.ofHours(level == RedFlagLevel.EMERGENCY ? 6 : 3));
                d.received = LimberTime.dateOf(d.receivedAt);
                d.urgency = Urgency.URGENT;
                d.redFlag = level;
                d.referralSeed = random.nextLong();
                drafts.add(d);
            }
        }

        /** Sees up to {@code places} people from the head of the list this week, as {@code instead} offers when given. */
        private void see(PriorityQueue<Draft> list, int places, LocalDate week, CarePathway instead) {
            for (int i = 0; i < places && !list.isEmpty(); i++) {
                Draft d = list.peek();
                LocalDate on = week.plusDays(random.nextInt(5));
                if (on.isAfter(today) || !on.isAfter(d.triaged)) {
                    return;
                }
                list.poll();
                if (instead != null) {
                    d.care = instead;
                }
                int outcome = random.nextInt(100);
                d.seenOn = on;
                if (outcome < 5) {
                    d.stop = StopReason.DNA_NULLIFIED;
                    d.discharge(DischargeReason.DID_NOT_ATTEND, on);
                } else if (outcome < 8) {
                    d.stop = StopReason.PATIENT_DECLINED;
                    d.discharge(DischargeReason.DECLINED_FURTHER_CARE, on);
                } else {
                    d.stop = StopReason.FIRST_TREATMENT;
                    d.seenBy = KIND.get(d.care);
                    LocalDate end = on.plusDays(28 + random.nextInt(92));
                    int reason = random.nextInt(100);
                    if (!end.isAfter(today)) {
                        d.discharge(reason < 55 ? DischargeReason.TREATMENT_COMPLETE : reason < 85 ? DischargeReason.PATIENT_INITIATED_FOLLOW_UP
                                : reason < 92 ? DischargeReason.REFERRED_ON : DischargeReason.DID_NOT_ATTEND, end);
                    }
                }
            }
        }

        /**
         * The tour patient's journey: the latest treated by 1:1 physiotherapy or self-management at least
         * eleven weeks ago, discharged ten weeks ago with patient-initiated follow-up (so they can still ask for one).
         */
        Draft tourJourney() {
            Draft chosen = drafts.stream().filter(d -> d.stop == StopReason.FIRST_TREATMENT
                            && (d.care == CarePathway.PHYSIOTHERAPY || d.care == CarePathway.DIGITAL_SELF_MANAGEMENT)
                            && !d.seenOn.isAfter(today.minusDays(TOUR_DISCHARGED_DAYS_AGO + 7)))
                    .max(Comparator.comparing((Draft d) -> d.seenOn)).orElseThrow();
            chosen.discharge(DischargeReason.PATIENT_INITIATED_FOLLOW_UP, today.minusDays(TOUR_DISCHARGED_DAYS_AGO));
            return chosen;
        }

        /**
         * The tour patient's second referral, after that discharge: to a one-stop day, still waiting,
         * referred more than five weeks ago (so the demo's clinic days can hold them); the earliest such
         * (with so few referrals that there is none, the latest before it).
         */
        Draft tourReferredAgain(Draft tour) {
            List<Draft> waiting = drafts.stream().filter(d -> d != tour && d.care == CarePathway.ONE_STOP_CLINIC && d.triaged != null
                    && d.stop == null && d.received.isBefore(today.minusDays(35))).toList();
            return waiting.stream().filter(d -> d.received.isAfter(tour.dischargedOn)).min(Comparator.comparing((Draft d) -> d.received))
                    .orElseGet(() -> waiting.stream().max(Comparator.comparing((Draft d) -> d.received)).orElseThrow());
        }

        private int poisson(double mean) {
            double limit = Math.exp(-mean);
            if (mean > 30) {
                return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
            }
            double product = random.nextDouble();
            int n = 0;
            while (product > limit) {
                product *= random.nextDouble();
                n++;
            }
            return n;
        }
    }

    /** One referral's journey while it is simulated. */
    private static final class Draft {
        static final Comparator<Draft> LIST_ORDER = Comparator.comparing((Draft d) -> d.urgency).thenComparing(d -> d.received)
                .thenComparing(d -> d.referralSeed);

        final PastPatient personDetails;
        int person;
        LocalDate received;
        Instant receivedAt;
        LocalDate triaged;
        Urgency urgency;
        CarePathway care;
        RedFlagLevel redFlag = RedFlagLevel.NONE;
        long referralSeed;
        LocalDate seenOn;
        KindOfCare seenBy;
        StopReason stop;
        DischargeReason dischargeReason;
        LocalDate dischargedOn;

        Draft(PastPatient personDetails) {
            this.personDetails = personDetails;
        }

        void discharge(DischargeReason reason, LocalDate on) {
            dischargeReason = reason;
            dischargedOn = on;
        }

        Journey journey(Area area, PastPatient person) {
            Random random = new Random(referralSeed);
            Instant triagedAt = triaged == null ? null : triaged.atTime(10 + random.nextInt(6), random.nextInt(60)).atZone(LimberTime.ZONE).toInstant();
            PastReferral referral = DemoReferrals.of(random, area.icb(), person.input(), received, receivedAt, redFlag,
                    triaged == null ? null : care, triaged == null ? null : urgency, triagedAt);
            if (triaged == null) {
                return new Journey(this.person, referral, null, null, null, null, null);
            }
            Pathway pathway = Pathway.open(PathwayId.of(timeOrdered(random, received)), new PathwayKey(referral.reference(), area.provider()),
                    person.input().nhsNumber(), referral.birthDate(), received, SourceOfReferral.of(referral.source()), "ORTT", "650",
                    urgency == Urgency.URGENT ? Priority.URGENT : Priority.ROUTINE, area.provider(), area.icb(), received);
            if (stop == StopReason.DNA_NULLIFIED) {
                pathway.recordDidNotAttend(seenOn, true, false);
            } else if (stop != null) {
                pathway.stopClock(seenOn, stop, seenBy);
            }
            PastDischarge discharge = dischargeReason == null ? null : new PastDischarge(dischargeReason, dischargedOn,
                    care == CarePathway.ADVICE_AND_DISCHARGE ? "Advice and exercises given at triage" : null,
                    dischargeReason == DischargeReason.REFERRED_ON ? "Orthopaedics" : null,
                    dischargeReason == DischargeReason.PATIENT_INITIATED_FOLLOW_UP ? 6 : null,
                    "clinician." + area.icb().toLowerCase(java.util.Locale.ROOT), dischargedOn.atTime(15, 0).atZone(LimberTime.ZONE).toInstant());
            return new Journey(this.person, referral, pathway, seenOn, seenBy, stop, discharge);
        }
    }
}

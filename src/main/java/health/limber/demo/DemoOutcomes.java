package health.limber.demo;

import health.limber.outcome.Answers;
import health.limber.outcome.OutcomeBulkLoad.PastOutcome;
import health.limber.outcome.OutcomeDue;
import health.limber.outcome.TimePoint;
import health.limber.referral.CarePathway;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The demo's questionnaires, from simulated behaviour rather than set figures. Each person has an
 * adherence to their programme and a readiness to answer. At each time point they may answer when
 * they open the app (66% at baseline, 38% at 6 weeks and discharge, 28% at follow-up, scaled by
 * readiness); people who agreed to texts or emails also get the reminders on the day and 3 and 7
 * days later, each a further chance. Scores improve from baseline by an amount that depends on the
 * kind of care and on adherence, with noise; work changes with it. Nothing here is a target: the
 * report's return rates and changes are what the simulation produced.
 */
final class DemoOutcomes {

    /** Episodes opened this long ago or less get questionnaires (enough for the reports, quick to load). */
    static final int MONTHS = 15;
    static final int GRACE_DAYS = 14;
    static final double REMINDER_CHANCE = 0.22;
    static final Map<TimePoint, Double> IN_APP = Map.of(TimePoint.BASELINE, 0.66, TimePoint.SIX_WEEKS, 0.38, TimePoint.DISCHARGE, 0.38,
            TimePoint.FOLLOW_UP, 0.28);
    static final Map<CarePathway, Double> EFFECT = Map.of(CarePathway.PHYSIOTHERAPY, 9.0, CarePathway.ONE_STOP_CLINIC, 10.0,
            CarePathway.GROUP_CLASS, 8.0, CarePathway.DIGITAL_SELF_MANAGEMENT, 6.0);
    static final List<String> ACTIVITIES = List.of("Climbing stairs", "Walking to the shops", "Lifting shopping", "Getting dressed",
            "Gardening", "Sleeping through the night", "Playing with the children", "Driving", "Sitting at work", "Kneeling");

    /** An episode that opened, with what the demo knows of its person. */
    record Opened(UUID episodeId, UUID patientId, String icbCode, String providerCode, CarePathway kind, LocalDate openedOn, LocalDate dischargedOn,
                  boolean reachable, String workStatus, boolean tour) {}

    /**
     * What the simulation decided about a person's work and whether they asked for help with work or
     * money (about 1 in 4 of people not working asks for help with work), for {@link DemoSupport}.
     * Being seen by an adviser makes going back to work likelier, so the work outcomes report has
     * something true to say.
     */
    record Course(Opened episode, double adherence, double readiness, String workAtStart, String workLater, boolean asksForWork,
                  boolean asksForMoney, boolean seen) {}

    record Result(List<PastOutcome> outcomes, List<Course> courses) {}

    static final Set<String> NOT_WORKING = Set.of("EMPLOYED_OFF_SICK", "UNEMPLOYED_SEEKING_WORK", "INACTIVE_ILL_HEALTH");

    private DemoOutcomes() {}

    static Result generate(Random random, List<Opened> opened, LocalDate today, BiFunction<String, TimePoint, List<String>> schedule) {
        List<PastOutcome> outcomes = new ArrayList<>();
        List<Course> courses = new ArrayList<>();
        for (Opened episode : opened) {
            if (!EFFECT.containsKey(episode.kind()) || episode.openedOn().isBefore(today.minusMonths(MONTHS))) {
                continue;
            }
            Person person = new Person(random, episode);
            person.outcomes(today, schedule, outcomes);
            courses.add(new Course(episode, person.adherence, person.readiness, person.workAtStart, person.workLater, person.asksForWork,
                    person.asksForMoney, person.seen));
        }
        return new Result(outcomes, courses);
    }

    /** One person's course: how much they improve, whether they work later, and when they answer. */
    private static final class Person {
        final Random random;
        final Opened episode;
        final double adherence;
        final double readiness;
        final double change;
        final double mskHq;
        final double pain;
        final double phq;
        final double gad;
        final List<String> activities;
        final List<Double> ratings = new ArrayList<>();
        final String workAtStart;
        final String workLater;
        final boolean asksForWork;
        final boolean asksForMoney;
        final boolean seen;

        Person(Random random, Opened episode) {
            this.random = random;
            this.episode = episode;
            this.adherence = (random.nextDouble() + random.nextDouble()) / 2;
            this.readiness = 0.5 * adherence + 0.5 * random.nextDouble();
            this.change = EFFECT.get(episode.kind()) * (0.3 + 0.9 * adherence) + 5 * random.nextGaussian();
            this.mskHq = clamp(27 + 8 * random.nextGaussian(), 6, 50);
            this.pain = clamp(6.3 + 1.7 * random.nextGaussian(), 2, 10);
            this.phq = clamp(10 + 5 * random.nextGaussian(), 0, 24);
            this.gad = clamp(8 + 4 * random.nextGaussian(), 0, 19);
            List<String> pool = new ArrayList<>(ACTIVITIES);
            java.util.Collections.shuffle(pool, random);
            this.activities = pool.subList(0, 2 + random.nextInt(2));
            activities.forEach(a -> ratings.add(clamp(3.5 + 1.3 * random.nextGaussian(), 0, 8)));
            this.workAtStart = episode.workStatus() != null ? episode.workStatus() : "EMPLOYED_WORKING";
            boolean notWorking = NOT_WORKING.contains(workAtStart);
            this.asksForWork = random.nextDouble() < (notWorking ? 0.25 : workAtStart.equals("EMPLOYED_WORKING") ? 0.03 : 0);
            this.asksForMoney = random.nextDouble() < (notWorking ? 0.12 : 0.04);
            this.seen = (asksForWork || asksForMoney) && random.nextDouble() < 0.45 + 0.5 * readiness;
            double helped = asksForWork && seen && notWorking ? 0.15 : 0;
            double back = helped + switch (workAtStart) {
                case "EMPLOYED_OFF_SICK" -> 0.35 + 0.35 * adherence;
                case "UNEMPLOYED_SEEKING_WORK" -> 0.15 + 0.15 * adherence;
                case "INACTIVE_ILL_HEALTH" -> 0.08 + 0.10 * adherence;
                case "EMPLOYED_WORKING" -> 0.95;
                default -> 0;
            };
            boolean workingLater = random.nextDouble() < back;
            this.workLater = workingLater ? "EMPLOYED_WORKING" : workAtStart.equals("EMPLOYED_WORKING") ? "EMPLOYED_OFF_SICK" : workAtStart;
        }

        void outcomes(LocalDate today, BiFunction<String, TimePoint, List<String>> schedule, List<PastOutcome> out) {
            LocalDate discharged = episode.dischargedOn();
            point(TimePoint.BASELINE, episode.openedOn(), today, schedule, out);
            LocalDate sixWeeks = episode.openedOn().plusWeeks(6);
            if (episode.tour() && discharged == null) {
                sixWeeks = today.minusDays(3); // the tour shows answering them: the tour patient's fell due 3 days ago
            }
            if (discharged == null || discharged.isAfter(sixWeeks)) {
                point(TimePoint.SIX_WEEKS, sixWeeks, today, schedule, out);
            }
            if (discharged != null) {
                point(TimePoint.DISCHARGE, discharged, today, schedule, out);
                point(TimePoint.FOLLOW_UP, discharged.plusMonths(3), today, schedule, out);
            }
        }

        private void point(TimePoint point, LocalDate due, LocalDate today, BiFunction<String, TimePoint, List<String>> schedule, List<PastOutcome> out) {
            Integer day = answeredAfter(point);
            boolean tourStillDue = episode.tour() && stillTreated() && point == TimePoint.SIX_WEEKS;
            LocalDate answered = day == null || tourStillDue ? null : due.plusDays(day);
            boolean returned = answered != null && !answered.isAfter(today) && !due.isAfter(today);
            for (String instrument : schedule.apply(episode.kind().name(), point)) {
                boolean skipped = returned && random.nextDouble() < 0.05;
                OutcomeDue.Status status = returned && !skipped ? OutcomeDue.Status.RETURNED
                        : due.isBefore(today.minusDays(GRACE_DAYS)) ? OutcomeDue.Status.NOT_RETURNED : OutcomeDue.Status.DUE;
                out.add(new PastOutcome(episode.episodeId(), episode.patientId(), episode.icbCode(), episode.providerCode(), episode.kind().name(),
                        point, instrument, due, status, episode.reachable(),
                        status == OutcomeDue.Status.RETURNED ? answers(instrument, point) : null, status == OutcomeDue.Status.RETURNED ? answered : null));
            }
        }

        /** The tour's patient is still being treated: their 6-week questionnaires wait for them in the app. */
        private boolean stillTreated() {
            return episode.dischargedOn() == null;
        }

        /** Days after falling due that the person answered, or null: the app first, then each reminder if they get them. */
        private Integer answeredAfter(TimePoint point) {
            double scale = 0.5 + readiness;
            if (random.nextDouble() < Math.min(0.95, IN_APP.get(point) * scale)) {
                return random.nextInt(3);
            }
            if (!episode.reachable()) {
                return null;
            }
            int[] reminders = {0, 3, 7};
            for (int k = 0; k < reminders.length; k++) {
                if (random.nextDouble() < REMINDER_CHANCE * scale * Math.pow(0.8, k)) {
                    return reminders[k] + random.nextInt(3);
                }
            }
            return null;
        }

        private double progress(TimePoint point) {
            return switch (point) {
                case BASELINE -> 0;
                case SIX_WEEKS -> 0.6;
                case DISCHARGE -> 1.0;
                case FOLLOW_UP -> 1.1;
            };
        }

        Answers answers(String instrument, TimePoint point) {
            double f = progress(point);
            double gained = f * change;
            return switch (instrument) {
                case "msk-hq" -> spread((int) Math.round(clamp(mskHq + gained + 2 * random.nextGaussian(), 0, 56)), 14, 4);
                case "pain-nrs" -> Answers.of("pain", Long.toString(Math.round(clamp(pain - gained / 3.5 + 0.8 * random.nextGaussian(), 0, 10))));
                case "psfs" -> psfs(gained);
                case "work" -> work(point == TimePoint.BASELINE ? workAtStart : workLater, gained);
                case "groc" -> Answers.of("change", groc(gained + 2 * random.nextGaussian()));
                case "phq-9" -> spread((int) Math.round(clamp(phq - gained / 2.5 + 2 * random.nextGaussian(), 0, 24)), 8, 3).add("9", "0");
                case "gad-7" -> spread((int) Math.round(clamp(gad - gained / 2.5 + 2 * random.nextGaussian(), 0, 21)), 7, 3);
                default -> throw new IllegalArgumentException("The demo does not answer " + instrument);
            };
        }

        private Answers psfs(double gained) {
            Answers answers = new Answers();
            for (int i = 0; i < activities.size(); i++) {
                answers.add("activity-name", activities.get(i));
                answers.add("activity-rating", Long.toString(Math.round(clamp(ratings.get(i) + gained / 3 + random.nextGaussian(), 0, 10))));
            }
            return answers;
        }

        private Answers work(String status, double gained) {
            Answers answers = Answers.of("status", status);
            long affected = Math.round(clamp(6 - gained / 3 + 1.5 * random.nextGaussian(), 0, 10));
            if (status.equals("EMPLOYED_WORKING") || status.equals("EMPLOYED_OFF_SICK")) {
                answers.add("days-off", Integer.toString(status.equals("EMPLOYED_OFF_SICK") ? 10 + random.nextInt(19) : random.nextInt(4)));
            }
            if (status.equals("EMPLOYED_WORKING")) {
                answers.add("hours", Integer.toString(16 + random.nextInt(25)));
            }
            return answers.add("affected", Long.toString(affected));
        }

        /** Items 1..n each 0..max adding up to the total (n·max at most), spread unevenly. */
        private Answers spread(int total, int items, int max) {
            int[] scores = new int[items];
            int left = Math.min(total, items * max);
            while (left > 0) {
                int i = random.nextInt(items);
                if (scores[i] < max) {
                    scores[i]++;
                    left--;
                }
            }
            Answers answers = new Answers();
            for (int i = 0; i < items; i++) {
                answers.add(Integer.toString(i + 1), Integer.toString(scores[i]));
            }
            return answers;
        }
    }

    static String groc(double gained) {
        return gained >= 12 ? "much-better" : gained >= 6 ? "better" : gained >= 2 ? "little-better" : gained > -2 ? "same"
                : gained > -6 ? "little-worse" : gained > -12 ? "worse" : "much-worse";
    }

    static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}

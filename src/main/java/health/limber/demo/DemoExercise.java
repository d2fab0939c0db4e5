package health.limber.demo;

import health.limber.clinic.Hub;
import health.limber.clinic.Hubs;
import health.limber.exercise.Exercise;
import health.limber.exercise.ExerciseLibrary;
import health.limber.exercise.Programme;
import health.limber.exercise.ProgrammeBulkLoad;
import health.limber.exercise.ProgrammeId;
import health.limber.exercise.ProgrammeSource;
import health.limber.exercise.ProgrammeManagement;
import health.limber.exercise.ProgrammeTemplates;
import health.limber.exercise.SessionLog;
import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.patient.PatientBulkLoad;
import health.limber.patient.PatientId;
import health.limber.platform.LimberTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Home exercise programmes. The first ICB's first patients get theirs through the exercise module's
 * API: three weeks of logs (most people keep going, one stopped logging, one has rising pain) and
 * usefulness ratings. Then {@link #cohort} gives programmes to thousands more patients across all
 * ICBs in bulk, each person following one of a few patterns (keeps going, drops off, on and off,
 * pain rising), with ratings drawn per pattern, so the caseload alerts, adherence charts and the
 * "fairly or very useful" share come out of generated behaviour rather than a constant.
 */
@Component
class DemoExercise {

    private static final List<String> TEMPLATES = List.of("low-back-pain", "knee-osteoarthritis", "ankle-fracture-after-cast", "neck-pain",
            "shoulder-pain", "low-back-pain", "knee-osteoarthritis", "low-back-pain");

    /** Patients of the first ICB given a hand-made programme through the API. */
    static final int HAND_MADE = 8;

    private final ProgrammeManagement programmes;
    private final ProgrammeBulkLoad bulk;
    private final PatientBulkLoad patients;
    private final Hubs hubs;
    private final CurrentActor currentActor;
    private final ExerciseLibrary library;

    DemoExercise(ProgrammeManagement programmes, ProgrammeBulkLoad bulk, PatientBulkLoad patients, Hubs hubs, CurrentActor currentActor,
                 ExerciseLibrary library) {
        this.programmes = programmes;
        this.bulk = bulk;
        this.patients = patients;
        this.hubs = hubs;
        this.currentActor = currentActor;
        this.library = library;
    }

    /** How a demo patient goes about their programme. */
    enum Pattern {
        KEEPS_GOING(0.85, new int[] {1, 4, 38, 57}),
        DROPS_OFF(0.75, new int[] {5, 12, 43, 40}),
        ON_AND_OFF(0.4, new int[] {4, 10, 46, 40}),
        PAIN_RISING(0.7, new int[] {10, 20, 42, 28});

        final double doesASession;
        /** Percent answering not at all, not very, fairly and very useful about a demonstration. */
        final int[] usefulness;

        Pattern(double doesASession, int[] usefulness) {
            this.doesASession = doesASession;
            this.usefulness = usefulness;
        }

        static Pattern draw(Random random) {
            int r = random.nextInt(100);
            return r < 52 ? KEEPS_GOING : r < 77 ? DROPS_OFF : r < 92 ? ON_AND_OFF : PAIN_RISING;
        }

        int usefulness(Random random) {
            int r = random.nextInt(100);
            for (int answer = 0; answer < 4; answer++) {
                r -= usefulness[answer];
                if (r < 0) {
                    return answer + 1;
                }
            }
            return 4;
        }

        /** 1 much worse .. 7 much better, at the end of the programme. */
        int globalChange(Random random) {
            return switch (this) {
                case KEEPS_GOING -> 5 + random.nextInt(3);
                case DROPS_OFF, ON_AND_OFF -> 3 + random.nextInt(3);
                case PAIN_RISING -> 2 + random.nextInt(3);
            };
        }
    }

    /** How many programmes the ICB has (a demo stopped half-way finishes the rest on its next start). */
    int programmesOf(String icb) {
        return bulk.count(icb);
    }

    /**
     * Programmes for up to {@code perIcb} patients of the ICB (skipping the first {@code skip}, who have
     * hand-made ones), started over the last nine weeks at the ICB's hubs, with the sessions each
     * patient's pattern produces up to yesterday and the ratings they gave after the first week and at
     * the end. Stored through the exercise module's bulk entry point, so a demo of thousands of
     * patients loads in seconds. Returns the number of programmes.
     */
    int cohort(Random random, String icb, String provider, int perIcb, int skip, LocalDate today) {
        List<PatientId> patients = this.patients.inIcb(icb).stream().map(PatientBulkLoad.Summary::id).toList();
        List<UUID> hubIds = hubs.inIcbs(List.of(icb)).stream().map(Hub::id).toList();
        List<ProgrammeTemplates.Template> templates = programmes.templates();
        List<ProgrammeBulkLoad.PastProgramme> made = new ArrayList<>();
        for (int p = skip; p < patients.size() && made.size() < perIcb; p++) {
            ProgrammeTemplates.Template template = templates.get(random.nextInt(templates.size()));
            LocalDate start = today.minusDays(3 + random.nextInt(60));
            UUID id = new UUID(random.nextLong(), random.nextLong());
            Instant created = start.atTime(9 + random.nextInt(8), random.nextInt(60)).atZone(LimberTime.ZONE).toInstant();
            UUID hub = hubIds.isEmpty() ? null : hubIds.get(random.nextInt(hubIds.size()));
            Pattern pattern = Pattern.draw(random);
            List<ProgrammeBulkLoad.PastSession> sessions = sessions(random, template, start, today, pattern);
            LocalDate end = start.plusWeeks(template.weeks());
            int lastLogged = sessions.stream().mapToInt(s -> (int) ChronoUnit.DAYS.between(start, s.day())).max().orElse(-1);
            made.add(new ProgrammeBulkLoad.PastProgramme(ProgrammeId.of(id), patients.get(p), icb, template, hub, start, "physio." + icb.toLowerCase(), provider, created,
                    sessions, ratings(random, template, start, end, today, pattern, lastLogged),
                    template.id().equals("ankle-fracture-after-cast") ? ProgrammeSource.FRACTURE_CLINIC : ProgrammeSource.CLINICIAN));
        }
        bulk.store(made);
        return made.size();
    }

    /** The sessions a patient of this pattern logs from the start up to yesterday (or the programme's end). */
    private List<ProgrammeBulkLoad.PastSession> sessions(Random random, ProgrammeTemplates.Template template, LocalDate start, LocalDate today,
                                                         Pattern pattern) {
        List<Exercise.Dose> doses = template.exercises().stream().map(e -> library.read(e, ExerciseLibrary.ENGLISH).dose()).toList();
        int stopsAfter = pattern == Pattern.DROPS_OFF ? 4 + random.nextInt(18) : Integer.MAX_VALUE;
        int painAtStart = pattern == Pattern.PAIN_RISING ? 2 + random.nextInt(3) : 3 + random.nextInt(4);
        LocalDate end = start.plusWeeks(template.weeks());
        LocalDate lastDay = end.isBefore(today) ? end : today.minusDays(1);
        List<ProgrammeBulkLoad.PastSession> sessions = new ArrayList<>();
        for (LocalDate day = start; !day.isAfter(lastDay); day = day.plusDays(1)) {
            int n = (int) ChronoUnit.DAYS.between(start, day);
            if (n > stopsAfter) {
                break;
            }
            double weeks = n / 7.0;
            int pain = (int) Math.round(pattern == Pattern.PAIN_RISING ? painAtStart + weeks * 1.4 : painAtStart - weeks * 0.6);
            for (int i = 0; i < doses.size(); i++) {
                Exercise.Dose dose = doses.get(i);
                if (!onTheDay(day, dose.daysPerWeek())) {
                    continue;
                }
                for (int session = 0; session < dose.timesPerDay(); session++) {
                    if (random.nextDouble() >= pattern.doesASession) {
                        continue;
                    }
                    SessionLog.Outcome outcome = random.nextInt(9) == 0 ? SessionLog.Outcome.PARTLY : SessionLog.Outcome.DONE;
                    SessionLog.Difficulty difficulty = pattern == Pattern.PAIN_RISING || weeks < 1 ? SessionLog.Difficulty.HARD
                            : weeks >= 2.5 && pattern == Pattern.KEEPS_GOING && random.nextInt(3) > 0 ? SessionLog.Difficulty.EASY
                            : SessionLog.Difficulty.JUST_RIGHT;
                    Instant at = day.atTime(7 + session * 5 + random.nextInt(4), random.nextInt(60)).atZone(LimberTime.ZONE).toInstant();
                    sessions.add(new ProgrammeBulkLoad.PastSession(new UUID(random.nextLong(), random.nextLong()), template.exercises().get(i), day,
                            outcome, outcome == SessionLog.Outcome.DONE ? dose.sets() : 1, dose.reps() == 0 ? null : dose.reps(),
                            Math.max(0, Math.min(10, pain + random.nextInt(3) - 1)), difficulty, at));
                }
            }
        }
        return sessions;
    }

    /** Ratings: asked after the first week and again at the end; most people who are still logging answer. */
    private static List<ProgrammeBulkLoad.PastRating> ratings(Random random, ProgrammeTemplates.Template template, LocalDate start, LocalDate end,
                                                              LocalDate today, Pattern pattern, int lastLogged) {
        boolean week1 = lastLogged >= 7 && !start.plusDays(7).isAfter(today);
        boolean atEnd = end.isBefore(today) && lastLogged >= (int) ChronoUnit.DAYS.between(start, end) - 7;
        List<ProgrammeBulkLoad.PastRating> ratings = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            if (!(round == 0 ? week1 : atEnd) || random.nextInt(10) >= 8) {
                continue;
            }
            Instant at = (round == 0 ? start.plusDays(7) : end).atTime(19, random.nextInt(60)).atZone(LimberTime.ZONE).toInstant();
            for (String exercise : template.exercises()) {
                ratings.add(new ProgrammeBulkLoad.PastRating(new UUID(random.nextLong(), random.nextLong()), exercise, pattern.usefulness(random), at));
            }
            if (round == 1) {
                ratings.add(new ProgrammeBulkLoad.PastRating(new UUID(random.nextLong(), random.nextLong()), null, pattern.globalChange(random), at));
            }
        }
        return ratings;
    }

    /**
     * A client key as a phone makes one: random, so nobody can guess another person's (the demo's
     * data stay reproducible from its seed; its keys need not).
     */
    private static String randomKey() {
        return UUID.randomUUID().toString();
    }

    /** Exercises prescribed n days a week fall on the first n days from Monday. */
    private static boolean onTheDay(LocalDate day, int daysPerWeek) {
        return day.getDayOfWeek().getValue() <= daysPerWeek;
    }

    void load(Random random, String icb, String provider, LocalDate today) {
        List<PatientId> patients = this.patients.inIcb(icb).stream().map(PatientBulkLoad.Summary::id).toList();
        List<UUID> hubs = this.hubs.inIcbs(List.of(icb)).stream().map(Hub::id).toList();
        Actor clinician = new Actor("physio." + icb.toLowerCase(), "Jo Lewis", Role.CLINICIAN, provider, Set.of(icb), null);
        for (int p = 0; p < Math.min(HAND_MADE, patients.size()); p++) {
            UUID patient = patients.get(p).value();
            String template = TEMPLATES.get(p);
            LocalDate start = today.minusDays(20 + p);
            UUID hub = hubs.isEmpty() ? null : hubs.get(p % hubs.size());
            ProgrammeId programme = currentActor.runAs(clinician, () -> programmes.create(PatientId.of(patient), template, start, null, null, hub));
            Programme read = currentActor.runAs(clinician, () -> programmes.read(programme));
            Actor self = new Actor("patient:" + patient, "Patient", Role.PATIENT, null, Set.of(), patient);
            int keepsGoingUntil = p == 2 ? 14 : 100;
            for (LocalDate day = start; day.isBefore(today); day = day.plusDays(1)) {
                long n = ChronoUnit.DAYS.between(start, day);
                if (n > keepsGoingUntil || random.nextInt(10) < (p == 5 ? 6 : 2)) {
                    continue;
                }
                for (Programme.Item item : read.items()) {
                    int pain = Math.max(0, Math.min(10, (p == 3 ? 2 + (int) (n / 4) : 5 - (int) (n / 6)) + random.nextInt(2)));
                    SessionLog.Outcome outcome = random.nextInt(8) == 0 ? SessionLog.Outcome.PARTLY : SessionLog.Outcome.DONE;
                    LocalDate on = day;
                    currentActor.runAs(self, () -> programmes.log(ProgrammeId.of(programme.value()), randomKey(), item.exerciseId(), on,
                            outcome, item.dose().sets(), item.dose().reps() == 0 ? null : item.dose().reps(), pain,
                            n < 5 ? SessionLog.Difficulty.HARD : SessionLog.Difficulty.JUST_RIGHT, null));
                }
            }
            currentActor.runAs(self, () -> {
                for (Programme.Item item : read.items()) {
                    int answer = random.nextInt(100) < 93 ? 3 + random.nextInt(2) : 1 + random.nextInt(2);
                    programmes.rate(ProgrammeId.of(programme.value()), randomKey(), item.exerciseId(), answer);
                }
                programmes.rate(ProgrammeId.of(programme.value()), randomKey(), null, 4 + random.nextInt(4));
                return null;
            });
        }
    }
}

package health.limber.demo;

import health.limber.exercise.Exercise;
import health.limber.exercise.ExerciseLibrary;
import health.limber.exercise.Programme;
import health.limber.exercise.ProgrammeManagement;
import health.limber.exercise.ProgrammeTemplates;
import health.limber.exercise.SessionLog;
import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private final JdbcTemplate jdbc;
    private final ProgrammeManagement programmes;
    private final CurrentActor currentActor;

    private final ExerciseLibrary library;

    DemoExercise(JdbcTemplate jdbc, ProgrammeManagement programmes, CurrentActor currentActor, ExerciseLibrary library) {
        this.jdbc = jdbc;
        this.programmes = programmes;
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

    /**
     * Programmes for up to {@code perIcb} patients of the ICB (skipping the first {@code skip}, who have
     * hand-made ones), started over the last nine weeks at the ICB's hubs, with the sessions each
     * patient's pattern produces up to yesterday and the ratings they gave after the first week and at
     * the end. Written in batches straight into the exercise tables, as the module would have stored
     * them, so a demo of thousands of patients loads in seconds. Returns the number of programmes.
     */
    int cohort(Random random, String icb, int perIcb, int skip, LocalDate today) {
        List<UUID> patients = jdbc.queryForList("select id from patient where icb_code = ? and voided_at is null order by nhs_number", UUID.class, icb);
        List<UUID> hubs = jdbc.queryForList("select id from hub where icb_code = ? order by name", UUID.class, icb);
        List<ProgrammeTemplates.Template> templates = programmes.templates();
        String clinician = "physio." + icb.toLowerCase();
        List<Object[]> programmeRows = new ArrayList<>();
        List<Object[]> versionRows = new ArrayList<>();
        List<Object[]> itemRows = new ArrayList<>();
        List<Object[]> logRows = new ArrayList<>();
        List<Object[]> ratingRows = new ArrayList<>();
        ZoneId london = health.limber.platform.LimberTime.ZONE;
        int made = 0;
        for (int p = skip; p < patients.size() && made < perIcb; p++, made++) {
            UUID patient = patients.get(p);
            ProgrammeTemplates.Template template = templates.get(random.nextInt(templates.size()));
            LocalDate start = today.minusDays(3 + random.nextInt(60));
            LocalDate end = start.plusWeeks(template.weeks());
            UUID id = new UUID(random.nextLong(), random.nextLong());
            Timestamp created = Timestamp.from(start.atTime(9 + random.nextInt(8), random.nextInt(60)).atZone(london).toInstant());
            programmeRows.add(new Object[] {id, patient, icb, template.name(), template.id(), hubs.isEmpty() ? null : hubs.get(random.nextInt(hubs.size())),
                    Date.valueOf(start), Date.valueOf(end), clinician, created});
            versionRows.add(new Object[] {id, "Started from the template \"" + template.name() + "\"", clinician, created});
            List<Exercise.Dose> doses = new ArrayList<>();
            for (int i = 0; i < template.exercises().size(); i++) {
                Exercise.Dose dose = library.read(template.exercises().get(i), ExerciseLibrary.ENGLISH).dose();
                doses.add(dose);
                itemRows.add(new Object[] {id, i + 1, template.exercises().get(i), dose.sets(), dose.reps(), dose.holdSeconds(), dose.restSeconds(),
                        dose.timesPerDay(), dose.daysPerWeek()});
            }
            Pattern pattern = Pattern.draw(random);
            int stopsAfter = pattern == Pattern.DROPS_OFF ? 4 + random.nextInt(18) : Integer.MAX_VALUE;
            int painAtStart = pattern == Pattern.PAIN_RISING ? 2 + random.nextInt(3) : 3 + random.nextInt(4);
            String patientName = "patient:" + patient;
            LocalDate lastDay = end.isBefore(today) ? end : today.minusDays(1);
            int lastLogged = -1;
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
                        Timestamp at = Timestamp.from(day.atTime(7 + session * 5 + random.nextInt(4), random.nextInt(60)).atZone(london).toInstant());
                        logRows.add(new Object[] {new UUID(random.nextLong(), random.nextLong()), randomKey(), id,
                                template.exercises().get(i), Date.valueOf(day), outcome.name(), outcome == SessionLog.Outcome.DONE ? dose.sets() : 1,
                                dose.reps() == 0 ? null : dose.reps(), Math.max(0, Math.min(10, pain + random.nextInt(3) - 1)), difficulty.name(),
                                patientName, at});
                        lastLogged = n;
                    }
                }
            }
            // ratings: asked after the first week and again at the end; most people who are still logging answer
            boolean week1 = lastLogged >= 7 && !start.plusDays(7).isAfter(today);
            boolean atEnd = end.isBefore(today) && lastLogged >= (int) ChronoUnit.DAYS.between(start, end) - 7;
            for (int round = 0; round < 2; round++) {
                if (!(round == 0 ? week1 : atEnd) || random.nextInt(10) >= 8) {
                    continue;
                }
                Timestamp at = Timestamp.from((round == 0 ? start.plusDays(7) : end).atTime(19, random.nextInt(60)).atZone(london).toInstant());
                for (String exercise : template.exercises()) {
                    ratingRows.add(new Object[] {new UUID(random.nextLong(), random.nextLong()), randomKey(), id,
                            exercise, "DEMONSTRATION", pattern.usefulness(random), at});
                }
                if (round == 1) {
                    ratingRows.add(new Object[] {new UUID(random.nextLong(), random.nextLong()), randomKey(), id, null, "GLOBAL_CHANGE",
                            pattern.globalChange(random), at});
                }
            }
        }
        jdbc.batchUpdate("""
                insert into programme (id, patient_id, icb_code, title, template, hub_id, start_date, end_date, notes, version, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, null, 1, ?, ?)""", programmeRows);
        jdbc.batchUpdate("insert into programme_version (programme_id, version, what, changed_by, changed_at) values (?, 1, ?, ?, ?)", versionRows);
        jdbc.batchUpdate("""
                insert into programme_item (programme_id, version, position, exercise_id, sets, reps, hold_seconds, rest_seconds, times_per_day,
                    days_per_week, notes, progress_weeks, progress_pain)
                values (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, null, null, null)""", itemRows);
        jdbc.batchUpdate("""
                insert into session_log (id, client_key, programme_id, programme_version, exercise_id, log_date, outcome, sets_done, reps_done, pain,
                    difficulty, comment, status, replaces, recorded_by, recorded_at)
                values (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, null, 'CURRENT', null, ?, ?)""", logRows,
                new int[] {Types.OTHER, Types.VARCHAR, Types.OTHER, Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.INTEGER,
                        Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP});
        jdbc.batchUpdate("insert into usefulness_rating (id, client_key, programme_id, exercise_id, kind, answer, rated_at) values (?, ?, ?, ?, ?, ?, ?)",
                ratingRows);
        return made;
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
        List<UUID> patients = jdbc.queryForList("select id from patient where icb_code = ? and voided_at is null order by nhs_number", UUID.class, icb);
        List<UUID> hubs = jdbc.queryForList("select id from hub where icb_code = ? order by name", UUID.class, icb);
        Actor clinician = new Actor("physio." + icb.toLowerCase(), "Jo Lewis", Role.CLINICIAN, provider, Set.of(icb), null);
        for (int p = 0; p < Math.min(HAND_MADE, patients.size()); p++) {
            UUID patient = patients.get(p);
            String template = TEMPLATES.get(p);
            LocalDate start = today.minusDays(20 + p);
            UUID hub = hubs.isEmpty() ? null : hubs.get(p % hubs.size());
            UUID programme = currentActor.runAs(clinician, () -> programmes.create(patient, template, start, null, null, hub));
            Programme read = currentActor.runAs(clinician, () -> programmes.read(programme));
            Actor self = new Actor("patient:" + patient, "Patient", Role.PATIENT, null, Set.of(), patient);
            int keepsGoingUntil = p == 2 ? 14 : 100;
            for (LocalDate day = start; day.isBefore(today); day = day.plusDays(1)) {
                long n = java.time.temporal.ChronoUnit.DAYS.between(start, day);
                if (n > keepsGoingUntil || random.nextInt(10) < (p == 5 ? 6 : 2)) {
                    continue;
                }
                for (Programme.Item item : read.items()) {
                    int pain = Math.max(0, Math.min(10, (p == 3 ? 2 + (int) (n / 4) : 5 - (int) (n / 6)) + random.nextInt(2)));
                    SessionLog.Outcome outcome = random.nextInt(8) == 0 ? SessionLog.Outcome.PARTLY : SessionLog.Outcome.DONE;
                    LocalDate on = day;
                    currentActor.runAs(self, () -> programmes.log(programme, randomKey(), item.exerciseId(), on,
                            outcome, item.dose().sets(), item.dose().reps() == 0 ? null : item.dose().reps(), pain,
                            n < 5 ? SessionLog.Difficulty.HARD : SessionLog.Difficulty.JUST_RIGHT, null));
                }
            }
            currentActor.runAs(self, () -> {
                for (Programme.Item item : read.items()) {
                    int answer = random.nextInt(100) < 93 ? 3 + random.nextInt(2) : 1 + random.nextInt(2);
                    programmes.rate(programme, randomKey(), item.exerciseId(), answer);
                }
                programmes.rate(programme, randomKey(), null, 4 + random.nextInt(4));
                return null;
            });
        }
    }
}

package health.limber.exercise;

import health.limber.patient.PatientId;
import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Programmes with their past sessions and ratings, stored in bulk: for a service moving its records
 * from another system, and for the demo's thousands of patients. Each programme is stored as the
 * module stores one made from a template (version 1 with the template's exercises at their usual
 * dose); each session and rating with a fresh client key, as a phone would have sent it. The
 * caller is trusted: nothing here checks who may write, so only start-up and command-line code
 * (never a request) may call it.
 */
@Service
public class ProgrammeBulkLoad {

    private final JdbcTemplate jdbc;
    private final ExerciseLibrary library;

    ProgrammeBulkLoad(JdbcTemplate jdbc, ExerciseLibrary library) {
        this.jdbc = jdbc;
        this.library = library;
    }

    /** A programme started from a template in the past, with what the patient logged and rated. */
    public record PastProgramme(ProgrammeId id, PatientId patientId, String icbCode, ProgrammeTemplates.Template template, UUID hubId,
                                LocalDate start, String clinician, String organisationCode, Instant createdAt, List<PastSession> sessions,
                                List<PastRating> ratings, ProgrammeSource source) {
        /** The programme's last day: its template's length from the start. */
        public LocalDate end() {
            return start.plusWeeks(template.weeks());
        }
    }

    /** One logged session of one exercise. */
    public record PastSession(UUID id, String exerciseId, LocalDate day, SessionLog.Outcome outcome, int setsDone, Integer repsDone,
                              int pain, SessionLog.Difficulty difficulty, Instant recordedAt) {}

    /** A usefulness rating of one exercise's demonstration, or (no exercise) the patient's global change at the end. */
    public record PastRating(UUID id, String exerciseId, int answer, Instant ratedAt) {}

    /** How many programmes an ICB has. */
    @Transactional(readOnly = true)
    public int count(String icbCode) {
        Integer count = jdbc.queryForObject("select count(*) from programme where icb_code = ?", Integer.class, icbCode);
        return count == null ? 0 : count;
    }

    @Transactional
    public void store(List<PastProgramme> programmes) {
        List<Object[]> programmeRows = new ArrayList<>();
        List<Object[]> versionRows = new ArrayList<>();
        List<Object[]> itemRows = new ArrayList<>();
        List<Object[]> logRows = new ArrayList<>();
        List<Object[]> ratingRows = new ArrayList<>();
        for (PastProgramme p : programmes) {
            Timestamp created = Timestamp.from(p.createdAt());
            programmeRows.add(new Object[] {p.id().value(), p.patientId().value(), p.icbCode(), p.template().name(), p.template().id(), p.hubId(),
                    Date.valueOf(p.start()), Date.valueOf(p.end()), p.clinician(), p.organisationCode(), created,
                    p.source() == null ? null : p.source().name()});
            versionRows.add(new Object[] {p.id().value(), "Started from the template \"" + p.template().name() + "\"", p.clinician(), created});
            List<String> exercises = p.template().exercises();
            for (int i = 0; i < exercises.size(); i++) {
                Exercise.Dose dose = library.read(exercises.get(i), ExerciseLibrary.ENGLISH).dose();
                itemRows.add(new Object[] {p.id().value(), i + 1, exercises.get(i), dose.sets(), dose.reps(), dose.holdSeconds(), dose.restSeconds(),
                        dose.timesPerDay(), dose.daysPerWeek()});
            }
            String patient = "patient:" + p.patientId();
            for (PastSession s : p.sessions()) {
                logRows.add(new Object[] {s.id(), newKey(), p.id().value(), s.exerciseId(), Date.valueOf(s.day()), s.outcome().name(), s.setsDone(),
                        s.repsDone(), s.pain(), s.difficulty().name(), patient, Timestamp.from(s.recordedAt())});
            }
            for (PastRating r : p.ratings()) {
                ratingRows.add(new Object[] {r.id(), newKey(), p.id().value(), r.exerciseId(), r.exerciseId() == null ? "GLOBAL_CHANGE" : "DEMONSTRATION",
                        r.answer(), Timestamp.from(r.ratedAt())});
            }
        }
        jdbc.batchUpdate("""
                insert into programme (id, patient_id, icb_code, title, template, hub_id, start_date, end_date, notes, version, created_by,
                    organisation_code, created_at, source)
                values (?, ?, ?, ?, ?, ?, ?, ?, null, 1, ?, ?, ?, ?)""", programmeRows);
        jdbc.batchUpdate("insert into programme_version (programme_id, version, what, changed_by, changed_at) values (?, 1, ?, ?, ?)", versionRows);
        jdbc.batchUpdate("""
                insert into programme_item (programme_id, version, position, exercise_id, sets, reps, hold_seconds, rest_seconds, times_per_day,
                    days_per_week, notes, progress_weeks, progress_pain)
                values (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, null, null, null)""", itemRows);
        jdbc.batchUpdate("""
                insert into session_log (id, client_key, programme_id, programme_version, exercise_id, log_date, outcome, sets_done, reps_done, pain,
                    difficulty, comment, status, replaces, recorded_by, recorded_at)
                values (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, null, 'CURRENT', null, ?, ?)""", logRows,
                new int[] {Types.OTHER, Types.VARCHAR, Types.OTHER, Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.INTEGER, Types.INTEGER,
                        Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP});
        jdbc.batchUpdate("insert into usefulness_rating (id, client_key, programme_id, exercise_id, kind, answer, rated_at) values (?, ?, ?, ?, ?, ?, ?)",
                ratingRows);
    }

    /** A client key as a phone makes one: random, so nobody can guess another person's. */
    private static String newKey() {
        return UUID.randomUUID().toString();
    }
}

package health.limber.exercise;

import health.limber.exercise.SessionLog.Difficulty;
import health.limber.exercise.SessionLog.Outcome;
import health.limber.exercise.SessionLog.Status;
import health.limber.exercise.internal.NewSessionLog;
import health.limber.platform.InvalidInputException;
import health.limber.platform.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where session logs are kept. A log's key is the patient's, per programme: the same key again finds
 * the first log and stores nothing. Writes to one programme's logs go one at a time (a row lock on the
 * programme, on any number of app instances), so a retry arriving with the first request finds its
 * key stored. Logs are never deleted: corrections and withdrawals mark the old row.
 */
@Repository
class SessionLogs {

    /** What a log needs of its programme, read and locked in one statement. */
    record Target(UUID programmeId, UUID patientId, String icbCode, LocalDate startDate, LocalDate endDate, int version) {}

    private final JdbcClient jdbc;

    SessionLogs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Target lock(UUID programmeId) {
        return jdbc.sql("select patient_id, icb_code, start_date, end_date, version from programme where id = :id for update")
                .param("id", programmeId)
                .query((rs, n) -> new Target(programmeId, rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getInt(5)))
                .optional().orElseThrow(() -> new NotFoundException("programme " + programmeId));
    }

    Optional<SessionLog> byKey(UUID programmeId, String key) {
        return jdbc.sql(SELECT + " where programme_id = :p and client_key = :k").param("p", programmeId).param("k", key)
                .query((rs, n) -> log(rs)).optional();
    }

    Optional<SessionLog> find(UUID id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query((rs, n) -> log(rs)).optional();
    }

    /**
     * Stores a checked log in one statement, only when its exercise is in the programme's current
     * version and its key is new (the caller holds the programme's lock); returns the stored log.
     */
    SessionLog insert(Target programme, NewSessionLog entry, UUID replaces, String by, Instant at) {
        SessionLog log = new SessionLog(UUID.randomUUID(), entry.clientKey(), ProgrammeId.of(programme.programmeId()), programme.version(), entry.exerciseId(),
                entry.day(), entry.doneAt() == null ? null : entry.doneAt().truncatedTo(ChronoUnit.SECONDS), entry.outcome(), entry.setsDone(),
                entry.repsDone(), entry.pain(), entry.difficulty(), entry.comment(), Status.CURRENT, replaces, by, at.truncatedTo(ChronoUnit.MICROS));
        int inserted = jdbc.sql("""
                insert into session_log (id, client_key, programme_id, programme_version, exercise_id, log_date, done_at, outcome, sets_done, reps_done,
                    pain, difficulty, comment, status, replaces, recorded_by, recorded_at)
                select cast(:id as uuid), cast(:key as varchar(100)), i.programme_id, i.version, i.exercise_id, cast(:day as date),
                       cast(:doneAt as timestamp with time zone),
                       cast(:outcome as varchar(10)), cast(:sets as int), cast(:reps as int), cast(:pain as int), cast(:difficulty as varchar(12)),
                       cast(:comment as varchar(500)), 'CURRENT', cast(:replaces as uuid), cast(:by as varchar(100)),
                       cast(:at as timestamp with time zone)
                from programme_item i
                where i.programme_id = :p and i.version = :v and i.exercise_id = :e
                  and not exists (select 1 from session_log s where s.programme_id = :p and s.client_key = :key)""")
                .param("id", log.id()).param("key", log.clientKey()).param("p", log.programmeId().value()).param("v", log.programmeVersion())
                .param("e", log.exerciseId()).param("day", log.day())
                .param("doneAt", log.doneAt() == null ? null : Timestamp.from(log.doneAt())).param("outcome", log.outcome().name())
                .param("sets", log.setsDone()).param("reps", log.repsDone()).param("pain", log.pain())
                .param("difficulty", log.difficulty() == null ? null : log.difficulty().name())
                .param("comment", log.comment()).param("replaces", replaces).param("by", by)
                .param("at", Timestamp.from(log.recordedAt())).update();
        if (inserted == 1) {
            return log;
        }
        return byKey(programme.programmeId(), entry.clientKey())
                .orElseThrow(() -> new InvalidInputException("exercise", "That exercise is not in the programme"));
    }

    void markCorrected(UUID id) {
        jdbc.sql("update session_log set status = 'CORRECTED' where id = :id and status = 'CURRENT'").param("id", id).update();
    }

    void withdraw(UUID id, String by, Instant at) {
        jdbc.sql("update session_log set status = 'WITHDRAWN', recorded_by = :by, recorded_at = :at where id = :id and status = 'CURRENT'")
                .param("by", by).param("at", Timestamp.from(at)).param("id", id).update();
    }

    /** All logs of a programme, newest first, any status. */
    List<SessionLog> of(UUID programmeId) {
        return jdbc.sql(SELECT + " where programme_id = :p order by log_date desc, recorded_at desc").param("p", programmeId)
                .query((rs, n) -> log(rs)).list();
    }

    /** The first day the patient logged (a current log), if any. */
    Optional<LocalDate> firstDay(UUID programmeId) {
        return jdbc.sql("select min(log_date) from session_log where programme_id = :p and status = 'CURRENT'").param("p", programmeId)
                .query(LocalDate.class).optional();
    }

    private static final String SELECT = """
            select id, client_key, programme_id, programme_version, exercise_id, log_date, outcome, sets_done, reps_done, pain, difficulty, comment,
                   status, replaces, recorded_by, recorded_at, done_at from session_log""";

    private static SessionLog log(ResultSet rs) throws SQLException {
        Timestamp doneAt = rs.getTimestamp("done_at");
        String difficulty = rs.getString("difficulty");
        return new SessionLog(rs.getObject("id", UUID.class), rs.getString("client_key"), ProgrammeId.of(rs.getObject("programme_id", UUID.class)),
                rs.getInt("programme_version"), rs.getString("exercise_id"), rs.getObject("log_date", LocalDate.class),
                doneAt == null ? null : doneAt.toInstant(), Outcome.valueOf(rs.getString("outcome")), (Integer) rs.getObject("sets_done"),
                (Integer) rs.getObject("reps_done"), (Integer) rs.getObject("pain"), difficulty == null ? null : Difficulty.valueOf(difficulty),
                rs.getString("comment"), Status.valueOf(rs.getString("status")), rs.getObject("replaces", UUID.class), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }
}

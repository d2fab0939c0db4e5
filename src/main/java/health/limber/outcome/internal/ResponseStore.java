package health.limber.outcome.internal;

import health.limber.outcome.Answers;
import health.limber.outcome.OutcomeResponse;
import health.limber.outcome.Score;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outcome_response and outcome_score tables. */
@Repository
public class ResponseStore {

    private static final String COLUMNS = """
            id, patient_id, icb_code, due_id, instrument, instrument_version, answers_json, status, source, entered_by, started_at,
            completed_at, completed_on, group_label, version""";

    private final JdbcClient jdbc;

    ResponseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OutcomeResponse> find(UUID id) {
        return withScores(jdbc.sql("select " + COLUMNS + " from outcome_response where id = :id").param("id", id).query(this::row).list())
                .stream().findFirst();
    }

    public Optional<OutcomeResponse> byClientKey(UUID patientId, String key) {
        return withScores(jdbc.sql("select " + COLUMNS + " from outcome_response where patient_id = :p and client_key = :k")
                .param("p", patientId).param("k", key).query(this::row).list()).stream().findFirst();
    }

    public Optional<OutcomeResponse> inProgressFor(UUID dueId) {
        return jdbc.sql("select " + COLUMNS + " from outcome_response where due_id = :d and status = 'IN_PROGRESS' order by started_at desc")
                .param("d", dueId).query(this::row).list().stream().findFirst();
    }

    /** A person's completed responses, oldest first, with their scores. */
    public List<OutcomeResponse> completed(UUID patientId) {
        return withScores(jdbc.sql("select " + COLUMNS + " from outcome_response where patient_id = :p and status = 'COMPLETED' order by completed_at")
                .param("p", patientId).query(this::row).list());
    }

    public void insert(OutcomeResponse r, String json, String clientKey) {
        jdbc.sql("insert into outcome_response (" + COLUMNS + ", client_key) values (:id, :p, :icb, :due, :i, :iv, :json, :status, :source, :by, "
                        + ":started, :completedAt, :completedOn, :grp, 0, :key)")
                .param("id", r.id()).param("p", r.patientId()).param("icb", r.icbCode()).param("due", r.dueId()).param("i", r.instrument())
                .param("iv", r.instrumentVersion()).param("json", json).param("status", r.status().name()).param("source", r.source().name())
                .param("by", r.enteredBy()).param("started", Timestamp.from(r.startedAt()))
                .param("completedAt", r.completedAt() == null ? null : Timestamp.from(r.completedAt())).param("completedOn", r.completedOn())
                .param("grp", r.group()).param("key", clientKey).update();
        insertScores(r.id(), r.scores());
    }

    /** Saves answers on the version read; false when someone saved in between. */
    public boolean update(UUID id, long version, String json, OutcomeResponse.Status status, Instant completedAt, LocalDate completedOn,
                          String group, List<Score> scores) {
        int changed = jdbc.sql("""
                update outcome_response set answers_json = :json, status = :status, completed_at = :at, completed_on = :on, group_label = :grp,
                version = version + 1 where id = :id and version = :v and status = 'IN_PROGRESS'""")
                .param("json", json).param("status", status.name()).param("at", completedAt == null ? null : Timestamp.from(completedAt))
                .param("on", completedOn).param("grp", group).param("id", id).param("v", version).update();
        if (changed == 1) {
            insertScores(id, scores);
        }
        return changed == 1;
    }

    private void insertScores(UUID id, List<Score> scores) {
        for (Score s : scores) {
            jdbc.sql("insert into outcome_score (response_id, score_id, score_value, band) values (:r, :s, :v, :b)")
                    .param("r", id).param("s", s.id()).param("v", s.value() == null ? null : BigDecimal.valueOf(s.value())).param("b", s.band())
                    .update();
        }
    }

    private List<OutcomeResponse> withScores(List<OutcomeResponse> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<UUID, List<Score>> scores = scores(rows.stream().map(OutcomeResponse::id).toList());
        List<OutcomeResponse> result = new ArrayList<>();
        for (OutcomeResponse r : rows) {
            result.add(new OutcomeResponse(r.id(), r.patientId(), r.icbCode(), r.dueId(), r.instrument(), r.instrumentVersion(), r.answers(), r.status(),
                    r.source(), r.enteredBy(), r.startedAt(), r.completedAt(), r.completedOn(), scores.getOrDefault(r.id(), List.of()), r.group(),
                    r.version()));
        }
        return result;
    }

    private Map<UUID, List<Score>> scores(Collection<UUID> ids) {
        Map<UUID, List<Score>> scores = new HashMap<>();
        jdbc.sql("select response_id, score_id, score_value, band from outcome_score where response_id in (:ids) order by score_id")
                .param("ids", ids).query((rs, n) -> {
                    BigDecimal value = rs.getBigDecimal(3);
                    scores.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Score(rs.getString(2), rs.getString(2), value == null ? null : value.doubleValue(), rs.getString(4)));
                    return null;
                }).list();
        return scores;
    }

    private OutcomeResponse row(ResultSet rs, int n) throws SQLException {
        Timestamp completed = rs.getTimestamp(12);
        Answers answers = ResponseJson.read(rs.getString(7)).answers();
        return new OutcomeResponse(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, UUID.class),
                rs.getString(5), rs.getString(6), answers, OutcomeResponse.Status.valueOf(rs.getString(8)),
                OutcomeResponse.Source.valueOf(rs.getString(9)), rs.getString(10), rs.getTimestamp(11).toInstant(),
                completed == null ? null : completed.toInstant(), rs.getObject(13, LocalDate.class), List.of(), rs.getString(14), rs.getLong(15));
    }
}

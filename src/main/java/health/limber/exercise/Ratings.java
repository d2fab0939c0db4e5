package health.limber.exercise;

import health.limber.platform.IdempotencyKeyReusedException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Patients' ratings: how useful a demonstration was (1 not at all .. 4 very useful) or, with no
 * exercise, how the programme is working (1 much worse .. 7 much better). Keyed by the patient's own
 * key per programme: the same key and answer again stores nothing; the same key for another answer is refused.
 */
@Repository
class Ratings {

    private final JdbcClient jdbc;

    Ratings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void rate(UUID programmeId, String clientKey, String exerciseId, int answer, Instant at) {
        boolean demonstration = exerciseId != null;
        Optional<String> earlier = jdbc.sql("select coalesce(exercise_id, '') || ':' || answer from usefulness_rating where programme_id = :p and client_key = :k")
                .param("p", programmeId).param("k", clientKey).query(String.class).optional();
        if (earlier.isPresent()) {
            if (!earlier.get().equals((demonstration ? exerciseId : "") + ":" + answer)) {
                throw new IdempotencyKeyReusedException();
            }
            return;
        }
        jdbc.sql("insert into usefulness_rating (id, client_key, programme_id, exercise_id, kind, answer, rated_at) values (:id, :k, :p, :e, :kind, :a, :at)")
                .param("id", UUID.randomUUID()).param("k", clientKey).param("p", programmeId).param("e", exerciseId)
                .param("kind", demonstration ? "DEMONSTRATION" : "GLOBAL_CHANGE").param("a", answer).param("at", Timestamp.from(at)).update();
    }
}

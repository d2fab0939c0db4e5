package health.limber.exercise;

import health.limber.platform.IdempotencyKeyReusedException;
import health.limber.outcome.Answers;
import health.limber.outcome.OutcomeResponse;
import health.limber.outcome.OutcomeResponses;
import health.limber.patient.PatientId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Patients' ratings: how useful a demonstration was (1 not at all .. 4 very useful) or, with no
 * exercise, how the programme is working (1 much worse .. 7 much better, which is also an answer to
 * the outcome module's global rating of change). Keyed by the patient's own
 * key per programme: the same key and answer again stores nothing; the same key for another answer is refused.
 */
@Repository
class Ratings {

    private final JdbcClient jdbc;

    /** The 7 answers of "how is the programme working", 1 much worse .. 7 much better, as the global rating of change's options. */
    static final List<String> GLOBAL_CHANGE = List.of("much-worse", "worse", "little-worse", "same", "little-better", "better", "much-better");

    private final OutcomeResponses outcomes;

    Ratings(JdbcClient jdbc, OutcomeResponses outcomes) {
        this.jdbc = jdbc;
        this.outcomes = outcomes;
    }

    /** Stores a rating; "how is the programme working" is also the person's answer to the global rating of change. */
    void rate(UUID programmeId, UUID patientId, String clientKey, String exerciseId, int answer, Instant at) {
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
        if (!demonstration) {
            outcomes.record(PatientId.of(patientId), "groc", Answers.of("change", GLOBAL_CHANGE.get(answer - 1)), null,
                    "exercise-rating:" + programmeId + ":" + clientKey, OutcomeResponse.Source.EXERCISE_APP);
        }
    }
}

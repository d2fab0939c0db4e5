package health.limber.outcome;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A person's answers to one questionnaire: IN_PROGRESS while they answer (saved as they go), then
 * COMPLETED with its scores. {@code source} says who entered it: the person in the app, staff from a
 * paper form on the person's behalf, an integrating system, or the exercise app's rating.
 */
public record OutcomeResponse(UUID id, UUID patientId, String icbCode, UUID dueId, String instrument, String instrumentVersion, Answers answers,
                              Status status, Source source, String enteredBy, Instant startedAt, Instant completedAt, LocalDate completedOn,
                              List<Score> scores, String group, long version) {

    public enum Status { IN_PROGRESS, COMPLETED }

    public enum Source {
        PATIENT_APP("In the app"),
        PAPER("Paper form, entered by staff"),
        API("From another system"),
        EXERCISE_APP("Exercise app rating");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean completed() {
        return status == Status.COMPLETED;
    }

    public java.util.Optional<Score> score(String id) {
        return scores.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}

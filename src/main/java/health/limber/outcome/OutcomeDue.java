package health.limber.outcome;

import java.time.LocalDate;
import java.util.UUID;

/** One instrument due at one time point of an episode, and what became of it. */
public record OutcomeDue(UUID id, UUID episodeId, UUID patientId, String icbCode, String kindOfCare, TimePoint timePoint, String instrument,
                         LocalDate dueOn, Status status, UUID responseId, LocalDate closedOn) {

    public enum Status {
        DUE("Due"),
        RETURNED("Returned"),
        NOT_RETURNED("Not returned"),
        CANCELLED("Not needed (discharged first)");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}

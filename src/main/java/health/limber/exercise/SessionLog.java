package health.limber.exercise;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a patient did of one exercise on a day ({@code doneAt}: the moment, when the phone said it;
 * a session saved offline keeps its own day and time whenever it reaches the server). CURRENT logs
 * count; a correction makes a new CURRENT log and marks the one it replaces CORRECTED; a withdrawal
 * marks it WITHDRAWN. Nothing is deleted.
 */
public record SessionLog(UUID id, String clientKey, ProgrammeId programmeId, int programmeVersion, String exerciseId, LocalDate day, Instant doneAt,
                         Outcome outcome, Integer setsDone, Integer repsDone, Integer pain, Difficulty difficulty, String comment, Status status,
                         UUID replaces, String recordedBy, Instant recordedAt) {

    /** Whether a log counts: only the latest version of what the patient said. */
    public enum Status { CURRENT, CORRECTED, WITHDRAWN }

    public boolean isCurrent() {
        return status == Status.CURRENT;
    }

    public enum Outcome {
        DONE("Done"), PARTLY("Partly done"), NOT_DONE("Not done");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** A session done counts 1, partly done counts a half, towards adherence. */
        public double credit() {
            return this == DONE ? 1 : this == PARTLY ? 0.5 : 0;
        }
    }

    public enum Difficulty {
        EASY("Easy"), JUST_RIGHT("Just right"), HARD("Hard");

        private final String label;

        Difficulty(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}

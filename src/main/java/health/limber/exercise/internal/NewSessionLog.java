package health.limber.exercise.internal;

import health.limber.exercise.SessionLog.Difficulty;
import health.limber.exercise.SessionLog.Outcome;
import health.limber.exercise.SessionLog;
import health.limber.platform.InvalidInputException;
import health.limber.platform.LimberTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What a patient says they did, as sent (a form, the offline queue or the API), with the client's
 * key. {@link #check} applies the rules once, naming the field of the first one broken.
 */
public record NewSessionLog(String clientKey, String exerciseId, LocalDate day, Instant doneAt, Outcome outcome, Integer setsDone,
                            Integer repsDone, Integer pain, Difficulty difficulty, String comment) {

    /** A phone's clock may run a little ahead of the server's; a time within this is not "in the future". */
    static final Duration PHONE_CLOCK_DRIFT = Duration.ofMinutes(5);

    public NewSessionLog {
        comment = comment == null || comment.isBlank() ? null : comment.strip();
    }

    /** The key on its own: checked before the programme is even read. */
    public void checkKey() {
        if (clientKey == null || clientKey.isBlank() || clientKey.length() > 100) {
            throw new InvalidInputException("clientKey", "Send a key for this log (up to 100 characters), the same on every retry");
        }
    }

    /**
     * The rules of a log in a programme running from {@code start} to {@code end}: the day within the
     * programme and not in the future, the moment on (or next to) that day, an outcome, pain 0–10,
     * plausible sets and repetitions, a comment of at most 500 characters.
     */
    public void check(LocalDate start, LocalDate end, LocalDate today, Instant now) {
        if (exerciseId == null || exerciseId.isBlank()) {
            throw new InvalidInputException("exercise", "Say which exercise this log is for");
        }
        LocalDate last = end.isBefore(today) ? end : today;
        if (day == null || day.isAfter(last) || day.isBefore(start)) {
            throw new InvalidInputException("day", "The day you did it must be from the programme's start (" + LimberTime.DAY.format(start)
                    + ") to " + (last.equals(today) ? "today" : "its end (" + LimberTime.DAY.format(last) + ")") + ", and not in the future");
        }
        if (doneAt != null && (doneAt.isAfter(now.plus(PHONE_CLOCK_DRIFT))
                               || Math.abs(ChronoUnit.DAYS.between(day, doneAt.atZone(LimberTime.ZONE).toLocalDate())) > 1)) {
            throw new InvalidInputException("doneAt", "The time you did it must be on the day you did it, and not in the future");
        }
        if (outcome == null) {
            throw new InvalidInputException("outcome", "Say whether you did the exercise");
        }
        if (pain != null && (pain < 0 || pain > 10)) {
            throw new InvalidInputException("pain", "Pain is a number from 0 (none) to 10 (worst imaginable)");
        }
        if ((setsDone != null && (setsDone < 0 || setsDone > 50)) || (repsDone != null && (repsDone < 0 || repsDone > 500))) {
            throw new InvalidInputException("repsDone", "Enter the sets and repetitions you did");
        }
        if (comment != null && comment.length() > 500) {
            throw new InvalidInputException("comment", "Your comment must be 500 characters or fewer");
        }
    }

    /** Whether a log already stored under this key says the same (a retry), rather than something else (a reused key). */
    public boolean sameAs(SessionLog earlier) {
        return earlier.exerciseId().equals(exerciseId) && earlier.day().equals(day) && earlier.outcome() == outcome
               && Objects.equals(earlier.setsDone(), setsDone) && Objects.equals(earlier.repsDone(), repsDone)
               && Objects.equals(earlier.pain(), pain) && earlier.difficulty() == difficulty && Objects.equals(earlier.comment(), comment);
    }

    /** The same answer as a correction of an earlier log: its exercise, day and moment are kept. */
    public NewSessionLog correcting(SessionLog earlier) {
        return new NewSessionLog(clientKey, earlier.exerciseId(), earlier.day(), earlier.doneAt(), outcome, setsDone, repsDone, pain, difficulty,
                comment);
    }
}

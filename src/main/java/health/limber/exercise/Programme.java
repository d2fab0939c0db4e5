package health.limber.exercise;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A patient's home exercise programme at its current version, with the history of its versions. */
public record Programme(UUID id, UUID patientId, String icbCode, String title, String template, LocalDate startDate, LocalDate endDate,
                        String notes, int version, List<Item> items, List<Change> history) {

    /** Fewer exercises are done more faithfully (DOMAIN.md §6: 2 to 5 is typical). */
    public static final int ADVISED_MAXIMUM = 6;

    /**
     * One exercise of the programme with its dose and its progression rule: after {@code progressWeeks}
     * weeks with pain at most {@code progressPain} and the exercise found easy, suggest the harder version.
     */
    public record Item(int position, String exerciseId, String name, Exercise.Dose dose, String notes, int progressWeeks, int progressPain) {
        public Item(int position, String exerciseId, String name, Exercise.Dose dose, String notes) {
            this(position, exerciseId, name, dose, notes, 2, 3);
        }
    }

    /** A suggestion to move an exercise on to its harder version, with why; a clinician accepts or rejects it. */
    public record Suggestion(String fromExercise, String fromName, String toExercise, String toName, String reason) {}

    /** One version: what changed, who, when. */
    public record Change(int version, String what, String by, Instant at) {}

    public boolean tooMany() {
        return items.size() > ADVISED_MAXIMUM;
    }

    public boolean isRunningOn(LocalDate day) {
        return !day.isBefore(startDate) && !day.isAfter(endDate);
    }
}

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

    /** One exercise of the programme with its dose. */
    public record Item(int position, String exerciseId, String name, Exercise.Dose dose, String notes) {}

    /** One version: what changed, who, when. */
    public record Change(int version, String what, String by, Instant at) {}

    public boolean tooMany() {
        return items.size() > ADVISED_MAXIMUM;
    }

    public boolean isRunningOn(LocalDate day) {
        return !day.isBefore(startDate) && !day.isAfter(endDate);
    }
}

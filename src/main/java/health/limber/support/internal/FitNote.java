package health.limber.support.internal;

import health.limber.platform.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Fit-note advice a physiotherapist gives on an episode (DOMAIN.md §10): not fit for work, or may
 * be fit with any of a phased return, altered hours, amended duties and workplace adaptations; for
 * a condition, from a start date to an end date. Ended early when a new note takes over.
 */
public record FitNote(UUID id, UUID episodeId, UUID patientId, String icbCode, Fitness fitness, boolean phasedReturn, boolean alteredHours,
                      boolean amendedDuties, boolean workplaceAdaptations, String comments, String condition, LocalDate startsOn,
                      LocalDate endsOn, String issuedBy, String issuedByName, Instant issuedAt, LocalDate endedEarlyOn) {

    public enum Fitness {
        NOT_FIT("Not fit for work"), MAY_BE_FIT("May be fit for work");

        private final String label;

        Fitness(String label) { this.label = label; }

        public String label() { return label; }
    }

    /** What a clinician fills in. */
    public record Advice(Fitness fitness, boolean phasedReturn, boolean alteredHours, boolean amendedDuties, boolean workplaceAdaptations,
                         String comments, String condition, LocalDate startsOn, LocalDate endsOn) {}

    /** The longest a note may cover: 3 months, as for fit notes in the first 6 months of sickness. */
    static final int MAX_MONTHS = 3;

    /** Checks the advice; the overlap with the person's other notes is checked against them by {@link FitNoteManagement}. */
    public static void check(Advice a, LocalDate today) {
        if (a.fitness() == null) {
            throw new InvalidInputException("fitness", "Choose 'not fit for work' or 'may be fit for work'");
        }
        boolean anyAdjustment = a.phasedReturn() || a.alteredHours() || a.amendedDuties() || a.workplaceAdaptations();
        if (a.fitness() == Fitness.NOT_FIT && anyAdjustment) {
            throw new InvalidInputException("fitness", "Adjustments go with 'may be fit for work', not with 'not fit for work'");
        }
        if (a.fitness() == Fitness.MAY_BE_FIT && !anyAdjustment && (a.comments() == null || a.comments().isBlank())) {
            throw new InvalidInputException("comments", "Choose at least one adjustment, or say in the comments what would help");
        }
        if (a.condition() == null || a.condition().isBlank()) {
            throw new InvalidInputException("condition", "Enter the condition the advice is about");
        }
        if (a.condition().length() > 300) {
            throw new InvalidInputException("condition", "The condition must be 300 characters or fewer");
        }
        if (a.comments() != null && a.comments().length() > 1000) {
            throw new InvalidInputException("comments", "Comments must be 1,000 characters or fewer");
        }
        if (a.startsOn() == null) {
            throw new InvalidInputException("startsOn", "Enter the date the advice starts");
        }
        if (a.startsOn().isBefore(today.minusMonths(1))) {
            throw new InvalidInputException("startsOn", "A fit note can be backdated by a month at most");
        }
        if (a.endsOn() == null) {
            throw new InvalidInputException("endsOn", "Enter the date the advice ends");
        }
        if (a.endsOn().isBefore(a.startsOn())) {
            throw new InvalidInputException("endsOn", "The end date must be on or after the start date");
        }
        if (a.endsOn().isAfter(a.startsOn().plusMonths(MAX_MONTHS))) {
            throw new InvalidInputException("endsOn", "A fit note can cover " + MAX_MONTHS + " months at most");
        }
    }

    /** The last day the advice applies: its end, or the day before a later note took over. */
    public LocalDate lastDay() {
        return endedEarlyOn != null ? endedEarlyOn : endsOn;
    }

    public boolean overlaps(LocalDate from, LocalDate to) {
        return !startsOn.isAfter(to) && !lastDay().isBefore(from);
    }

    /** The advice in words: "May be fit for work: phased return, altered hours". */
    public String summary() {
        List<String> adjustments = new ArrayList<>();
        if (phasedReturn) {
            adjustments.add("phased return");
        }
        if (alteredHours) {
            adjustments.add("altered hours");
        }
        if (amendedDuties) {
            adjustments.add("amended duties");
        }
        if (workplaceAdaptations) {
            adjustments.add("workplace adaptations");
        }
        return fitness.label() + (adjustments.isEmpty() ? "" : ": " + String.join(", ", adjustments));
    }
}

package health.limber.exercise;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonProperty;
import health.limber.exercise.SessionLog.Difficulty;
import health.limber.exercise.SessionLog.Outcome;
import health.limber.patient.PatientId;
import health.limber.platform.ConflictException;
import health.limber.platform.InvalidInputException;
import health.limber.platform.LimberTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * A patient's home exercise programme: its exercises with their doses and rules for moving on, its
 * dates, and the history of its versions. Every change is a method here that checks its own rules
 * and makes a new version with what changed in words; nothing changes silently, and a change made
 * from an older version than the current one is refused ({@link #requireVersion}).
 */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        fieldVisibility = JsonAutoDetect.Visibility.NONE)
public final class Programme {

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

        Item at(int newPosition) {
            return new Item(newPosition, exerciseId, name, dose, notes, progressWeeks, progressPain);
        }
    }

    /** A suggestion to move an exercise on to its harder version, with why; a clinician accepts or rejects it. */
    public record Suggestion(String fromExercise, String fromName, String toExercise, String toName, String reason) {}

    /** One version: what changed, who, when. */
    public record Change(int version, String what, String by, Instant at) {}

    private final UUID id;
    private final UUID patientId;
    private final String icbCode;
    private final String title;
    private final String template;
    private LocalDate startDate;
    private LocalDate endDate;
    private final String notes;
    private int version;
    private List<Item> items;
    private final List<Change> history;
    /** What the unsaved new version changed, if any. */
    private String pendingChange;
    private boolean datesChanged;

    public Programme(UUID id, UUID patientId, String icbCode, String title, String template, LocalDate startDate, LocalDate endDate, String notes,
              int version, List<Item> items, List<Change> history) {
        this.id = id;
        this.patientId = patientId;
        this.icbCode = icbCode;
        this.title = title;
        this.template = template;
        this.startDate = startDate;
        this.endDate = endDate;
        this.notes = notes;
        this.version = version;
        this.items = List.copyOf(items);
        this.history = new ArrayList<>(history);
    }

    /** A new programme (version 1), from a template's exercises or none. */
    static Programme start(UUID patientId, String icbCode, String title, String template, LocalDate start, LocalDate end, String notes,
                           List<Exercise> exercises) {
        if (end.isBefore(start)) {
            throw new InvalidInputException("endDate", "The end date must be on or after the start date");
        }
        if (notes != null && notes.length() > 2000) {
            throw new InvalidInputException("notes", "Notes must be 2,000 characters or fewer");
        }
        List<Item> items = new ArrayList<>();
        exercises.forEach(e -> items.add(new Item(items.size() + 1, e.id(), e.name(), e.dose(), null)));
        Programme programme = new Programme(UUID.randomUUID(), patientId, icbCode, title, template, start, end,
                notes == null || notes.isBlank() ? null : notes.strip(), 0, List.of(), List.of());
        programme.change(template == null ? "Started" : "Started from the template \"" + title + "\"", items);
        return programme;
    }

    /**
     * Refuses a change made from an older version than the current one: someone else changed the
     * programme meanwhile, and what they did is named.
     */
    void requireVersion(int sent) {
        if (sent != version) {
            Change last = history.isEmpty() ? null : history.get(0);
            throw new ConflictException("version", "Someone else changed this programme since you opened it"
                    + (last == null ? "" : " (\"" + last.what() + "\" by " + last.by() + ")") + "; nothing you sent was saved",
                    Map.of("version", version));
        }
    }

    void addExercise(Exercise exercise) {
        if (items.stream().anyMatch(i -> i.exerciseId().equals(exercise.id()))) {
            throw new InvalidInputException("exercise", exercise.name() + " is already in the programme");
        }
        List<Item> changed = new ArrayList<>(items);
        changed.add(new Item(changed.size() + 1, exercise.id(), exercise.name(), exercise.dose(), null));
        change("Added " + exercise.name(), changed);
    }

    void removeExercise(String exerciseId) {
        Item item = item(exerciseId);
        List<Item> changed = new ArrayList<>(items);
        changed.remove(item);
        change("Removed " + item.name(), renumbered(changed));
    }

    /** Moves an exercise one place up (earlier) or down; at either end nothing changes. */
    void moveExercise(String exerciseId, boolean up) {
        List<Item> changed = new ArrayList<>(items);
        int at = changed.indexOf(item(exerciseId));
        int to = up ? at - 1 : at + 1;
        if (to < 0 || to >= changed.size()) {
            return;
        }
        changed.add(to, changed.remove(at));
        change("Moved " + changed.get(to).name() + (up ? " up" : " down"), renumbered(changed));
    }

    /**
     * Sets one exercise's dose and, when given, its progression rule: after {@code progressWeeks}
     * weeks with pain at or under {@code progressPain}, and found easy, suggest the harder version.
     */
    void changeDose(String exerciseId, Exercise.Dose dose, String note, Integer progressWeeks, Integer progressPain) {
        Item item = item(exerciseId);
        dose.check();
        if (note != null && note.length() > 500) {
            throw new InvalidInputException("notes", "The note must be 500 characters or fewer");
        }
        int weeks = progressWeeks == null ? item.progressWeeks() : progressWeeks;
        int pain = progressPain == null ? item.progressPain() : progressPain;
        if (weeks < 1 || weeks > 12) {
            throw new InvalidInputException("progressWeeks", "Weeks before suggesting the harder version must be between 1 and 12");
        }
        if (pain < 0 || pain > 10) {
            throw new InvalidInputException("progressPain", "The pain limit for moving on is a number from 0 to 10");
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        List<String> what = new ArrayList<>();
        if (!dose.equals(item.dose()) || !Objects.equals(cleanNote, item.notes())) {
            what.add("the dose of " + item.name() + " to " + dose.describe());
        }
        if (weeks != item.progressWeeks() || pain != item.progressPain()) {
            what.add("the rule for moving " + item.name() + " on to " + weeks + (weeks == 1 ? " week" : " weeks") + " with pain " + pain + " or less");
        }
        if (what.isEmpty()) {
            return;
        }
        List<Item> changed = new ArrayList<>(items);
        changed.set(changed.indexOf(item), new Item(item.position(), item.exerciseId(), item.name(), dose, cleanNote, weeks, pain));
        change("Changed " + String.join(" and ", what), changed);
    }

    /**
     * Moves the start or end date. The start cannot move past a day the patient has already logged
     * ({@code firstLogged}): those logs would fall outside the programme.
     */
    void moveDates(LocalDate start, LocalDate end, Optional<LocalDate> firstLogged) {
        if (start == null) {
            throw new InvalidInputException("startDate", "Enter the start date");
        }
        if (end == null) {
            throw new InvalidInputException("endDate", "Enter the end date");
        }
        if (end.isBefore(start)) {
            throw new InvalidInputException("endDate", "The end date must be on or after the start date");
        }
        if (start.isAfter(startDate) && firstLogged.filter(first -> first.isBefore(start)).isPresent()) {
            throw new InvalidInputException("startDate", "The patient has logged exercises from " + LimberTime.DAY.format(firstLogged.get())
                    + ": the start date cannot be later than that");
        }
        if (start.equals(startDate) && end.equals(endDate)) {
            return;
        }
        startDate = start;
        endDate = end;
        datesChanged = true;
        var format = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK);
        change("Changed the dates to " + start.format(format) + " – " + end.format(format), items);
    }

    /** Replaces an exercise by its harder version, keeping its note and rule for moving on. */
    void progress(Suggestion suggestion, Exercise harder) {
        List<Item> changed = new ArrayList<>();
        for (Item item : items) {
            changed.add(item.exerciseId().equals(suggestion.fromExercise())
                    ? new Item(item.position(), harder.id(), harder.name(), harder.dose(), item.notes(), item.progressWeeks(), item.progressPain())
                    : item);
        }
        change("Progressed " + suggestion.fromName() + " to " + harder.name() + " (" + suggestion.reason() + ")", changed);
    }

    /**
     * Suggestions from the progression rules: an exercise with a harder version, logged for at least
     * its rule's weeks with pain never above its limit and found easy most of the time in the last
     * week. One the clinician has answered ({@code answered}, "from→to") is not made again.
     */
    List<Suggestion> suggestions(List<SessionLog> logs, LocalDate today, Function<String, Exercise> library, Set<String> answered) {
        List<Suggestion> suggestions = new ArrayList<>();
        for (Item item : items) {
            Exercise exercise = library.apply(item.exerciseId());
            if (exercise.harder().isEmpty()) {
                continue;
            }
            LocalDate since = today.minusWeeks(item.progressWeeks()).plusDays(1);
            List<SessionLog> own = logs.stream().filter(l -> l.isCurrent() && l.exerciseId().equals(item.exerciseId())
                                                            && l.outcome() != Outcome.NOT_DONE).toList();
            boolean longEnough = own.stream().anyMatch(l -> !l.day().isAfter(since.plusDays(2)));
            List<SessionLog> window = own.stream().filter(l -> !l.day().isBefore(since)).toList();
            boolean painOk = !window.isEmpty() && window.stream().allMatch(l -> l.pain() != null && l.pain() <= item.progressPain());
            List<SessionLog> lastWeek = window.stream().filter(l -> !l.day().isBefore(today.minusDays(6)) && l.difficulty() != null).toList();
            boolean easy = !lastWeek.isEmpty() && lastWeek.stream().filter(l -> l.difficulty() == Difficulty.EASY).count() * 2 > lastWeek.size();
            String next = exercise.harder().get(0);
            if (longEnough && painOk && easy && items.stream().noneMatch(i -> i.exerciseId().equals(next))
                && !answered.contains(item.exerciseId() + "→" + next)) {
                suggestions.add(new Suggestion(item.exerciseId(), item.name(), next, library.apply(next).name(),
                        item.progressWeeks() + " weeks with pain " + item.progressPain() + " or less, and found easy most times last week"));
            }
        }
        return suggestions;
    }

    private void change(String what, List<Item> newItems) {
        items = List.copyOf(newItems);
        version++;
        pendingChange = what;
    }

    private Item item(String exerciseId) {
        return items.stream().filter(i -> i.exerciseId().equals(exerciseId)).findFirst()
                .orElseThrow(() -> new InvalidInputException("exercise", "That exercise is not in the programme"));
    }

    private static List<Item> renumbered(List<Item> items) {
        List<Item> renumbered = new ArrayList<>();
        items.forEach(item -> renumbered.add(item.at(renumbered.size() + 1)));
        return renumbered;
    }

    /** The unsaved version's description, if a change is waiting to be saved. */
    public Optional<String> pendingChange() {
        return Optional.ofNullable(pendingChange);
    }

    boolean datesChanged() {
        return datesChanged;
    }

    /** Called once the new version is stored. */
    public void saved(String by, Instant at) {
        history.add(0, new Change(version, pendingChange, by, at));
        pendingChange = null;
        datesChanged = false;
    }

    @JsonProperty public ProgrammeId id() { return ProgrammeId.of(id); }
    @JsonProperty public PatientId patientId() { return PatientId.of(patientId); }
    @JsonProperty public String icbCode() { return icbCode; }
    @JsonProperty public String title() { return title; }
    @JsonProperty public String template() { return template; }
    @JsonProperty public LocalDate startDate() { return startDate; }
    @JsonProperty public LocalDate endDate() { return endDate; }
    @JsonProperty public String notes() { return notes; }
    @JsonProperty public int version() { return version; }
    @JsonProperty public List<Item> items() { return items; }
    /** Newest first. */
    @JsonProperty public List<Change> history() { return Collections.unmodifiableList(history); }

    public boolean tooMany() {
        return items.size() > ADVISED_MAXIMUM;
    }

    public boolean isRunningOn(LocalDate day) {
        return !day.isBefore(startDate) && !day.isAfter(endDate);
    }
}

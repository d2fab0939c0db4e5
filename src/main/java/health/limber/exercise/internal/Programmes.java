package health.limber.exercise.internal;

import health.limber.exercise.Exercise;
import health.limber.exercise.ExerciseLibrary;
import health.limber.exercise.Programme;
import health.limber.platform.ConflictException;
import health.limber.platform.LimberTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where programmes are kept: the programme row (its current version and dates), one row per version
 * (what changed, who, when) and a full copy of the items of each version, so what a patient was on
 * at any date can be told. A new version is written only if the programme is still at the version it
 * was read at (an optimistic lock in the update), so two clinicians' changes never mix.
 */
@Repository
public class Programmes {

    private final JdbcClient jdbc;
    private final ExerciseLibrary library;

    Programmes(JdbcClient jdbc, ExerciseLibrary library) {
        this.jdbc = jdbc;
        this.library = library;
    }

    public Optional<Programme> find(UUID id) {
        return jdbc.sql("select patient_id, icb_code, title, template, start_date, end_date, notes, version from programme where id = :id")
                .param("id", id)
                .query((rs, n) -> {
                    int version = rs.getInt(8);
                    return new Programme(id, rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7), version, items(id, version),
                            history(id));
                })
                .optional();
    }

    /** The programme running for the patient on the day (the latest started), if any. */
    public Optional<UUID> runningFor(UUID patientId, LocalDate day) {
        return jdbc.sql("select id from programme where patient_id = :p and start_date <= :d and end_date >= :d order by start_date desc")
                .param("p", patientId).param("d", day).query(UUID.class).list().stream().findFirst();
    }

    /** The patient's programmes that ran on any day from {@code from} to {@code to}, earliest first. */
    public java.util.List<UUID> overlapping(UUID patientId, LocalDate from, LocalDate to) {
        return jdbc.sql("select id from programme where patient_id = :p and start_date <= :to and end_date >= :from order by start_date")
                .param("p", patientId).param("from", from).param("to", to).query(UUID.class).list();
    }

    /** Stores a new programme with its first version, what it is for ({@code purpose}: TREATMENT, WAIT_WELL or null) and where it was given. */
    public void insert(Programme programme, UUID hubId, String by, String organisation, Instant at, String purpose, String source) {
        jdbc.sql("""
                insert into programme (id, patient_id, icb_code, title, template, hub_id, start_date, end_date, notes, version, created_by,
                    organisation_code, created_at, purpose, source)
                values (:id, :patient, :icb, :title, :template, :hub, :start, :end, :notes, 0, :by, :organisation, :at, :purpose, :source)""")
                .param("purpose", purpose).param("source", source)
                .param("id", programme.id().value()).param("patient", programme.patientId().value()).param("icb", programme.icbCode())
                .param("title", programme.title()).param("template", programme.template()).param("hub", hubId)
                .param("start", programme.startDate()).param("end", programme.endDate()).param("notes", programme.notes())
                .param("by", by).param("organisation", organisation).param("at", Timestamp.from(at)).update();
        save(programme, by, at);
    }

    /**
     * Writes the programme's new version, if it has one: refused (nothing written) when someone else
     * saved a version of the same programme in between.
     */
    public void save(Programme programme, String by, Instant at) {
        Optional<String> what = programme.pendingChange();
        if (what.isEmpty()) {
            return;
        }
        int updated = jdbc.sql("""
                        update programme set version = :v, start_date = :start, end_date = :end where id = :id and version = :previous""")
                .param("v", programme.version()).param("start", programme.startDate()).param("end", programme.endDate())
                .param("id", programme.id().value()).param("previous", programme.version() - 1).update();
        if (updated == 0) {
            throw new ConflictException("version", "Someone else changed this programme at the same time; nothing you sent was saved", null);
        }
        jdbc.sql("insert into programme_version (programme_id, version, what, changed_by, changed_at) values (:id, :v, :what, :by, :at)")
                .param("id", programme.id().value()).param("v", programme.version()).param("what", what.get()).param("by", by)
                .param("at", Timestamp.from(at)).update();
        for (Programme.Item item : programme.items()) {
            jdbc.sql("""
                    insert into programme_item (programme_id, version, position, exercise_id, sets, reps, hold_seconds, rest_seconds, times_per_day,
                        days_per_week, notes, progress_weeks, progress_pain)
                    values (:id, :v, :pos, :e, :sets, :reps, :hold, :rest, :perDay, :days, :notes, :weeks, :pain)""")
                    .param("id", programme.id().value()).param("v", programme.version()).param("pos", item.position()).param("e", item.exerciseId())
                    .param("sets", item.dose().sets()).param("reps", item.dose().reps()).param("hold", item.dose().holdSeconds())
                    .param("rest", item.dose().restSeconds()).param("perDay", item.dose().timesPerDay()).param("days", item.dose().daysPerWeek())
                    .param("notes", item.notes()).param("weeks", item.progressWeeks()).param("pain", item.progressPain()).update();
        }
        programme.saved(by, at);
    }

    /** What was prescribed when: each version's items from the day it was made (the first from the start). */
    public Adherence.Prescription prescription(Programme programme) {
        return prescriptions(List.of(programme.id().value())).getOrDefault(programme.id().value(),
                Adherence.Prescription.of(programme.startDate(), programme.endDate(), programme.items()));
    }

    /**
     * The prescriptions of many programmes in two statements (the caseload's). A version counts from
     * the day it was made; the programme as built on the day it was created (its first version and any
     * changes that same day) counts from its start, which may be earlier.
     */
    Map<UUID, Adherence.Prescription> prescriptions(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Map<Integer, List<Programme.Item>>> itemsByVersion = new HashMap<>();
        jdbc.sql(ITEM_SELECT + " where programme_id in (:ids) order by programme_id, version, position").param("ids", ids)
                .query(rs -> {
                    itemsByVersion.computeIfAbsent(rs.getObject("programme_id", UUID.class), p -> new TreeMap<>())
                            .computeIfAbsent(rs.getInt("version"), v -> new ArrayList<>()).add(item(rs));
                });
        Map<UUID, Adherence.Prescription> prescriptions = new HashMap<>();
        Map<UUID, LocalDate> created = new HashMap<>();
        jdbc.sql("""
                        select p.id, p.start_date, p.end_date, v.version, v.changed_at from programme p
                        join programme_version v on v.programme_id = p.id where p.id in (:ids) order by p.id, v.version""")
                .param("ids", ids)
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    LocalDate start = rs.getObject(2, LocalDate.class);
                    Adherence.Prescription prescription = prescriptions.computeIfAbsent(id,
                            p -> new Adherence.Prescription(start, sqlDate(rs, 3), new TreeMap<>()));
                    NavigableMap<LocalDate, List<Programme.Item>> from = prescription.itemsFrom();
                    LocalDate made = rs.getTimestamp(5).toInstant().atZone(LimberTime.ZONE).toLocalDate();
                    boolean asBuilt = created.putIfAbsent(id, made) == null || made.equals(created.get(id));
                    from.put(asBuilt || made.isBefore(start) ? start : made,
                            itemsByVersion.getOrDefault(id, Map.of()).getOrDefault(rs.getInt(4), List.of()));
                });
        return prescriptions;
    }

    private static LocalDate sqlDate(ResultSet rs, int column) {
        try {
            return rs.getObject(column, LocalDate.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String ITEM_SELECT = """
            select programme_id, version, position, exercise_id, sets, reps, hold_seconds, rest_seconds, times_per_day, days_per_week, notes,
                   coalesce(progress_weeks, 2) as progress_weeks, coalesce(progress_pain, 3) as progress_pain
            from programme_item""";

    private List<Programme.Item> items(UUID programmeId, int version) {
        return jdbc.sql(ITEM_SELECT + " where programme_id = :p and version = :v order by position").param("p", programmeId).param("v", version)
                .query((rs, n) -> item(rs)).list();
    }

    private Programme.Item item(ResultSet rs) throws SQLException {
        String exercise = rs.getString("exercise_id");
        return new Programme.Item(rs.getInt("position"), exercise,
                library.find(exercise, ExerciseLibrary.ENGLISH).map(Exercise::name).orElse(exercise),
                new Exercise.Dose(rs.getInt("sets"), rs.getInt("reps"), rs.getInt("hold_seconds"), rs.getInt("rest_seconds"),
                        rs.getInt("times_per_day"), rs.getInt("days_per_week")),
                rs.getString("notes"), rs.getInt("progress_weeks"), rs.getInt("progress_pain"));
    }

    private List<Programme.Change> history(UUID id) {
        return jdbc.sql("select version, what, changed_by, changed_at from programme_version where programme_id = :id order by version desc")
                .param("id", id)
                .query((rs, n) -> new Programme.Change(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant())).list();
    }

    /** Which suggestions the clinicians have answered, as "from→to". */
    public java.util.Set<String> answeredSuggestions(UUID programmeId) {
        return new java.util.HashSet<>(jdbc.sql("select from_exercise, to_exercise from progression_decision where programme_id = :p")
                .param("p", programmeId).query((rs, n) -> rs.getString(1) + "→" + rs.getString(2)).list());
    }

    public void recordDecision(UUID programmeId, Programme.Suggestion suggestion, boolean accepted, String reason, String by, Instant at) {
        jdbc.sql("""
                insert into progression_decision (programme_id, from_exercise, to_exercise, accepted, reason, decided_by, decided_at)
                values (:p, :f, :t, :a, :r, :by, :at)""")
                .param("p", programmeId).param("f", suggestion.fromExercise()).param("t", suggestion.toExercise()).param("a", accepted)
                .param("r", reason).param("by", by).param("at", Timestamp.from(at)).update();
    }
}

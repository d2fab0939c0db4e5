package health.limber.exercise;

import health.limber.exercise.SessionLog.Difficulty;
import health.limber.exercise.SessionLog.Outcome;
import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.patient.Patient;
import health.limber.patient.PatientManagement;
import health.limber.platform.ConflictException;
import health.limber.platform.IdempotencyKeyReusedException;
import health.limber.platform.LimberTime;
import health.limber.platform.InvalidInputException;
import health.limber.platform.NotFoundException;
import health.limber.referral.RedFlagLevel;
import health.limber.referral.RedFlagQuestion;
import health.limber.referral.RedFlagScreen;
import health.limber.referral.RedFlagSource;
import health.limber.referral.ReferralManagement;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exercise module's API for programmes: clinicians build a programme for a patient from the
 * library or a template and change it (every change is a new version; nothing changes silently);
 * patients see today's exercises, log them (idempotent by the client's key, so offline retries
 * store one log), correct or withdraw a log (the original is kept), and rate the demonstrations
 * and how the programme is working. Adherence = sessions done ÷ sessions prescribed (DOMAIN.md §6).
 */
@Service
@Transactional
public class Programmes {

    private final JdbcClient jdbc;
    private final ExerciseLibrary library;
    private final PatientManagement patients;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final Map<String, Template> templates = new LinkedHashMap<>();
    private final ReferralManagement referrals;
    private final health.limber.clinic.Hubs hubs;
    private final health.limber.identity.AuditLog audit;

    Programmes(JdbcClient jdbc, ExerciseLibrary library, PatientManagement patients, CurrentActor currentActor, Clock clock,
               ReferralManagement referrals, health.limber.clinic.Hubs hubs, health.limber.identity.AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.hubs = hubs;
        this.referrals = referrals;
        this.library = library;
        this.patients = patients;
        this.currentActor = currentActor;
        this.clock = clock;
        try (InputStream in = new ClassPathResource("exercise/templates.json").getInputStream()) {
            for (JsonNode node : JsonMapper.builder().build().readTree(in)) {
                List<String> exercises = new ArrayList<>();
                node.path("exercises").forEach(e -> exercises.add(library.read(e.asString(), ExerciseLibrary.ENGLISH).id()));
                templates.put(node.path("id").asString(), new Template(node.path("id").asString(), node.path("name").asString(),
                        node.path("weeks").asInt(6), exercises));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read exercise/templates.json", e);
        }
    }

    /** A starting programme for a condition. */
    public record Template(String id, String name, int weeks, List<String> exercises) {}

    /** The red-flag questions a patient can answer in the app (their wording for patients). */
    public List<RedFlagQuestion> symptomQuestions() {
        return referrals.redFlagQuestions();
    }

    /**
     * A patient reports worrying symptoms in the app: the referral module raises its red-flag task
     * (4 hours for an emergency, 24 for urgent) and the caseload shows an alert. Returns the level.
     */
    public RedFlagLevel reportSymptoms(UUID programmeId, java.util.Set<String> flags, String detail) {
        Programme programme = read(programmeId);
        if (!currentActor.get().isPatient(programme.patientId())) {
            throw new AccessDeniedException("Only the patient reports their symptoms here");
        }
        if (flags.isEmpty()) {
            throw new InvalidInputException("flags", "Tick the symptoms you have, or go back if you have none of them");
        }
        RedFlagScreen screen = referrals.questions().screen(flags, flags);
        referrals.reportRedFlag(programme.patientId(), programme.icbCode(), flags, RedFlagSource.PATIENT_APP,
                detail == null || detail.isBlank() ? "Reported in the exercise app" : detail.strip());
        jdbc.sql("insert into symptom_report (id, programme_id, flags, level, detail, reported_at) values (:id, :p, :flags, :level, :detail, :at)")
                .param("id", UUID.randomUUID()).param("p", programmeId).param("flags", String.join(",", screen.yes()))
                .param("level", screen.level().name()).param("detail", detail == null || detail.isBlank() ? null : detail.strip())
                .param("at", Timestamp.from(clock.instant())).update();
        return screen.level();
    }

    /**
     * A programme in the clinician's caseload list, with its alerts, the most serious first; the
     * patient's date of birth and NHS number tell two people of the same name apart.
     */
    public record CaseloadRow(UUID programmeId, UUID patientId, String patientName, LocalDate birthDate, String nhsNumber, String title,
                              LocalDate startDate, LocalDate endDate, LocalDate lastLog, Double adherenceLastWeek, List<CaseloadAlert> alerts) {

        /** The most serious alert's rank (lower is worse); rows without alerts come last. */
        int worst() {
            return alerts.stream().mapToInt(a -> a.kind().ordinal()).min().orElse(CaseloadAlert.Kind.values().length);
        }

        public boolean has(CaseloadAlert.Kind kind) {
            return alerts.stream().anyMatch(a -> a.kind() == kind);
        }

        public List<String> alertTexts() {
            return alerts.stream().map(CaseloadAlert::text).toList();
        }
    }

    /** Adherence of one exercise over a week: sessions done ÷ prescribed, with pain and difficulty. */
    public record WeekAdherence(LocalDate weekStart, String exerciseId, double done, double prescribed, Double meanPain, String commonDifficulty) {
        public Double share() {
            return prescribed == 0 ? null : Math.min(1.0, done / prescribed);
        }
    }

    public List<Template> templates() {
        return List.copyOf(templates.values());
    }

    /** Starts a programme for a patient, from a template or empty. */
    public UUID create(UUID patientId, String templateId, LocalDate start, LocalDate end, String notes) {
        return create(patientId, templateId, start, end, notes, null);
    }

    /** Starts a programme given at a hub (for reports by hub). */
    public UUID create(UUID patientId, String templateId, LocalDate start, LocalDate end, String notes, UUID hubId) {
        Actor actor = clinician();
        Patient patient = patients.read(patientId);
        Template template = templateId == null || templateId.isBlank() ? null : Optional.ofNullable(templates.get(templateId))
                .orElseThrow(() -> new InvalidInputException("template", "Select a template from the list, or none"));
        LocalDate from = start == null ? LocalDate.now(clock) : start;
        LocalDate to = end == null ? from.plusWeeks(template == null ? 6 : template.weeks()) : end;
        if (to.isBefore(from)) {
            throw new InvalidInputException("endDate", "The end date must be on or after the start date");
        }
        if (notes != null && notes.length() > 2000) {
            throw new InvalidInputException("notes", "Notes must be 2,000 characters or fewer");
        }
        if (hubId != null && hubs.find(hubId).filter(h -> h.icbCode().equals(patient.icbCode())).isEmpty()) {
            throw new InvalidInputException("hub", "Choose a hub of the patient's area");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into programme (id, patient_id, icb_code, title, template, hub_id, start_date, end_date, notes, version, created_by, created_at)
                values (:id, :patient, :icb, :title, :template, :hub, :start, :end, :notes, 0, :by, :at)""")
                .param("hub", hubId)
                .param("id", id).param("patient", patientId).param("icb", patient.icbCode())
                .param("title", template == null ? "Home exercise programme" : template.name()).param("template", template == null ? null : template.id())
                .param("start", from).param("end", to).param("notes", notes == null || notes.isBlank() ? null : notes.strip())
                .param("by", actor.username()).param("at", Timestamp.from(clock.instant())).update();
        List<Programme.Item> items = new ArrayList<>();
        if (template != null) {
            for (String exercise : template.exercises()) {
                Exercise e = library.read(exercise, ExerciseLibrary.ENGLISH);
                items.add(new Programme.Item(items.size() + 1, e.id(), e.name(), e.dose(), null));
            }
        }
        saveVersion(id, 1, template == null ? "Started" : "Started from the template \"" + template.name() + "\"", items);
        return id;
    }

    /** A programme, for a clinician of the patient's ICB or the patient. */
    @Transactional(readOnly = true)
    public Programme read(UUID id) {
        return allowed(load(id, true));
    }

    /** What a log needs of its programme, for the writes patients make often. */
    private record LogTarget(UUID id, UUID patientId, String icbCode, LocalDate startDate, LocalDate endDate, int version) {}

    /**
     * The programme a log is written to, read and locked in one statement. Writes to one programme's
     * logs go one at a time (a row lock, on any number of app instances), so a retry arriving at the
     * same moment as the first request finds its key stored.
     */
    private LogTarget lockedForLog(UUID id) {
        LogTarget target = jdbc.sql("select patient_id, icb_code, start_date, end_date, version from programme where id = :id for update")
                .param("id", id)
                .query((rs, n) -> new LogTarget(id, rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getInt(5)))
                .optional().orElseThrow(() -> new NotFoundException("programme " + id));
        allowed(id, target.patientId(), target.icbCode());
        return target;
    }

    private Programme allowed(Programme programme) {
        allowed(programme.id(), programme.patientId(), programme.icbCode());
        return programme;
    }

    private void allowed(UUID id, UUID patientId, String icbCode) {
        Actor actor = currentActor.get();
        boolean allowed = actor.isPatient() ? actor.isPatient(patientId)
                : (actor.role() == Role.CLINICIAN || actor.role() == Role.SERVICE_MANAGER) && actor.serves(icbCode);
        if (!allowed) {
            // refused and audited against the programme's patient (committed on its own, whatever happens next)
            audit.denied(patientId, health.limber.identity.AuditAction.READ, "ExerciseProgramme", id.toString());
            throw new AccessDeniedException("This programme is not yours to see");
        }
    }

    public Programme addExercise(UUID id, int version, String exerciseId) {
        Programme programme = changeable(id, version);
        Exercise exercise = library.findInMyLibrary(exerciseId, ExerciseLibrary.ENGLISH)
                .orElseThrow(() -> new InvalidInputException("exercise", "Choose an exercise from the library"));
        if (programme.items().stream().anyMatch(i -> i.exerciseId().equals(exerciseId))) {
            throw new InvalidInputException("exercise", exercise.name() + " is already in the programme");
        }
        List<Programme.Item> items = new ArrayList<>(programme.items());
        items.add(new Programme.Item(items.size() + 1, exercise.id(), exercise.name(), exercise.dose(), null));
        return saveVersion(id, version + 1, "Added " + exercise.name(), items);
    }

    public Programme removeExercise(UUID id, int version, String exerciseId) {
        Programme programme = changeable(id, version);
        Programme.Item item = item(programme, exerciseId);
        List<Programme.Item> items = new ArrayList<>(programme.items());
        items.remove(item);
        return saveVersion(id, version + 1, "Removed " + item.name(), renumber(items));
    }

    /** Moves an exercise one place up (earlier) or down. */
    public Programme moveExercise(UUID id, int version, String exerciseId, boolean up) {
        Programme programme = changeable(id, version);
        List<Programme.Item> items = new ArrayList<>(programme.items());
        int at = items.indexOf(item(programme, exerciseId));
        int to = up ? at - 1 : at + 1;
        if (to < 0 || to >= items.size()) {
            return programme;
        }
        items.add(to, items.remove(at));
        return saveVersion(id, version + 1, "Moved " + items.get(to).name() + (up ? " up" : " down"), renumber(items));
    }

    /** Sets one exercise's dose, keeping its progression rule. */
    public Programme setDose(UUID id, int version, String exerciseId, Exercise.Dose dose, String notes) {
        return setDose(id, version, exerciseId, dose, notes, null, null);
    }

    /**
     * Sets one exercise's dose and, when given, its progression rule: after {@code progressWeeks}
     * weeks with pain at or under {@code progressPain}, and found easy, suggest the harder version.
     */
    public Programme setDose(UUID id, int version, String exerciseId, Exercise.Dose dose, String notes, Integer progressWeeks, Integer progressPain) {
        Programme programme = changeable(id, version);
        Programme.Item item = item(programme, exerciseId);
        check(dose);
        if (notes != null && notes.length() > 500) {
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
        String cleanNotes = notes == null || notes.isBlank() ? null : notes.strip();
        List<Programme.Item> items = new ArrayList<>(programme.items());
        items.set(items.indexOf(item), new Programme.Item(item.position(), item.exerciseId(), item.name(), dose, cleanNotes, weeks, pain));
        List<String> what = new ArrayList<>();
        if (!dose.equals(item.dose()) || !java.util.Objects.equals(cleanNotes, item.notes())) {
            what.add("the dose of " + item.name() + " to " + dose.describe());
        }
        if (weeks != item.progressWeeks() || pain != item.progressPain()) {
            what.add("the rule for moving " + item.name() + " on to " + weeks + (weeks == 1 ? " week" : " weeks") + " with pain " + pain + " or less");
        }
        if (what.isEmpty()) {
            return programme;
        }
        return saveVersion(id, version + 1, "Changed " + String.join(" and ", what), items);
    }

    /**
     * Moves a programme's start or end date. The start cannot move past a day the patient has
     * already logged (those logs would fall outside the programme); the change is a new version.
     */
    public Programme setDates(UUID id, int version, LocalDate start, LocalDate end) {
        Programme programme = changeable(id, version);
        if (start == null) {
            throw new InvalidInputException("startDate", "Enter the start date");
        }
        if (end == null) {
            throw new InvalidInputException("endDate", "Enter the end date");
        }
        if (end.isBefore(start)) {
            throw new InvalidInputException("endDate", "The end date must be on or after the start date");
        }
        if (start.isAfter(programme.startDate())) {
            LocalDate firstLog = jdbc.sql("select min(log_date) from session_log where programme_id = :p and status = 'CURRENT'")
                    .param("p", id).query(LocalDate.class).optional().orElse(null);
            if (firstLog != null && firstLog.isBefore(start)) {
                throw new InvalidInputException("startDate", "The patient has logged exercises from "
                        + firstLog.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK))
                        + ": the start date cannot be later than that");
            }
        }
        if (start.equals(programme.startDate()) && end.equals(programme.endDate())) {
            return programme;
        }
        jdbc.sql("update programme set start_date = :start, end_date = :end where id = :id").param("start", start).param("end", end)
                .param("id", id).update();
        var format = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK);
        return saveVersion(id, version + 1, "Changed the dates to " + start.format(format) + " – " + end.format(format), programme.items());
    }

    /**
     * Suggestions from the progression rules: an exercise with a harder version, logged for at least
     * its rule's weeks with pain never above its limit and found easy most of the time in the last
     * week. A suggestion the clinician has answered is not made again. Nothing changes until accepted.
     */
    @Transactional(readOnly = true)
    public List<Programme.Suggestion> suggestions(UUID programmeId) {
        Programme programme = read(programmeId);
        LocalDate today = LocalDate.now(clock);
        List<SessionLog> logs = jdbc.sql(LOG_SELECT + " where programme_id = :p and status = 'CURRENT'").param("p", programmeId)
                .query((rs, n) -> log(rs)).list();
        List<Programme.Suggestion> suggestions = new ArrayList<>();
        for (Programme.Item item : programme.items()) {
            Exercise exercise = library.read(item.exerciseId(), ExerciseLibrary.ENGLISH);
            if (exercise.harder().isEmpty()) {
                continue;
            }
            LocalDate since = today.minusWeeks(item.progressWeeks()).plusDays(1);
            List<SessionLog> own = logs.stream().filter(l -> l.exerciseId().equals(item.exerciseId()) && l.outcome() != Outcome.NOT_DONE).toList();
            boolean longEnough = own.stream().anyMatch(l -> !l.day().isAfter(since.plusDays(2)));
            List<SessionLog> window = own.stream().filter(l -> !l.day().isBefore(since)).toList();
            boolean painOk = !window.isEmpty() && window.stream().allMatch(l -> l.pain() != null && l.pain() <= item.progressPain());
            List<SessionLog> lastWeek = window.stream().filter(l -> !l.day().isBefore(today.minusDays(6)) && l.difficulty() != null).toList();
            boolean easy = !lastWeek.isEmpty() && lastWeek.stream().filter(l -> l.difficulty() == Difficulty.EASY).count() * 2 > lastWeek.size();
            if (!(longEnough && painOk && easy)) {
                continue;
            }
            String next = exercise.harder().get(0);
            if (programme.items().stream().anyMatch(i -> i.exerciseId().equals(next))) {
                continue;
            }
            boolean answered = jdbc.sql("select count(*) from progression_decision where programme_id = :p and from_exercise = :f and to_exercise = :t")
                    .param("p", programmeId).param("f", item.exerciseId()).param("t", next).query(Integer.class).single() > 0;
            if (!answered) {
                suggestions.add(new Programme.Suggestion(item.exerciseId(), item.name(), next, library.read(next, ExerciseLibrary.ENGLISH).name(),
                        item.progressWeeks() + " weeks with pain " + item.progressPain() + " or less, and found easy most times last week"));
            }
        }
        return suggestions;
    }

    /** Accepts a suggestion (the harder version replaces the exercise in a new version) or rejects it with the reason. */
    public Programme decide(UUID programmeId, int version, String fromExercise, String toExercise, boolean accept, String reason) {
        Programme programme = changeable(programmeId, version);
        Programme.Suggestion suggestion = suggestions(programmeId).stream()
                .filter(s -> s.fromExercise().equals(fromExercise) && s.toExercise().equals(toExercise)).findFirst()
                .orElseThrow(() -> new InvalidInputException("suggestion", "That suggestion no longer applies"));
        String why = reason == null ? "" : reason.strip();
        if (!accept && why.isEmpty()) {
            throw new InvalidInputException("reason", "Say why you are not moving on to the harder version");
        }
        jdbc.sql("""
                insert into progression_decision (programme_id, from_exercise, to_exercise, accepted, reason, decided_by, decided_at)
                values (:p, :f, :t, :a, :r, :by, :at)""")
                .param("p", programmeId).param("f", fromExercise).param("t", toExercise).param("a", accept)
                .param("r", why.isEmpty() ? suggestion.reason() : why).param("by", currentActor.get().username())
                .param("at", Timestamp.from(clock.instant())).update();
        if (!accept) {
            return programme;
        }
        Exercise harder = library.read(toExercise, ExerciseLibrary.ENGLISH);
        List<Programme.Item> items = new ArrayList<>();
        for (Programme.Item item : programme.items()) {
            items.add(item.exerciseId().equals(fromExercise)
                    ? new Programme.Item(item.position(), harder.id(), harder.name(), harder.dose(), item.notes(), item.progressWeeks(), item.progressPain())
                    : item);
        }
        return saveVersion(programmeId, version + 1, "Progressed " + suggestion.fromName() + " to " + harder.name() + " (" + suggestion.reason() + ")", items);
    }

    /**
     * Programmes of the patients of the clinician's ICBs, most worrying first. Four statements
     * whatever the caseload's size: the programmes, their logs of the last two weeks with each one's
     * last log, their current prescriptions and recent red flags.
     */
    @Transactional(readOnly = true)
    public List<CaseloadRow> caseload() {
        Actor actor = clinician();
        if (actor.servedIcbs().isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        String running = " p.icb_code in (:icbs) and p.end_date >= :today";
        List<CaseloadRow> rows = new ArrayList<>();
        jdbc.sql("""
                select p.id, p.patient_id, pt.given_name || ' ' || pt.family_name, p.title, p.start_date, p.end_date,
                       (select max(l.log_date) from session_log l where l.programme_id = p.id and l.status = 'CURRENT'),
                       pt.birth_date, pt.nhs_number
                from programme p join patient pt on pt.id = p.patient_id
                where""" + running + " order by p.start_date desc")
                .param("icbs", actor.servedIcbs()).param("today", today)
                .query(rs -> {
                    rows.add(new CaseloadRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getObject(8, LocalDate.class), rs.getString(9), rs.getString(4),
                            rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), null, List.of()));
                });
        Map<UUID, List<RecentLog>> recentLogs = new java.util.HashMap<>();
        jdbc.sql("select l.programme_id, l.log_date, l.outcome, l.pain from session_log l join programme p on p.id = l.programme_id where"
                        + running + " and l.status = 'CURRENT' and l.log_date >= :since")
                .param("icbs", actor.servedIcbs()).param("today", today).param("since", today.minusDays(13))
                .query(rs -> {
                    recentLogs.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>()).add(new RecentLog(
                            rs.getObject(2, LocalDate.class), Outcome.valueOf(rs.getString(3)), (Integer) rs.getObject(4)));
                });
        Map<UUID, Double> sessionsPerDay = new java.util.HashMap<>();
        jdbc.sql("select p.id, i.times_per_day, i.days_per_week from programme_item i join programme p on p.id = i.programme_id and i.version = p.version where"
                        + running)
                .param("icbs", actor.servedIcbs()).param("today", today)
                .query(rs -> {
                    sessionsPerDay.merge(rs.getObject(1, UUID.class), rs.getInt(2) * rs.getInt(3) / 7.0, Double::sum);
                });
        Map<UUID, String> redFlags = new java.util.HashMap<>();
        jdbc.sql("select s.programme_id, s.level from symptom_report s join programme p on p.id = s.programme_id where" + running
                        + " and s.reported_at >= :since order by s.reported_at")
                .param("icbs", actor.servedIcbs()).param("today", today)
                .param("since", Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(14))))
                .query(rs -> {
                    redFlags.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return rows.stream()
                .map(row -> withAlerts(row, recentLogs.getOrDefault(row.programmeId(), List.of()), sessionsPerDay.getOrDefault(row.programmeId(), 0.0),
                        redFlags.get(row.programmeId()), today))
                .sorted(java.util.Comparator.comparingInt(CaseloadRow::worst).thenComparingInt((CaseloadRow r) -> -r.alerts().size())
                        .thenComparing(CaseloadRow::patientName)).toList();
    }

    /** The patient's programme running today, if any. */
    @Transactional(readOnly = true)
    public Optional<Programme> current(UUID patientId) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("select id from programme where patient_id = :p and start_date <= :d and end_date >= :d order by start_date desc")
                .param("p", patientId).param("d", today).query(UUID.class).list().stream().findFirst().map(this::read);
    }

    /**
     * Records what the patient did. The client key makes it idempotent: the same key again returns
     * the first log and stores nothing (offline logs retried after reconnecting are stored once).
     */
    public SessionLog log(UUID programmeId, String clientKey, String exerciseId, LocalDate day, Outcome outcome, Integer setsDone, Integer repsDone,
                          Integer pain, Difficulty difficulty, String comment) {
        return log(programmeId, clientKey, exerciseId, day, null, outcome, setsDone, repsDone, pain, difficulty, comment);
    }

    /**
     * Records what the patient did, on the day (and, when the phone says, at the moment) it was done:
     * a session saved offline and sent days later still counts for its own day. The key is the
     * patient's for this programme: the same key again with the same log returns the first log and
     * stores nothing; with a different log it is refused (422), and another programme's key is never
     * looked at.
     */
    public SessionLog log(UUID programmeId, String clientKey, String exerciseId, LocalDate day, Instant doneAt, Outcome outcome, Integer setsDone,
                          Integer repsDone, Integer pain, Difficulty difficulty, String comment) {
        if (clientKey == null || clientKey.isBlank() || clientKey.length() > 100) {
            throw new InvalidInputException("clientKey", "Send a key for this log (up to 100 characters), the same on every retry");
        }
        LogTarget programme = lockedForLog(programmeId);
        Optional<SessionLog> earlier = logByKey(programmeId, clientKey);
        if (earlier.isPresent()) {
            return sameLogOrRefuse(earlier.get(), exerciseId, day, outcome, setsDone, repsDone, pain, difficulty, comment);
        }
        return insertLog(programme, clientKey, exerciseId, day, doneAt, outcome, setsDone, repsDone, pain, difficulty, comment, null);
    }

    private static SessionLog sameLogOrRefuse(SessionLog earlier, String exerciseId, LocalDate day, Outcome outcome, Integer setsDone,
                                              Integer repsDone, Integer pain, Difficulty difficulty, String comment) {
        String blankless = comment == null || comment.isBlank() ? null : comment.strip();
        boolean same = earlier.exerciseId().equals(exerciseId) && earlier.day().equals(day) && earlier.outcome() == outcome
                       && Objects.equals(earlier.setsDone(), setsDone) && Objects.equals(earlier.repsDone(), repsDone)
                       && Objects.equals(earlier.pain(), pain) && earlier.difficulty() == difficulty && Objects.equals(earlier.comment(), blankless);
        if (!same) {
            throw new IdempotencyKeyReusedException();
        }
        return earlier;
    }

    /** Writes to one programme's ratings one at a time, as {@link #lockedForLog} does for logs. */
    private void lock(UUID programmeId) {
        jdbc.sql("select id from programme where id = :id for update").param("id", programmeId).query(UUID.class).single();
    }

    /** Corrects a log: a new log replaces it; the original stays in the history marked CORRECTED. */
    public SessionLog correct(UUID logId, String clientKey, Outcome outcome, Integer setsDone, Integer repsDone, Integer pain, Difficulty difficulty,
                              String comment) {
        if (clientKey == null || clientKey.isBlank() || clientKey.length() > 100) {
            throw new InvalidInputException("clientKey", "Send a key for this correction");
        }
        SessionLog first = jdbc.sql(LOG_SELECT + " where id = :id").param("id", logId).query((rs, n) -> log(rs)).optional()
                .orElseThrow(() -> new NotFoundException("log " + logId));
        LogTarget programme = lockedForLog(first.programmeId());
        Optional<SessionLog> existing = logByKey(first.programmeId(), clientKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        SessionLog old = currentLog(logId);
        jdbc.sql("update session_log set status = 'CORRECTED' where id = :id and status = 'CURRENT'").param("id", logId).update();
        return insertLog(programme, clientKey, old.exerciseId(), old.day(), old.doneAt(), outcome, setsDone, repsDone, pain, difficulty, comment, logId);
    }

    /** Withdraws a log made by mistake: it no longer counts but stays in the history. */
    public void withdraw(UUID logId) {
        SessionLog old = currentLog(logId);
        read(old.programmeId());
        jdbc.sql("update session_log set status = 'WITHDRAWN', recorded_by = :by, recorded_at = :at where id = :id and status = 'CURRENT'")
                .param("by", currentActor.get().username()).param("at", Timestamp.from(clock.instant())).param("id", logId).update();
    }

    @Transactional(readOnly = true)
    public List<SessionLog> logs(UUID programmeId) {
        read(programmeId);
        return logsOf(programmeId);
    }

    /** All logs of a programme, newest first, for callers that have already checked access. */
    private List<SessionLog> logsOf(UUID programmeId) {
        return jdbc.sql(LOG_SELECT + " where programme_id = :p order by log_date desc, recorded_at desc").param("p", programmeId)
                .query((rs, n) -> log(rs)).list();
    }

    /**
     * Adherence per exercise per week (Monday to Sunday) from the programme's start to today:
     * sessions done (done = 1, partly = ½) ÷ sessions prescribed. The prescription of each day is the
     * programme version in force that day (a change mid-week counts from the day it was made), at
     * times a day × days a week ÷ 7; first and last weeks count only their days in the programme.
     */
    @Transactional(readOnly = true)
    public List<WeekAdherence> adherence(UUID programmeId) {
        Programme programme = read(programmeId);
        LocalDate today = LocalDate.now(clock);
        LocalDate last = today.isAfter(programme.endDate()) ? programme.endDate() : today;
        List<SessionLog> logs = logsOf(programmeId).stream().filter(l -> "CURRENT".equals(l.status())).toList();
        List<Object[]> versions = jdbc.sql("select version, changed_at from programme_version where programme_id = :p order by version")
                .param("p", programmeId).query((rs, n) -> new Object[] {rs.getInt(1), rs.getTimestamp(2).toInstant()}).list();
        Map<Integer, List<Programme.Item>> itemsByVersion = new java.util.HashMap<>();
        Map<String, double[]> prescribed = new LinkedHashMap<>();
        for (LocalDate day = programme.startDate(); !day.isAfter(last); day = day.plusDays(1)) {
            java.time.Instant endOfDay = day.plusDays(1).atStartOfDay(java.time.ZoneId.of("Europe/London")).toInstant();
            int version = versions.stream().filter(v -> ((java.time.Instant) v[1]).isBefore(endOfDay)).mapToInt(v -> (int) v[0]).max()
                    .orElse(versions.isEmpty() ? 1 : (int) versions.get(0)[0]);
            LocalDate week = day.minusDays(day.getDayOfWeek().getValue() - 1L);
            for (Programme.Item item : itemsByVersion.computeIfAbsent(version, v -> items(programmeId, v))) {
                prescribed.computeIfAbsent(week + "|" + item.exerciseId(), k -> new double[1])[0]
                        += item.dose().timesPerDay() * item.dose().daysPerWeek() / 7.0;
            }
        }
        List<WeekAdherence> weeks = new ArrayList<>();
        prescribed.forEach((key, amount) -> {
            LocalDate week = LocalDate.parse(key.substring(0, key.indexOf('|')));
            String exercise = key.substring(key.indexOf('|') + 1);
            List<SessionLog> own = logs.stream().filter(l -> l.exerciseId().equals(exercise) && !l.day().isBefore(week) && l.day().isBefore(week.plusWeeks(1))).toList();
            double done = own.stream().mapToDouble(l -> l.outcome().credit()).sum();
            Double pain = own.stream().filter(l -> l.pain() != null).mapToInt(SessionLog::pain).average().stream().boxed().findFirst().orElse(null);
            String difficulty = own.stream().filter(l -> l.difficulty() != null).collect(java.util.stream.Collectors.groupingBy(SessionLog::difficulty,
                    java.util.stream.Collectors.counting())).entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> e.getKey().label()).orElse(null);
            weeks.add(new WeekAdherence(week, exercise, done, Math.round(amount[0] * 1000) / 1000.0, pain, difficulty));
        });
        return weeks;
    }

    /**
     * A rating by the patient: how useful a demonstration was (1 not at all .. 4 very useful) or,
     * with no exercise, how the programme is working (1 much worse .. 7 much better). Idempotent by key.
     */
    public void rate(UUID programmeId, String clientKey, String exerciseId, int answer) {
        Programme programme = read(programmeId);
        if (!currentActor.get().isPatient(programme.patientId())) {
            throw new AccessDeniedException("Only the patient rates their programme");
        }
        boolean demonstration = exerciseId != null && !exerciseId.isBlank();
        if (demonstration && programme.items().stream().noneMatch(i -> i.exerciseId().equals(exerciseId))) {
            throw new InvalidInputException("exercise", "That exercise is not in your programme");
        }
        if (answer < 1 || answer > (demonstration ? 4 : 7)) {
            throw new InvalidInputException("answer", "Choose one of the answers");
        }
        lock(programmeId);
        Optional<String> earlier = jdbc.sql("select coalesce(exercise_id, '') || ':' || answer from usefulness_rating where programme_id = :p and client_key = :k")
                .param("p", programmeId).param("k", clientKey).query(String.class).optional();
        if (earlier.isPresent()) {
            if (!earlier.get().equals((demonstration ? exerciseId : "") + ":" + answer)) {
                throw new IdempotencyKeyReusedException();
            }
            return;
        }
        jdbc.sql("insert into usefulness_rating (id, client_key, programme_id, exercise_id, kind, answer, rated_at) values (:id, :k, :p, :e, :kind, :a, :at)")
                .param("id", UUID.randomUUID()).param("k", clientKey).param("p", programmeId).param("e", demonstration ? exerciseId : null)
                .param("kind", demonstration ? "DEMONSTRATION" : "GLOBAL_CHANGE").param("a", answer).param("at", Timestamp.from(clock.instant())).update();
    }

    /** The share of demonstration ratings that were "fairly" or "very" useful, per exercise and in all, for the reader's ICBs. */
    @Transactional(readOnly = true)
    public List<UsefulnessRow> usefulness() {
        Actor actor = currentActor.get();
        if (actor.isPatient() || actor.servedIcbs().isEmpty()) {
            throw new AccessDeniedException("Staff only");
        }
        List<UsefulnessRow> rows = new ArrayList<>(jdbc.sql("""
                select r.exercise_id, count(*), sum(case when r.answer >= 3 then 1 else 0 end)
                from usefulness_rating r join programme p on p.id = r.programme_id
                where r.kind = 'DEMONSTRATION' and p.icb_code in (:icbs) group by r.exercise_id order by count(*) desc""")
                .param("icbs", actor.servedIcbs())
                .query((rs, n) -> new UsefulnessRow(rs.getString(1), library.find(rs.getString(1), "en").map(Exercise::name).orElse(rs.getString(1)),
                        rs.getInt(2), rs.getInt(3)))
                .list());
        rows.add(0, new UsefulnessRow(null, "All exercises", rows.stream().mapToInt(UsefulnessRow::ratings).sum(),
                rows.stream().mapToInt(UsefulnessRow::useful).sum()));
        return rows;
    }

    /** The same share by programme template (condition), for the reader's ICBs. */
    @Transactional(readOnly = true)
    public List<UsefulnessRow> usefulnessByTemplate() {
        Actor actor = currentActor.get();
        if (actor.isPatient() || actor.servedIcbs().isEmpty()) {
            throw new AccessDeniedException("Staff only");
        }
        return jdbc.sql("""
                select coalesce(p.template, 'none'), count(*), sum(case when r.answer >= 3 then 1 else 0 end)
                from usefulness_rating r join programme p on p.id = r.programme_id
                where r.kind = 'DEMONSTRATION' and p.icb_code in (:icbs) group by coalesce(p.template, 'none') order by count(*) desc""")
                .param("icbs", actor.servedIcbs())
                .query((rs, n) -> new UsefulnessRow(rs.getString(1), Optional.ofNullable(templates.get(rs.getString(1))).map(Template::name)
                        .orElse("Built without a template"), rs.getInt(2), rs.getInt(3)))
                .list();
    }

    /** The same share by the hub where the programme was given. */
    @Transactional(readOnly = true)
    public List<UsefulnessRow> usefulnessByHub() {
        Actor actor = currentActor.get();
        if (actor.isPatient() || actor.servedIcbs().isEmpty()) {
            throw new AccessDeniedException("Staff only");
        }
        return jdbc.sql("""
                select p.hub_id, count(*), sum(case when r.answer >= 3 then 1 else 0 end)
                from usefulness_rating r join programme p on p.id = r.programme_id
                where r.kind = 'DEMONSTRATION' and p.icb_code in (:icbs) group by p.hub_id order by count(*) desc""")
                .param("icbs", actor.servedIcbs())
                .query((rs, n) -> {
                    UUID hub = rs.getObject(1, UUID.class);
                    return new UsefulnessRow(hub == null ? null : hub.toString(),
                            hub == null ? "No hub recorded" : hubs.find(hub).map(h -> h.name()).orElse("Unknown hub"), rs.getInt(2), rs.getInt(3));
                })
                .list();
    }

    /** Ratings of one exercise's demonstration (or all): how many, how many fairly or very useful. */
    public record UsefulnessRow(String exerciseId, String name, int ratings, int useful) {
        public Double share() {
            return ratings == 0 ? null : useful / (double) ratings;
        }
    }

    /**
     * The alerts of one programme from its last log, its logs of the last two weeks, the sessions a
     * day its current version prescribes and the level of a red flag reported in the last two weeks.
     */
    /** What the caseload's alerts need of a log of the last two weeks. */
    private record RecentLog(LocalDate day, Outcome outcome, Integer pain) {}

    private static CaseloadRow withAlerts(CaseloadRow row, List<RecentLog> recentLogs, double sessionsPerDay, String redFlag, LocalDate today) {
        LocalDate lastLog = row.lastLog();
        List<CaseloadAlert> alerts = new ArrayList<>();
        if (redFlag != null) {
            alerts.add(new CaseloadAlert(CaseloadAlert.Kind.RED_FLAG, "Red flag reported in the app (" + redFlag.toLowerCase() + ")"));
        }
        LocalDate since = lastLog == null ? row.startDate() : lastLog;
        if (!row.startDate().isAfter(today.minusDays(3)) && !since.isAfter(today.minusDays(3))) {
            alerts.add(new CaseloadAlert(CaseloadAlert.Kind.NOT_LOGGING, "No log for " + ChronoUnit.DAYS.between(since, today) + " days"));
        }
        LocalDate weekAgo = today.minusDays(6);
        LocalDate from = row.startDate().isAfter(weekAgo) ? row.startDate() : weekAgo;
        long days = Math.max(0, ChronoUnit.DAYS.between(from, today) + 1);
        double prescribed = sessionsPerDay * days;
        double done = recentLogs.stream().filter(l -> !l.day().isBefore(from)).mapToDouble(l -> l.outcome().credit()).sum();
        Double adherence = prescribed == 0 ? null : Math.min(1, done / prescribed);
        if (adherence != null && days >= 7 && adherence < 0.5) {
            alerts.add(new CaseloadAlert(CaseloadAlert.Kind.LOW_ADHERENCE, "Adherence under 50% this week"));
        }
        List<RecentLog> withPain = recentLogs.stream().filter(l -> l.pain() != null).toList();
        Double earlier = withPain.stream().filter(l -> l.day().isBefore(weekAgo)).mapToInt(RecentLog::pain).average().stream().boxed().findFirst().orElse(null);
        Double recent = withPain.stream().filter(l -> !l.day().isBefore(weekAgo)).mapToInt(RecentLog::pain).average().stream().boxed().findFirst().orElse(null);
        if (earlier != null && recent != null && recent - earlier >= 2) {
            alerts.add(new CaseloadAlert(CaseloadAlert.Kind.PAIN_RISING, String.format("Pain rising: %.1f to %.1f", earlier, recent)));
        }
        alerts.sort(java.util.Comparator.comparing(CaseloadAlert::kind));
        return new CaseloadRow(row.programmeId(), row.patientId(), row.patientName(), row.birthDate(), row.nhsNumber(), row.title(),
                row.startDate(), row.endDate(), lastLog, adherence, alerts);
    }

    private SessionLog insertLog(LogTarget programme, String clientKey, String exerciseId, LocalDate day, Instant doneAt, Outcome outcome,
                                 Integer setsDone, Integer repsDone, Integer pain, Difficulty difficulty, String comment, UUID replaces) {
        if (exerciseId == null || exerciseId.isBlank()) {
            throw new InvalidInputException("exercise", "Say which exercise this log is for");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate last = programme.endDate().isBefore(today) ? programme.endDate() : today;
        if (day == null || day.isAfter(last) || day.isBefore(programme.startDate())) {
            throw new InvalidInputException("day", "The day you did it must be from the programme's start (" + LimberTime.DAY.format(programme.startDate())
                    + ") to " + (last.equals(today) ? "today" : "its end (" + LimberTime.DAY.format(last) + ")") + ", and not in the future");
        }
        if (doneAt != null && (doneAt.isAfter(clock.instant().plus(PHONE_CLOCK_DRIFT))
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
        SessionLog log = new SessionLog(UUID.randomUUID(), clientKey, programme.id(), programme.version(), exerciseId, day,
                doneAt == null ? null : doneAt.truncatedTo(ChronoUnit.SECONDS), outcome, setsDone,
                repsDone, pain, difficulty, comment == null || comment.isBlank() ? null : comment.strip(), "CURRENT", replaces,
                currentActor.get().username(), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        // One statement: stored only when the exercise is in the programme's current version and the key is new
        // (the caller holds the programme's row lock, so no retry can slip in between).
        int inserted = jdbc.sql("""
                insert into session_log (id, client_key, programme_id, programme_version, exercise_id, log_date, done_at, outcome, sets_done, reps_done,
                    pain, difficulty, comment, status, replaces, recorded_by, recorded_at)
                select cast(:id as uuid), cast(:key as varchar(100)), i.programme_id, i.version, i.exercise_id, cast(:day as date),
                       cast(:doneAt as timestamp with time zone),
                       cast(:outcome as varchar(10)), cast(:sets as int), cast(:reps as int), cast(:pain as int), cast(:difficulty as varchar(12)),
                       cast(:comment as varchar(500)), 'CURRENT', cast(:replaces as uuid), cast(:by as varchar(100)),
                       cast(:at as timestamp with time zone)
                from programme_item i
                where i.programme_id = :p and i.version = :v and i.exercise_id = :e
                  and not exists (select 1 from session_log s where s.programme_id = :p and s.client_key = :key)""")
                .param("id", log.id()).param("key", log.clientKey()).param("p", log.programmeId()).param("v", log.programmeVersion())
                .param("e", log.exerciseId()).param("day", log.day())
                .param("doneAt", log.doneAt() == null ? null : Timestamp.from(log.doneAt())).param("outcome", log.outcome().name()).param("sets", log.setsDone())
                .param("reps", log.repsDone()).param("pain", log.pain()).param("difficulty", difficulty == null ? null : difficulty.name())
                .param("comment", log.comment()).param("replaces", replaces).param("by", log.recordedBy())
                .param("at", Timestamp.from(log.recordedAt())).update();
        if (inserted == 1) {
            return log;
        }
        return logByKey(programme.id(), clientKey).orElseThrow(() -> new InvalidInputException("exercise", "That exercise is not in the programme"));
    }

    /** A phone's clock may run a little ahead of the server's; a time within this is not "in the future". */
    private static final java.time.Duration PHONE_CLOCK_DRIFT = java.time.Duration.ofMinutes(5);

    private static final String LOG_SELECT = """
            select id, client_key, programme_id, programme_version, exercise_id, log_date, outcome, sets_done, reps_done, pain, difficulty, comment,
                   status, replaces, recorded_by, recorded_at, done_at from session_log""";

    /** A log by its key, looked up within one programme only: keys are the patient's, not global. */
    private Optional<SessionLog> logByKey(UUID programmeId, String key) {
        return jdbc.sql(LOG_SELECT + " where programme_id = :p and client_key = :k").param("p", programmeId).param("k", key)
                .query((rs, n) -> log(rs)).optional();
    }

    private SessionLog currentLog(UUID id) {
        SessionLog log = jdbc.sql(LOG_SELECT + " where id = :id").param("id", id).query((rs, n) -> log(rs)).optional()
                .orElseThrow(() -> new NotFoundException("log " + id));
        if (!"CURRENT".equals(log.status())) {
            throw new InvalidInputException("log", "This log has already been corrected or withdrawn");
        }
        return log;
    }

    private static SessionLog log(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.sql.Timestamp doneAt = rs.getTimestamp(17);
        return new SessionLog(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getInt(4), rs.getString(5),
                rs.getObject(6, LocalDate.class), doneAt == null ? null : doneAt.toInstant(), Outcome.valueOf(rs.getString(7)), (Integer) rs.getObject(8), (Integer) rs.getObject(9),
                (Integer) rs.getObject(10), rs.getString(11) == null ? null : Difficulty.valueOf(rs.getString(11)), rs.getString(12), rs.getString(13),
                rs.getObject(14, UUID.class), rs.getString(15), rs.getTimestamp(16).toInstant());
    }

    private Programme changeable(UUID id, int version) {
        clinician();
        Programme programme = read(id);
        if (programme.version() != version) {
            Programme.Change last = programme.history().get(0);
            throw new ConflictException("version", "Someone else changed this programme since you opened it (\"" + last.what() + "\" by "
                    + last.by() + "); nothing you sent was saved", Map.of("version", programme.version()));
        }
        return programme;
    }

    private Actor clinician() {
        Actor actor = currentActor.get();
        if (actor.role() != Role.CLINICIAN) {
            throw new AccessDeniedException("Only clinicians build programmes");
        }
        return actor;
    }

    private static Programme.Item item(Programme programme, String exerciseId) {
        return programme.items().stream().filter(i -> i.exerciseId().equals(exerciseId)).findFirst()
                .orElseThrow(() -> new InvalidInputException("exercise", "That exercise is not in the programme"));
    }

    private static List<Programme.Item> renumber(List<Programme.Item> items) {
        List<Programme.Item> renumbered = new ArrayList<>();
        for (Programme.Item item : items) {
            renumbered.add(new Programme.Item(renumbered.size() + 1, item.exerciseId(), item.name(), item.dose(), item.notes(),
                    item.progressWeeks(), item.progressPain()));
        }
        return renumbered;
    }

    private static void check(Exercise.Dose dose) {
        if (dose.sets() < 1 || dose.sets() > 10) {
            throw new InvalidInputException("sets", "Sets must be between 1 and 10");
        }
        if (dose.reps() < 0 || dose.reps() > 100 || dose.holdSeconds() < 0 || dose.holdSeconds() > 3600 || (dose.reps() == 0) == (dose.holdSeconds() == 0)) {
            throw new InvalidInputException("reps", "Give either repetitions (1 to 100) or a hold in seconds, not both");
        }
        if (dose.restSeconds() < 0 || dose.restSeconds() > 600) {
            throw new InvalidInputException("restSeconds", "Rest must be between 0 and 600 seconds");
        }
        if (dose.timesPerDay() < 1 || dose.timesPerDay() > 6) {
            throw new InvalidInputException("timesPerDay", "Times a day must be between 1 and 6");
        }
        if (dose.daysPerWeek() < 1 || dose.daysPerWeek() > 7) {
            throw new InvalidInputException("daysPerWeek", "Days a week must be between 1 and 7");
        }
    }

    /** Writes a new version with its items and makes it current; the update is conditional, so a concurrent change loses cleanly. */
    private Programme saveVersion(UUID id, int version, String what, List<Programme.Item> items) {
        int updated = jdbc.sql("update programme set version = :v where id = :id and version = :previous")
                .param("v", version).param("id", id).param("previous", version - 1).update();
        if (updated == 0) {
            throw new ConflictException("version", "Someone else changed this programme at the same time; nothing you sent was saved", null);
        }
        jdbc.sql("insert into programme_version (programme_id, version, what, changed_by, changed_at) values (:id, :v, :what, :by, :at)")
                .param("id", id).param("v", version).param("what", what).param("by", currentActor.get().username())
                .param("at", Timestamp.from(clock.instant())).update();
        for (Programme.Item item : items) {
            jdbc.sql("""
                    insert into programme_item (programme_id, version, position, exercise_id, sets, reps, hold_seconds, rest_seconds, times_per_day,
                        days_per_week, notes, progress_weeks, progress_pain)
                    values (:id, :v, :pos, :e, :sets, :reps, :hold, :rest, :perDay, :days, :notes, :weeks, :pain)""")
                    .param("weeks", item.progressWeeks()).param("pain", item.progressPain())
                    .param("id", id).param("v", version).param("pos", item.position()).param("e", item.exerciseId()).param("sets", item.dose().sets())
                    .param("reps", item.dose().reps()).param("hold", item.dose().holdSeconds()).param("rest", item.dose().restSeconds())
                    .param("perDay", item.dose().timesPerDay()).param("days", item.dose().daysPerWeek()).param("notes", item.notes()).update();
        }
        return load(id);
    }

    private List<Programme.Item> items(UUID programmeId, int version) {
        return jdbc.sql("""
                select position, exercise_id, sets, reps, hold_seconds, rest_seconds, times_per_day, days_per_week, notes,
                       coalesce(progress_weeks, 2), coalesce(progress_pain, 3)
                from programme_item where programme_id = :p and version = :v order by position""")
                .param("p", programmeId).param("v", version)
                .query((rs, n) -> new Programme.Item(rs.getInt(1), rs.getString(2),
                        library.find(rs.getString(2), ExerciseLibrary.ENGLISH).map(Exercise::name).orElse(rs.getString(2)),
                        new Exercise.Dose(rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8)), rs.getString(9),
                        rs.getInt(10), rs.getInt(11)))
                .list();
    }

    private Programme load(UUID id) {
        return load(id, true);
    }

    private Programme load(UUID id, boolean withHistory) {
        var row = jdbc.sql("select patient_id, icb_code, title, template, start_date, end_date, notes, version from programme where id = :id")
                .param("id", id)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getInt(8)})
                .optional().orElseThrow(() -> new NotFoundException("programme " + id));
        List<Programme.Change> history = !withHistory ? List.of() : jdbc.sql(
                        "select version, what, changed_by, changed_at from programme_version where programme_id = :id order by version desc")
                .param("id", id).query((rs, n) -> new Programme.Change(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant())).list();
        int version = (int) row[7];
        return new Programme(id, (UUID) row[0], (String) row[1], (String) row[2], (String) row[3], (LocalDate) row[4], (LocalDate) row[5],
                (String) row[6], version, items(id, version), history);
    }
}

package health.limber.exercise;

import health.limber.clinic.Hubs;
import health.limber.exercise.internal.Adherence;
import health.limber.exercise.internal.NewSessionLog;
import health.limber.exercise.internal.Programmes;
import health.limber.identity.Actor;
import health.limber.identity.AuditAction;
import health.limber.identity.AuditLog;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.patient.Patient;
import health.limber.patient.PatientId;
import health.limber.patient.PatientManagement;
import health.limber.platform.IdempotencyKeyReusedException;
import health.limber.platform.InvalidInputException;
import health.limber.platform.LimberTime;
import health.limber.platform.NotFoundException;
import health.limber.referral.RedFlagLevel;
import health.limber.referral.RedFlagQuestion;
import health.limber.referral.RedFlagQuestions;
import health.limber.referral.RedFlagScreen;
import health.limber.referral.RedFlagSource;
import health.limber.referral.RedFlagTaskManagement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exercise module's API for programmes: clinicians build a programme for a patient from the
 * library or a template and change it (every change is a new version, made by {@link Programme});
 * patients see today's exercises, log them (idempotent by their own key per programme, so offline
 * retries store one log), correct or withdraw a log (the original is kept), rate the demonstrations
 * and how the programme is working, and report worrying symptoms. Access is checked here: the
 * patient, or clinicians and service managers of the ICBs the programme's patient belongs to.
 */
@Service
@Transactional
public class ProgrammeManagement {

    private final Programmes programmes;
    private final SessionLogs logs;
    private final Ratings ratings;
    private final ProgrammeTemplates templates;
    private final ExerciseLibrary library;
    private final PatientManagement patients;
    private final RedFlagTaskManagement redFlags;
    private final RedFlagQuestions redFlagQuestions;
    private final Hubs hubs;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProgrammeManagement(Programmes programmes, SessionLogs logs, Ratings ratings, ProgrammeTemplates templates, ExerciseLibrary library,
                        PatientManagement patients, RedFlagTaskManagement redFlags, RedFlagQuestions redFlagQuestions, Hubs hubs, CurrentActor currentActor,
                        AuditLog audit, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.programmes = programmes;
        this.logs = logs;
        this.ratings = ratings;
        this.templates = templates;
        this.library = library;
        this.patients = patients;
        this.redFlags = redFlags;
        this.redFlagQuestions = redFlagQuestions;
        this.hubs = hubs;
        this.currentActor = currentActor;
        this.audit = audit;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    public List<ProgrammeTemplates.Template> templates() {
        return templates.all();
    }

    /** Starts a programme for a patient, from a template or empty. */
    public ProgrammeId create(PatientId patientId, String templateId, LocalDate start, LocalDate end, String notes) {
        return create(patientId, templateId, start, end, notes, null);
    }

    /** Starts a programme given at a hub (for reports by hub), not saying what it is for: it stops no clock. */
    public ProgrammeId create(PatientId patientId, String templateId, LocalDate start, LocalDate end, String notes, UUID hubId) {
        return create(patientId, templateId, start, end, notes, hubId, null);
    }

    /**
     * Starts a programme, given at a hub or not; it runs for the template's weeks (or 6) unless an end
     * is given. A programme agreed as the person's treatment ({@link ProgrammePurpose#TREATMENT})
     * is published as {@link ProgrammeAgreed}, which stops their waiting-list clock; {@code purpose}
     * null means not said, and stops nothing.
     */
    public ProgrammeId create(PatientId patientId, String templateId, LocalDate start, LocalDate end, String notes, UUID hubId,
                              ProgrammePurpose purpose) {
        return create(patientId, templateId, start, end, notes, hubId, purpose, ProgrammeSource.CLINICIAN);
    }

    /** As above, saying where the programme was given (a clinician after an assessment when null). */
    public ProgrammeId create(PatientId patientId, String templateId, LocalDate start, LocalDate end, String notes, UUID hubId,
                              ProgrammePurpose purpose, ProgrammeSource source) {
        Actor actor = clinician();
        Patient patient = patients.read(patientId);
        ProgrammeTemplates.Template template = templateId == null || templateId.isBlank() ? null : templates.find(templateId)
                .orElseThrow(() -> new InvalidInputException("template", "Select a template from the list, or none"));
        LocalDate from = start == null ? today() : start;
        LocalDate to = end == null ? from.plusWeeks(template == null ? 6 : template.weeks()) : end;
        if (hubId != null && hubs.find(hubId).filter(h -> h.icbCode().equals(patient.icbCode())).isEmpty()) {
            throw new InvalidInputException("hub", "Choose a hub of the patient's area");
        }
        List<Exercise> exercises = template == null ? List.of()
                : template.exercises().stream().map(e -> library.read(e, ExerciseLibrary.ENGLISH)).toList();
        Programme programme = Programme.start(patientId.value(), patient.icbCode(), template == null ? "Home exercise programme" : template.name(),
                template == null ? null : template.id(), from, to, notes, exercises);
        programmes.insert(programme, hubId, actor.username(), actor.organisationCode(), clock.instant(), purpose == null ? null : purpose.name(),
                (source == null ? ProgrammeSource.CLINICIAN : source).name());
        if (purpose == ProgrammePurpose.TREATMENT) {
            events.publishEvent(new ProgrammeAgreed(programme.id(), patientId, today()));
        }
        return programme.id();
    }

    /** A programme, for a clinician of the patient's ICB or the patient. */
    @Transactional(readOnly = true)
    public Programme read(ProgrammeId id) {
        return allowed(programmes.find(id.value()).orElseThrow(() -> new NotFoundException("programme " + id)));
    }

    /** The patient's programme running today, if any. */
    @Transactional(readOnly = true)
    public Optional<Programme> current(PatientId patientId) {
        return programmes.runningFor(patientId.value(), today()).map(ProgrammeId::of).map(this::read);
    }

    public Programme addExercise(ProgrammeId id, int version, String exerciseId) {
        Exercise exercise = library.findInMyLibrary(exerciseId, ExerciseLibrary.ENGLISH)
                .orElseThrow(() -> new InvalidInputException("exercise", "Choose an exercise from the library"));
        return change(id.value(), version, programme -> programme.addExercise(exercise));
    }

    public Programme removeExercise(ProgrammeId id, int version, String exerciseId) {
        return change(id.value(), version, programme -> programme.removeExercise(exerciseId));
    }

    /** Moves an exercise one place up (earlier) or down. */
    public Programme moveExercise(ProgrammeId id, int version, String exerciseId, boolean up) {
        return change(id.value(), version, programme -> programme.moveExercise(exerciseId, up));
    }

    /** Sets one exercise's dose, keeping its progression rule. */
    public Programme setDose(ProgrammeId id, int version, String exerciseId, Exercise.Dose dose, String notes) {
        return setDose(id, version, exerciseId, dose, notes, null, null);
    }

    /** Sets one exercise's dose and, when given, its rule for moving on (see {@link Programme#changeDose}). */
    public Programme setDose(ProgrammeId id, int version, String exerciseId, Exercise.Dose dose, String notes, Integer progressWeeks, Integer progressPain) {
        return change(id.value(), version, programme -> programme.changeDose(exerciseId, dose, notes, progressWeeks, progressPain));
    }

    /** Moves a programme's dates; the start cannot move past a day the patient has logged. */
    public Programme setDates(ProgrammeId id, int version, LocalDate start, LocalDate end) {
        return change(id.value(), version, programme -> programme.moveDates(start, end, logs.firstDay(id.value())));
    }

    /** Suggestions from the progression rules (see {@link Programme#suggestions}); nothing changes until a clinician accepts one. */
    @Transactional(readOnly = true)
    public List<Programme.Suggestion> suggestions(ProgrammeId programmeId) {
        Programme programme = read(programmeId);
        return programme.suggestions(logs.of(programmeId.value()), today(), exercise -> library.read(exercise, ExerciseLibrary.ENGLISH),
                programmes.answeredSuggestions(programmeId.value()));
    }

    /** Accepts a suggestion (the harder version replaces the exercise in a new version) or rejects it with the reason. */
    public Programme decide(ProgrammeId programmeId, int version, String fromExercise, String toExercise, boolean accept, String reason) {
        Programme programme = changeable(programmeId.value(), version);
        Programme.Suggestion suggestion = suggestions(programmeId).stream()
                .filter(s -> s.fromExercise().equals(fromExercise) && s.toExercise().equals(toExercise)).findFirst()
                .orElseThrow(() -> new InvalidInputException("suggestion", "That suggestion no longer applies"));
        String why = reason == null ? "" : reason.strip();
        if (!accept && why.isEmpty()) {
            throw new InvalidInputException("reason", "Say why you are not moving on to the harder version");
        }
        programmes.recordDecision(programmeId.value(), suggestion, accept, why.isEmpty() ? suggestion.reason() : why, currentActor.get().username(),
                clock.instant());
        if (accept) {
            programme.progress(suggestion, library.read(toExercise, ExerciseLibrary.ENGLISH));
            programmes.save(programme, currentActor.get().username(), clock.instant());
        }
        return programme;
    }

    private Programme change(UUID id, int version, Consumer<Programme> change) {
        Programme programme = changeable(id, version);
        change.accept(programme);
        programmes.save(programme, currentActor.get().username(), clock.instant());
        return programme;
    }

    private Programme changeable(UUID id, int version) {
        clinician();
        Programme programme = read(ProgrammeId.of(id));
        programme.requireVersion(version);
        return programme;
    }

    /** Records what the patient did, on the day it was done (see {@link #log(UUID, NewSessionLog)}). */
    public SessionLog log(ProgrammeId programmeId, String clientKey, String exerciseId, LocalDate day, SessionLog.Outcome outcome, Integer setsDone,
                          Integer repsDone, Integer pain, SessionLog.Difficulty difficulty, String comment) {
        return log(programmeId, new NewSessionLog(clientKey, exerciseId, day, null, outcome, setsDone, repsDone, pain, difficulty, comment));
    }

    /**
     * Records what the patient did, on the day (and at the moment, when the phone says) it was done: a
     * session saved offline and sent days later still counts for its own day. The key is the
     * patient's for this programme: the same key with the same log returns the first log and stores
     * nothing; with a different log it is refused (422); another programme's key is never looked at.
     */
    public SessionLog log(ProgrammeId programmeId, NewSessionLog entry) {
        entry.checkKey();
        SessionLogs.Target programme = lockedForLog(programmeId.value());
        Optional<SessionLog> earlier = logs.byKey(programmeId.value(), entry.clientKey());
        if (earlier.isPresent()) {
            if (!entry.sameAs(earlier.get())) {
                throw new IdempotencyKeyReusedException();
            }
            return earlier.get();
        }
        entry.check(programme.startDate(), programme.endDate(), today(), clock.instant());
        return logs.insert(programme, entry, null, currentActor.get().username(), clock.instant());
    }

    /** Corrects a log: a new log replaces it; the original stays in the history marked CORRECTED. */
    public SessionLog correct(UUID logId, NewSessionLog correction) {
        correction.checkKey();
        SessionLog first = logs.find(logId).orElseThrow(() -> new NotFoundException("log " + logId));
        SessionLogs.Target programme = lockedForLog(first.programmeId().value());
        Optional<SessionLog> existing = logs.byKey(first.programmeId().value(), correction.clientKey());
        if (existing.isPresent()) {
            return existing.get();
        }
        SessionLog old = currentLog(logId);
        NewSessionLog replacement = correction.correcting(old);
        replacement.check(programme.startDate(), programme.endDate(), today(), clock.instant());
        logs.markCorrected(logId);
        return logs.insert(programme, replacement, logId, currentActor.get().username(), clock.instant());
    }

    public SessionLog correct(UUID logId, String clientKey, SessionLog.Outcome outcome, Integer setsDone, Integer repsDone, Integer pain,
                              SessionLog.Difficulty difficulty, String comment) {
        return correct(logId, new NewSessionLog(clientKey, null, null, null, outcome, setsDone, repsDone, pain, difficulty, comment));
    }

    /** Withdraws a log made by mistake: it no longer counts but stays in the history. */
    public void withdraw(UUID logId) {
        SessionLog old = currentLog(logId);
        read(old.programmeId());
        logs.withdraw(logId, currentActor.get().username(), clock.instant());
    }

    @Transactional(readOnly = true)
    public List<SessionLog> logs(ProgrammeId programmeId) {
        read(programmeId);
        return logs.of(programmeId.value());
    }

    /** The programme's adherence (see {@link Adherence}): the one computation the page, its chart, the caseload and the API share. */
    @Transactional(readOnly = true)
    public Adherence adherence(ProgrammeId programmeId) {
        Programme programme = read(programmeId);
        return Adherence.of(programmes.prescription(programme), logs.of(programmeId.value()), today());
    }

    /** A programme in brief, for a summary of someone's care: its dates and the share of prescribed exercise done (null before any was due). */
    public record Summary(ProgrammeId id, String title, LocalDate start, LocalDate end, Double done) {}

    /** The patient's programmes that ran on any day from {@code from} to {@code to}, each with its adherence up to {@code to} or today. */
    @Transactional(readOnly = true)
    public List<Summary> summaries(PatientId patientId, LocalDate from, LocalDate to) {
        LocalDate today = today();
        return programmes.overlapping(patientId.value(), from, to).stream().map(ProgrammeId::of).map(this::read).map(p -> {
            Adherence adherence = Adherence.of(programmes.prescription(p), logs.of(p.id().value()), today);
            LocalDate last = java.util.stream.Stream.of(p.endDate(), to, today).min(LocalDate::compareTo).orElseThrow();
            return new Summary(p.id(), p.title(), p.startDate(), p.endDate(), last.isBefore(p.startDate()) ? null : adherence.share(p.startDate(), last));
        }).toList();
    }

    /**
     * A rating by the patient: how useful a demonstration was (1 not at all .. 4 very useful) or,
     * with no exercise, how the programme is working (1 much worse .. 7 much better). Idempotent by key.
     */
    public void rate(ProgrammeId programmeId, String clientKey, String exerciseId, int answer) {
        Programme programme = read(programmeId);
        if (!currentActor.get().isPatient(programme.patientId().value())) {
            throw new AccessDeniedException("Only the patient rates their programme");
        }
        boolean demonstration = exerciseId != null && !exerciseId.isBlank();
        if (demonstration && programme.items().stream().noneMatch(i -> i.exerciseId().equals(exerciseId))) {
            throw new InvalidInputException("exercise", "That exercise is not in your programme");
        }
        if (answer < 1 || answer > (demonstration ? 4 : 7)) {
            throw new InvalidInputException("answer", "Choose one of the answers");
        }
        logs.lock(programmeId.value());
        ratings.rate(programmeId.value(), programme.patientId().value(), clientKey, demonstration ? exerciseId : null, answer, clock.instant());
    }

    /** The red-flag questions a patient can answer in the app (their wording for patients). */
    public List<RedFlagQuestion> symptomQuestions() {
        return redFlagQuestions.all();
    }

    /**
     * A patient reports worrying symptoms in the app: the referral module raises its red-flag task
     * (4 hours for an emergency, 24 for urgent) and the caseload shows an alert. Returns the level.
     */
    public RedFlagLevel reportSymptoms(ProgrammeId programmeId, Set<String> flags, String detail) {
        Programme programme = read(programmeId);
        if (!currentActor.get().isPatient(programme.patientId().value())) {
            throw new AccessDeniedException("Only the patient reports their symptoms here");
        }
        if (flags.isEmpty()) {
            throw new InvalidInputException("flags", "Tick the symptoms you have, or go back if you have none of them");
        }
        RedFlagScreen screen = redFlagQuestions.screen(flags, flags);
        String said = detail == null || detail.isBlank() ? null : detail.strip();
        redFlags.reportRedFlag(programme.patientId(), programme.icbCode(), flags, RedFlagSource.PATIENT_APP,
                said == null ? "Reported in the exercise app" : said);
        jdbc.sql("insert into symptom_report (id, programme_id, flags, level, detail, reported_at) values (:id, :p, :flags, :level, :detail, :at)")
                .param("id", UUID.randomUUID()).param("p", programmeId.value()).param("flags", String.join(",", screen.yes()))
                .param("level", screen.level().name()).param("detail", said).param("at", Timestamp.from(clock.instant())).update();
        return screen.level();
    }

    private SessionLogs.Target lockedForLog(UUID programmeId) {
        SessionLogs.Target target = logs.lock(programmeId);
        allowed(programmeId, target.patientId(), target.icbCode());
        return target;
    }

    private SessionLog currentLog(UUID id) {
        SessionLog log = logs.find(id).orElseThrow(() -> new NotFoundException("log " + id));
        if (!log.isCurrent()) {
            throw new InvalidInputException("log", "This log has already been corrected or withdrawn");
        }
        return log;
    }

    private Programme allowed(Programme programme) {
        allowed(programme.id().value(), programme.patientId().value(), programme.icbCode());
        return programme;
    }

    private void allowed(UUID id, UUID patientId, String icbCode) {
        Actor actor = currentActor.get();
        boolean allowed = actor.isPatient() ? actor.isPatient(patientId)
                : (actor.role() == Role.CLINICIAN || actor.role() == Role.SERVICE_MANAGER) && actor.serves(icbCode);
        if (!allowed) {
            // refused and audited against the programme's patient (committed on its own, whatever happens next)
            audit.denied(patientId, AuditAction.READ, "ExerciseProgramme", id.toString());
            throw new AccessDeniedException("This programme is not yours to see");
        }
    }

    private Actor clinician() {
        Actor actor = currentActor.get();
        if (actor.role() != Role.CLINICIAN) {
            throw new AccessDeniedException("Only clinicians build programmes");
        }
        return actor;
    }

    private LocalDate today() {
        return LimberTime.today(clock);
    }

    /** What today's page needs: the exercises logged as done (or partly) today. */
    @Transactional(readOnly = true)
    public Set<String> doneToday(ProgrammeId programmeId) {
        LocalDate today = today();
        return new java.util.HashSet<>(logs(programmeId).stream()
                .filter(l -> l.isCurrent() && l.day().equals(today) && l.outcome() != SessionLog.Outcome.NOT_DONE)
                .map(SessionLog::exerciseId).toList());
    }
}

package health.limber.outcome;

import health.limber.identity.Actor;
import health.limber.identity.AuditAction;
import health.limber.identity.AuditLog;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.outcome.internal.ResponseJson;
import health.limber.outcome.internal.ResponseStore;
import health.limber.patient.Patient;
import health.limber.patient.PatientId;
import health.limber.patient.PatientManagement;
import health.limber.platform.ConflictException;
import health.limber.platform.IdempotencyKeyReusedException;
import health.limber.platform.InvalidFieldsException;
import health.limber.platform.InvalidInputException;
import health.limber.platform.LimberTime;
import health.limber.platform.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answering questionnaires: the person in the app (one question at a time, saved as they go), staff
 * entering a paper form on the person's behalf, or another system. A completed response is scored
 * by the engine at once, closes what was due, and a red-flag answer raises a red-flag task in the
 * same transaction. Every read and write is audited; the person and staff serving their ICB only.
 */
@Service
public class OutcomeResponses {

    static final String RESOURCE = "QuestionnaireResponse";

    private final Questionnaires questionnaires;
    private final ResponseStore store;
    private final OutcomeSchedules schedules;
    private final PatientManagement patients;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OutcomeResponses(Questionnaires questionnaires, ResponseStore store, OutcomeSchedules schedules, PatientManagement patients,
                     CurrentActor currentActor, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.questionnaires = questionnaires;
        this.store = store;
        this.schedules = schedules;
        this.patients = patients;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Starts (or resumes) answering what is due: the response already in progress for it, else a new
     * one. PSFS starts with the activities the person named last time, to be re-rated.
     */
    @Transactional
    public OutcomeResponse startDue(UUID dueId) {
        OutcomeDue due = schedules.find(dueId).orElseThrow(() -> new NotFoundException("No such questionnaire is due"));
        Patient patient = mayAnswer(due.patientId());
        if (due.status() != OutcomeDue.Status.DUE) {
            throw new ConflictException("due", "This questionnaire is no longer due (" + due.status().label().toLowerCase() + ")", null);
        }
        var existing = store.inProgressFor(dueId);
        if (existing.isPresent()) {
            return labelled(existing.get());
        }
        QuestionnaireDefinition definition = questionnaires.get(due.instrument());
        Answers start = new Answers();
        if (definition.item("activity-name").isPresent()) {
            store.completed(due.patientId()).stream().filter(r -> r.instrument().equals(due.instrument())).reduce((a, b) -> b)
                    .ifPresent(last -> start.put("activity-name", last.answers().get("activity-name")));
        }
        OutcomeResponse response = new OutcomeResponse(UUID.randomUUID(), patient.id().value(), patient.icbCode(), dueId, definition.key(),
                definition.version(), start, OutcomeResponse.Status.IN_PROGRESS,
                currentActor.get().isPatient() ? OutcomeResponse.Source.PATIENT_APP : OutcomeResponse.Source.PAPER, currentActor.get().username(),
                clock.instant(), null, null, List.of(), null, 0);
        store.insert(response, ResponseJson.write(definition, response.patientId(), start, false, clock.instant()), "due:" + dueId + ":" + response.id());
        audit.allowed(response.patientId(), AuditAction.CREATE, RESOURCE, response.id().toString());
        return response;
    }

    @Transactional
    public OutcomeResponse read(UUID responseId) {
        OutcomeResponse response = store.find(responseId).orElseThrow(() -> new NotFoundException("No such questionnaire response"));
        mayRead(response.patientId());
        audit.allowed(response.patientId(), AuditAction.READ, RESOURCE, responseId.toString());
        return labelled(response);
    }

    /** Saves some answers of a response in progress (checked, required items not yet), on the version read. */
    @Transactional
    public OutcomeResponse save(UUID responseId, long version, Answers changed) {
        OutcomeResponse response = inProgress(responseId);
        QuestionnaireDefinition definition = definitionOf(response);
        Answers merged = new Answers(response.answers().asMap());
        changed.asMap().forEach(merged::put);
        reject(Scoring.problems(definition, changed, false));
        if (!store.update(responseId, version, ResponseJson.write(definition, response.patientId(), merged, false, clock.instant()),
                OutcomeResponse.Status.IN_PROGRESS, null, null, null, List.of())) {
            throw new ConflictException("version", "These answers were changed in another window: open the questionnaire again", null);
        }
        audit.allowed(response.patientId(), AuditAction.UPDATE, RESOURCE, responseId.toString());
        return labelled(store.find(responseId).orElseThrow());
    }

    /** Clears an item's answers (the person went back and left it blank). */
    @Transactional
    public OutcomeResponse clear(UUID responseId, long version, String linkId) {
        return save(responseId, version, new Answers().put(linkId, List.of()));
    }

    /**
     * Sends a response in progress: refused, naming each item, while a required item that is asked
     * has no answer; otherwise scored and completed. Sending again changes nothing.
     */
    @Transactional
    public OutcomeResponse submit(UUID responseId, long version) {
        OutcomeResponse response = store.find(responseId).orElseThrow(() -> new NotFoundException("No such questionnaire response"));
        mayAnswer(response.patientId());
        if (response.completed()) {
            return labelled(response);
        }
        QuestionnaireDefinition definition = definitionOf(response);
        reject(Scoring.problems(definition, response.answers(), true));
        Scoring.Scored scored = Scoring.score(definition, response.answers());
        Instant now = clock.instant();
        if (!store.update(responseId, version, ResponseJson.write(definition, response.patientId(), response.answers(), true, now),
                OutcomeResponse.Status.COMPLETED, now, LimberTime.today(clock), scored.group().orElse(null), scored.scores())) {
            throw new ConflictException("version", "These answers were changed in another window: open the questionnaire again", null);
        }
        completed(response, scored);
        return labelled(store.find(responseId).orElseThrow());
    }

    /**
     * Records a whole response at once (a paper form entered by staff, another system, the exercise
     * app's rating). The client's key makes it idempotent: the same key and answers again return
     * the response kept; the same key with other answers is refused.
     *
     * @param dueId  what it answers, if anything was due
     * @param source who entered it (a patient always enters their own, whatever is claimed)
     */
    @Transactional
    public OutcomeResponse record(PatientId patientId, String instrument, Answers answers, UUID dueId, String clientKey,
                                  OutcomeResponse.Source source) {
        Patient patient = mayAnswer(patientId.value());
        OutcomeResponse.Source from = currentActor.get().isPatient() && source != OutcomeResponse.Source.EXERCISE_APP
                ? OutcomeResponse.Source.PATIENT_APP : source;
        if (clientKey == null || clientKey.isBlank() || clientKey.length() > 100) {
            throw new InvalidInputException("clientKey", "Give the response a key of 1 to 100 characters, so sending it twice keeps one");
        }
        QuestionnaireDefinition definition = questionnaires.get(instrument);
        var earlier = store.byClientKey(patient.id().value(), clientKey);
        if (earlier.isPresent()) {
            if (!earlier.get().instrument().equals(instrument) || !earlier.get().answers().equals(answers)) {
                throw new IdempotencyKeyReusedException();
            }
            return labelled(earlier.get());
        }
        if (dueId != null) {
            OutcomeDue due = schedules.find(dueId).filter(d -> d.patientId().equals(patient.id().value()))
                    .orElseThrow(() -> new InvalidInputException("dueId", "Nothing of this person's is due with that id"));
            if (!due.instrument().equals(instrument)) {
                throw new InvalidInputException("dueId", "What is due there is " + due.instrument() + ", not " + instrument);
            }
        }
        reject(Scoring.problems(definition, answers, true));
        Scoring.Scored scored = Scoring.score(definition, answers);
        Instant now = clock.instant();
        OutcomeResponse response = new OutcomeResponse(UUID.randomUUID(), patient.id().value(), patient.icbCode(), dueId, definition.key(),
                definition.version(), answers, OutcomeResponse.Status.COMPLETED, from, currentActor.get().username(), now,
                now, LimberTime.today(clock), scored.scores(), scored.group().orElse(null), 0);
        store.insert(response, ResponseJson.write(definition, response.patientId(), answers, true, now), clientKey);
        audit.allowed(response.patientId(), AuditAction.CREATE, RESOURCE, response.id().toString());
        completed(response, scored);
        return labelled(store.find(response.id()).orElseThrow());
    }

    /** A person's completed responses, oldest first, with scores: for the person and staff who may read the record. */
    @Transactional
    public List<OutcomeResponse> ofPatient(PatientId patientId) {
        mayRead(patientId.value());
        List<OutcomeResponse> responses = store.completed(patientId.value()).stream().map(this::labelled).toList();
        responses.forEach(r -> audit.allowed(r.patientId(), AuditAction.READ, RESOURCE, r.id().toString()));
        return responses;
    }

    /**
     * Meaningful change per instrument that declares it, within one episode of care: from the first
     * response to the latest of the most recent episode with two or more (answers not given for
     * something due count as their own episode).
     */
    public Map<String, Change> changes(List<OutcomeResponse> responses) {
        Map<UUID, UUID> episodeOf = new java.util.HashMap<>();
        responses.stream().map(OutcomeResponse::dueId).filter(java.util.Objects::nonNull).distinct()
                .forEach(due -> schedules.find(due).ifPresent(d -> episodeOf.put(due, d.episodeId())));
        Map<String, Change> changes = new java.util.LinkedHashMap<>();
        responses.stream().map(OutcomeResponse::instrument).distinct().forEach(instrument -> {
            Map<UUID, List<OutcomeResponse>> byEpisode = new java.util.LinkedHashMap<>();
            responses.stream().filter(r -> r.instrument().equals(instrument))
                    .forEach(r -> byEpisode.computeIfAbsent(r.dueId() == null ? NO_EPISODE : episodeOf.getOrDefault(r.dueId(), NO_EPISODE),
                            k -> new java.util.ArrayList<>()).add(r));
            byEpisode.values().stream().filter(own -> own.size() >= 2).reduce((first, second) -> second).ifPresent(own ->
                    questionnaires.get(instrument).rules().change(own.get(0).scores(), own.get(own.size() - 1).scores())
                            .ifPresent(change -> changes.put(instrument, change)));
        });
        return changes;
    }

    private static final UUID NO_EPISODE = new UUID(0, 0);

    private void completed(OutcomeResponse response, Scoring.Scored scored) {
        audit.allowed(response.patientId(), AuditAction.UPDATE, RESOURCE, response.id().toString());
        if (response.dueId() != null) {
            schedules.returned(response.dueId(), response.id(), LimberTime.today(clock), headline(response.instrument(), scored),
                    scored.group().orElse(null));
        }
        if (!scored.redFlags().isEmpty()) {
            Set<String> flags = new LinkedHashSet<>();
            scored.redFlags().forEach(f -> flags.add(f.flag()));
            events.publishEvent(new RedFlagAnswered(response.patientId(), response.icbCode(), response.id(), response.instrument(), flags,
                    String.join("; ", scored.redFlags().stream().map(ScoringRules.RedFlagRule::says).toList())));
        }
    }

    /** The score meaningful change is judged on, if the instrument declares one. */
    private Double headline(String instrument, Scoring.Scored scored) {
        var change = questionnaires.get(instrument).rules().change();
        return change == null ? null : scored.score(change.score()).map(Score::value).orElse(null);
    }

    private OutcomeResponse inProgress(UUID responseId) {
        OutcomeResponse response = store.find(responseId).orElseThrow(() -> new NotFoundException("No such questionnaire response"));
        mayAnswer(response.patientId());
        if (response.completed()) {
            throw new ConflictException("status", "This questionnaire has been sent: its answers cannot be changed", null);
        }
        return response;
    }

    private QuestionnaireDefinition definitionOf(OutcomeResponse response) {
        return questionnaires.get(response.instrument());
    }

    private OutcomeResponse labelled(OutcomeResponse r) {
        var rules = questionnaires.find(r.instrument()).map(QuestionnaireDefinition::rules).orElse(null);
        if (rules == null) {
            return r;
        }
        List<Score> scores = rules.scores().stream().map(rule -> r.score(rule.id())
                .map(s -> new Score(rule.id(), rule.label(), s.value(), s.band()))).flatMap(java.util.Optional::stream).toList();
        return new OutcomeResponse(r.id(), r.patientId(), r.icbCode(), r.dueId(), r.instrument(), r.instrumentVersion(), r.answers(), r.status(),
                r.source(), r.enteredBy(), r.startedAt(), r.completedAt(), r.completedOn(), scores, r.group(), r.version());
    }

    private static void reject(Map<String, String> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
    }

    /** The person themselves, or a clinician or service manager serving their ICB (entering a paper form). */
    private Patient mayAnswer(UUID patientId) {
        Actor actor = currentActor.get();
        if (!actor.isPatient(patientId) && actor.role() != Role.CLINICIAN && actor.role() != Role.SERVICE_MANAGER) {
            audit.denied(patientId, AuditAction.UPDATE, RESOURCE, patientId.toString());
            throw new AccessDeniedException("Not allowed to answer for this person");
        }
        return patients.read(PatientId.of(patientId));
    }

    private Patient mayRead(UUID patientId) {
        return patients.read(PatientId.of(patientId));
    }
}

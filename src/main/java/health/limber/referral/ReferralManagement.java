package health.limber.referral;

import health.limber.identity.Actor;
import health.limber.identity.AuditAction;
import health.limber.identity.AuditLog;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.organisation.Organisations;
import health.limber.patient.Patient;
import health.limber.patient.PatientInput;
import health.limber.patient.PatientManagement;
import health.limber.platform.ConflictException;
import health.limber.platform.InvalidInputException;
import health.limber.platform.LimberTime;
import health.limber.platform.NotFoundException;
import health.limber.platform.Storage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * The referral module's API: receive referrals (staff, integrating systems, the public), the triage
 * worklist and decision, and red-flag tasks. Staff see referrals of the ICBs their organisation
 * serves; every read and change of a referral is audited.
 */
@Service
public class ReferralManagement {

    private static final Logger log = LoggerFactory.getLogger(ReferralManagement.class);
    private static final String RESOURCE = "Referral";
    private static final String REFERENCE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
    private static final Set<Role> TRIAGERS = Set.of(Role.CLINICIAN, Role.SERVICE_MANAGER);
    private static final Set<Role> INTAKE = Set.of(Role.CLINICIAN, Role.SERVICE_MANAGER, Role.ADMIN);

    private final Referrals referrals;
    private final RedFlagTasks tasks;
    private final ReferralQueries queries;
    private final RedFlagQuestions questions;
    private final ReferralReasons reasons;
    private final Organisations organisations;
    private final PatientManagement patients;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Storage storage;
    private final DataSize attachmentLimit;
    private final SecureRandom random = new SecureRandom();

    ReferralManagement(Referrals referrals, RedFlagTasks tasks, ReferralQueries queries, RedFlagQuestions questions,
                       ReferralReasons reasons, Organisations organisations, PatientManagement patients,
                       CurrentActor currentActor, AuditLog audit, ApplicationEventPublisher events, Clock clock,
                       Storage storage, @Value("${limber.referral.max-attachment-size:10MB}") DataSize attachmentLimit) {
        this.referrals = referrals;
        this.tasks = tasks;
        this.queries = queries;
        this.questions = questions;
        this.reasons = reasons;
        this.organisations = organisations;
        this.patients = patients;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.storage = storage;
        this.attachmentLimit = attachmentLimit;
    }

    /**
     * A referral entered by staff or sent by an integrating system. Checked against the ICBs the
     * staff member's organisation serves; linked to the patient record when the NHS number finds
     * exactly one (clinicians and service managers; administrators' referrals are linked at triage).
     */
    @Transactional
    public Referral receive(ReferralInput input) {
        return receive(input, List.of());
    }

    /**
     * A referral with its letter(s). Every field and every file is checked before anything is kept;
     * files stored for a referral whose transaction then fails are removed again.
     */
    @Transactional
    public Referral receive(ReferralInput input, List<AttachmentUpload> letters) {
        Actor actor = require(INTAKE, null);
        NewReferral details = input.check(organisations, questions, reasons, actor.servedIcbs(), today());
        List<String> types = letters.stream().map(letter -> letter.check("letter", attachmentLimit)).toList();
        Referral referral = Referral.receive(details, newReference(), clock.instant(), actor.username(), null);
        for (int i = 0; i < letters.size(); i++) {
            referral.attach(store(referral.id(), letters.get(i), types.get(i), actor));
        }
        if (details.nhsNumber() != null && TRIAGERS.contains(actor.role())) {
            List<Patient> found = patients.findByNhsNumber(details.nhsNumber().value());
            if (found.size() == 1) {
                referral.linkPatient(found.get(0).id(), "NHS number " + details.nhsNumber().formatted(), actor.username(),
                        clock.instant());
            }
        }
        Referral saved = referrals.save(referral);
        raiseIntakeTask(saved, RedFlagSource.INTAKE);
        audit.allowed(saved.patientId().orElse(null), AuditAction.CREATE, RESOURCE, saved.id().toString());
        return saved;
    }

    /**
     * A self-referral from the public pages. Nobody is signed in; the referral is never linked to a
     * record automatically (a clinician confirms any match at triage). {@code submissionKey} makes a
     * double submit, or a retry after a lost reply, return the first referral.
     */
    @Transactional
    public Referral submitSelfReferral(ReferralInput input, String submissionKey) {
        Optional<Referral> earlier = referrals.findBySubmissionKey(submissionKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        NewReferral details = checkedSelfReferral(input);
        return saveSelfReferral(Referral.receive(details, newReference(), clock.instant(), "self-referral", submissionKey));
    }

    /**
     * Records a self-referral the moment a red flag is answered, with what is known so far, and
     * raises its task (4 hours for an emergency flag, 24 for an urgent one). The same key again finds
     * it; {@link #finishSelfReferral} adds the rest of the form if the person finishes.
     */
    @Transactional
    public Referral recordSelfReferralAtRedFlag(ReferralInput input, String submissionKey) {
        Optional<Referral> earlier = referrals.findBySubmissionKey(submissionKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        NewReferral details = checkedSelfReferral(input);
        if (!details.redFlags().hasRedFlag()) {
            throw new InvalidInputException("redFlags", "Only a red-flag answer records a referral before the form is finished");
        }
        return saveSelfReferral(Referral.receiveAtRedFlag(details, newReference(), clock.instant(), "self-referral", submissionKey));
    }

    /**
     * The person sends the finished form. If it was recorded at a red flag, the rest of the answers
     * are added to that referral (no second referral, no second task); otherwise it is received now.
     */
    @Transactional
    public Referral finishSelfReferral(ReferralInput input, String submissionKey) {
        Optional<Referral> earlier = referrals.findBySubmissionKey(submissionKey);
        if (earlier.isEmpty()) {
            return submitSelfReferral(input, submissionKey);
        }
        Referral referral = earlier.get();
        if (!referral.answersComplete()) {
            referral.completeForm(checkedSelfReferral(input), clock.instant(), "self-referral");
            referral = referrals.save(referral);
        }
        return referral;
    }

    private NewReferral checkedSelfReferral(ReferralInput input) {
        NewReferral details = input.check(organisations, questions, reasons, organisations.servedIcbs(), today());
        if (details.source() != ReferralSource.SELF) {
            throw new InvalidInputException("source", "The public form only takes self-referrals");
        }
        return details;
    }

    private Referral saveSelfReferral(Referral referral) {
        Referral saved;
        try {
            saved = referrals.save(referral);
        } catch (DuplicateKeyException raced) {
            throw new ConflictException("submissionKey", "This form was already sent", null);
        }
        raiseIntakeTask(saved, RedFlagSource.SELF_REFERRAL);
        return saved;
    }

    /** Adds a letter to a referral already received (staff who can enter or triage referrals). */
    @Transactional
    public ReferralAttachment attach(UUID id, AttachmentUpload letter) {
        Referral referral = referrals.findById(id).orElseThrow(() -> new NotFoundException("No referral " + id));
        Actor actor = require(INTAKE, referral);
        String type = letter.check("file", attachmentLimit);
        ReferralAttachment attachment = store(referral.id(), letter, type, actor);
        referral.attach(attachment);
        try {
            referrals.save(referral);
        } catch (OptimisticLockingFailureException raced) {
            throw new ConflictException("version", "Someone else changed this referral at the same moment; try again", null);
        }
        audit.allowed(referral.patientId().orElse(null), AuditAction.UPDATE, RESOURCE, id.toString());
        return attachment;
    }

    /** Opens a referral's letter for a member of staff who may read the referral; the read is audited. */
    @Transactional
    public StoredAttachment openAttachment(UUID id, UUID attachmentId) {
        Referral referral = referrals.findById(id).orElseThrow(() -> new NotFoundException("No referral " + id));
        require(TRIAGERS, referral);
        ReferralAttachment attachment = referral.attachments().stream().filter(a -> a.id().equals(attachmentId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No attachment " + attachmentId + " on referral " + id));
        audit.allowed(referral.patientId().orElse(null), AuditAction.READ, "ReferralAttachment", attachmentId.toString());
        try {
            return new StoredAttachment(attachment, storage.open(attachment.storageKey()));
        } catch (IOException e) {
            throw new UncheckedIOException("The file of attachment " + attachmentId + " cannot be read", e);
        }
    }

    /** An attachment's details with its bytes, to stream back to the reader (who closes it). */
    public record StoredAttachment(ReferralAttachment attachment, InputStream content) {}

    private ReferralAttachment store(UUID referralId, AttachmentUpload letter, String type, Actor actor) {
        UUID attachmentId = UUID.randomUUID();
        String key = "referrals/" + referralId + "/" + attachmentId;
        try {
            storage.put(key, new ByteArrayInputStream(letter.content()));
        } catch (IOException e) {
            throw new UncheckedIOException("The letter could not be stored", e);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    try {
                        storage.delete(key);
                    } catch (IOException e) {
                        log.warn("Could not remove {} after a failed referral transaction", key, e);
                    }
                }
            }
        });
        return new ReferralAttachment(attachmentId, letter.filename(), type, letter.content().length, sha256(letter.content()),
                key, clock.instant(), actor.username());
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The referral a self-referral submission made, if it was made (for the confirmation page). */
    @Transactional(readOnly = true)
    public Optional<Referral> findSubmitted(String submissionKey) {
        return referrals.findBySubmissionKey(submissionKey);
    }

    @Transactional
    public Referral read(UUID id) {
        Referral referral = referrals.findById(id).orElseThrow(() -> new NotFoundException("No referral " + id));
        require(TRIAGERS, referral);
        audit.allowed(referral.patientId().orElse(null), AuditAction.READ, RESOURCE, id.toString());
        return referral;
    }

    /** The triage worklist of the ICBs the signed-in clinician's organisation serves. */
    @Transactional(readOnly = true)
    public ReferralQueries.WorklistPage worklist(ReferralQueries.WorklistFilter filter) {
        Actor actor = require(TRIAGERS, null);
        return queries.worklist(actor.servedIcbs(), filter, today(), clock.instant());
    }

    /**
     * Records that possible patient records were shown to the clinician at triage: by NHS number,
     * then by last name and date of birth (each hit is audited as a search by the patient module).
     */
    @Transactional
    public Map<UUID, PatientMatch> possibleMatches(Referral referral) {
        require(TRIAGERS, referral);
        Map<UUID, PatientMatch> matches = new LinkedHashMap<>();
        if (referral.nhsNumber() != null) {
            patients.findByNhsNumber(referral.nhsNumber())
                    .forEach(p -> matches.put(p.id(), PatientMatch.of(p, "Same NHS number")));
        }
        patients.findByNameAndBirthDate(referral.familyName(), referral.birthDate()).forEach(p ->
                matches.putIfAbsent(p.id(), PatientMatch.of(p, referral.postcode() != null
                        && p.postcode().map(pc -> pc.value().equals(referral.postcode())).orElse(false)
                        ? "Same last name, date of birth and postcode" : "Same last name and date of birth")));
        return matches;
    }

    /**
     * Records the triage decision. {@code patientChoice} is {@code existing:<id>} to link a record the
     * clinician confirmed, {@code new} to create one from the referral, or null when already linked.
     */
    @Transactional
    public Referral triage(UUID id, long version, TriageDecision decision, String patientChoice, String nhsNumber) {
        Referral referral = referrals.findById(id).orElseThrow(() -> new NotFoundException("No referral " + id));
        Actor actor = require(TRIAGERS, referral);
        if (referral.version() != version) {
            throw new ConflictException("version", "Someone else changed this referral while you were looking at it. "
                                                   + "Check the referral again before recording the decision", null);
        }
        if (referral.patientId().isEmpty() && decision.outcome() == TriageOutcome.ACCEPT) {
            linkChosenPatient(referral, patientChoice, actor);
        }
        if (decision.outcome() == TriageOutcome.ACCEPT && referral.nhsNumber() == null) {
            confirmNhsNumber(referral, nhsNumber, actor);
        }
        referral.triage(decision, actor.username(), actor.organisationCode(), clock.instant(), today());
        if (decision.outcome() == TriageOutcome.ACCEPT && decision.isRoutineOrSelfManagement()
            && referral.redFlagLevel().isRedFlag()) {
            audit.allowed(referral.patientId().orElse(null), AuditAction.RED_FLAG_OVERRIDE, RESOURCE, id.toString());
        }
        try {
            referral = referrals.save(referral);
        } catch (OptimisticLockingFailureException raced) {
            throw new ConflictException("version", "Someone else triaged this referral at the same moment", null);
        }
        audit.allowed(referral.patientId().orElse(null), AuditAction.UPDATE, RESOURCE, id.toString());
        return referral;
    }

    /**
     * An accepted referral joins the waiting list, which is keyed by NHS number: it comes from the
     * form (traced by the clinician) or from the linked patient record.
     */
    private void confirmNhsNumber(Referral referral, String typed, Actor actor) {
        health.limber.patient.NhsNumber number = null;
        if (typed != null && !typed.isBlank()) {
            number = health.limber.patient.NhsNumber.parse(typed);
        } else if (referral.patientId().isPresent()) {
            number = patients.read(referral.patientId().get()).nhsNumber().orElse(null);
        }
        if (number == null) {
            throw new InvalidInputException("nhsNumber", "Enter the person's NHS number before accepting the referral "
                    + "(trace it on the Personal Demographics Service if the referral did not include it)");
        }
        referral.confirmNhsNumber(number, actor.username(), clock.instant());
    }

    private void linkChosenPatient(Referral referral, String patientChoice, Actor actor) {
        if (patientChoice == null || patientChoice.isBlank()) {
            throw new InvalidInputException("patient", "Choose the patient record this referral is for, or create a new one");
        }
        if (patientChoice.equals("new")) {
            Patient created = patients.create(newPatientInput(referral));
            referral.linkPatient(created.id(), "New patient record created at triage", actor.username(), clock.instant());
            return;
        }
        UUID chosen;
        try {
            chosen = UUID.fromString(patientChoice.replaceFirst("^existing:", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("patient", "Choose the patient record this referral is for, or create a new one");
        }
        Patient patient = patients.read(chosen);
        referral.linkPatient(patient.id(), "Confirmed by " + actor.username() + " at triage", actor.username(), clock.instant());
    }

    private PatientInput newPatientInput(Referral referral) {
        return new PatientInput(referral.nhsNumber() == null ? "" : referral.nhsNumber(),
                referral.nhsNumber() == null ? "Not given on the referral" : null, referral.givenName(),
                referral.familyName(), referral.birthDate().toString(), "UNKNOWN", referral.postcode(), referral.phone(),
                referral.email(), referral.preferredLanguage(), referral.interpreterNeeded(), referral.accessibilityNeeds(),
                null, referral.contactPreferences(), referral.gpPracticeCode(), referral.icbCode(),
                referral.workStatus().map(Enum::name).orElse(""), null);
    }

    /**
     * A red flag reported while the person waits (by the patient in the app, in a questionnaire or at
     * validation): raises a task at once and raises the level of the person's latest referral.
     */
    @Transactional
    public Optional<UUID> reportRedFlag(UUID patientId, String icbCode, Set<String> flagIds, RedFlagSource where, String detail) {
        Referral latest = patientId == null ? null
                : referrals.findByPatientIdOrderByReceivedOnDesc(patientId).stream().findFirst().orElse(null);
        return raise(latest, patientId, icbCode, flagIds, where, detail);
    }

    /**
     * The same for a person known by NHS number only (a pathway imported from another system): the
     * task goes to the person's latest referral if Limber has one, otherwise to the ICB's triage team.
     */
    @Transactional
    public Optional<UUID> reportRedFlag(String nhsNumber, String icbCode, Set<String> flagIds, RedFlagSource where, String detail) {
        Referral latest = referrals.findByNhsNumberOrderByReceivedOnDesc(nhsNumber).stream().findFirst().orElse(null);
        return raise(latest, latest == null ? null : latest.patientId().orElse(null), icbCode, flagIds, where, detail);
    }

    private Optional<UUID> raise(Referral latest, UUID patientId, String icbCode, Set<String> flagIds, RedFlagSource where,
                                 String detail) {
        for (String id : flagIds) {
            if (questions.find(id).isEmpty()) {
                throw new InvalidInputException("redFlags", "There is no red-flag question " + id);
            }
        }
        RedFlagScreen screen = questions.screen(flagIds, flagIds);
        if (!screen.hasRedFlag()) {
            return Optional.empty();
        }
        String by = currentActor.find().map(Actor::username).orElse("system");
        if (latest != null) {
            latest.reportRedFlags(screen.yes(), screen.level(), where.label(), by, clock.instant());
            referrals.save(latest);
        }
        RedFlagTask task = RedFlagTask.raise(latest == null ? null : latest.id(), patientId,
                latest == null ? icbCode : latest.icbCode(), screen.level(), where, String.join(",", screen.yes()), detail,
                clock.instant());
        tasks.save(task);
        events.publishEvent(new RedFlagTaskRaised(task.id(), task.referralId().orElse(null), task.icbCode(), task.level(),
                task.dueAt()));
        return Optional.of(task.id());
    }

    @Transactional(readOnly = true)
    public long openTaskCount() {
        Actor actor = require(TRIAGERS, null);
        return queries.countOpenTasks(actor.servedIcbs());
    }

    @Transactional(readOnly = true)
    public List<ReferralQueries.TaskRow> openTasks() {
        Actor actor = require(TRIAGERS, null);
        return queries.openTasks(actor.servedIcbs(), clock.instant());
    }

    @Transactional(readOnly = true)
    public List<RedFlagTask> tasksOf(Referral referral) {
        return tasks.findByReferralIdOrderByRaisedAt(referral.id());
    }

    @Transactional
    public RedFlagTask takeTask(UUID taskId) {
        RedFlagTask task = task(taskId);
        task.take(currentActor.get().username());
        return tasks.save(task);
    }

    @Transactional
    public RedFlagTask closeTask(UUID taskId, String whatWasDone) {
        RedFlagTask task = task(taskId);
        task.close(whatWasDone, currentActor.get().username(), clock.instant());
        audit.allowed(task.patientId().orElse(null), AuditAction.UPDATE, "RedFlagTask", taskId.toString());
        return tasks.save(task);
    }

    private RedFlagTask task(UUID taskId) {
        RedFlagTask task = tasks.findById(taskId).orElseThrow(() -> new NotFoundException("No task " + taskId));
        Actor actor = require(TRIAGERS, null);
        if (!actor.serves(task.icbCode())) {
            audit.denied(task.patientId().orElse(null), AuditAction.UPDATE, "RedFlagTask", taskId.toString());
            throw new org.springframework.security.access.AccessDeniedException("Not a task of your ICBs");
        }
        return task;
    }

    /** Every minute: overdue red-flag tasks are escalated (logged for the service's on-call alerting). */
    @Scheduled(fixedDelayString = "${limber.referral.escalation-check:PT1M}", initialDelayString = "PT20S")
    @Transactional
    public void escalateOverdueTasks() {
        for (UUID id : queries.escalateOverdue(clock.instant())) {
            log.warn("Red-flag task {} is overdue and has been escalated", id);
        }
    }

    public List<RedFlagQuestion> redFlagQuestions() {
        return questions.all();
    }

    public RedFlagQuestions questions() {
        return questions;
    }

    public ReferralReasons reasons() {
        return reasons;
    }

    private void raiseIntakeTask(Referral referral, RedFlagSource source) {
        if (!referral.redFlagLevel().isRedFlag()) {
            return;
        }
        RedFlagTask task = RedFlagTask.raise(referral.id(), referral.patientId().orElse(null), referral.icbCode(),
                referral.redFlagLevel(), source, String.join(",", referral.redFlagsYes()),
                referral.redFlagsYes().stream().map(id -> questions.find(id).map(RedFlagQuestion::staffText).orElse(id))
                        .reduce((a, b) -> a + "; " + b).orElse(""),
                clock.instant());
        tasks.save(task);
        events.publishEvent(new RedFlagTaskRaised(task.id(), referral.id(), referral.icbCode(), task.level(), task.dueAt()));
    }

    private Actor require(Set<Role> roles, Referral referral) {
        Actor actor = currentActor.get();
        boolean allowed = roles.contains(actor.role()) && (referral == null || actor.serves(referral.icbCode()));
        if (!allowed) {
            audit.denied(referral == null ? null : referral.patientId().orElse(null), AuditAction.READ, RESOURCE,
                    referral == null ? null : referral.id().toString());
            throw new org.springframework.security.access.AccessDeniedException("Not allowed to see this referral");
        }
        return actor;
    }

    private String newReference() {
        for (int attempt = 0; attempt < 10; attempt++) {
            var sb = new StringBuilder("MSK-");
            for (int i = 0; i < 8; i++) {
                if (i == 4) {
                    sb.append('-');
                }
                sb.append(REFERENCE_ALPHABET.charAt(random.nextInt(REFERENCE_ALPHABET.length())));
            }
            String reference = sb.toString();
            if (!queries.referenceTaken(reference)) {
                return reference;
            }
        }
        throw new IllegalStateException("Could not make a unique referral reference");
    }

    private LocalDate today() {
        return LimberTime.today(clock);
    }

    /** A patient record that may be the referred person, with why it was offered. */
    public record PatientMatch(UUID id, String name, LocalDate birthDate, String nhsNumber, String postcode, String why) {
        static PatientMatch of(Patient p, String why) {
            return new PatientMatch(p.id(), p.givenName() + " " + p.familyName(), p.birthDate(),
                    p.nhsNumber().map(n -> n.formatted()).orElse("not known"), p.postcode().map(pc -> pc.value()).orElse(""), why);
        }
    }

    static List<String> ids(List<RedFlagQuestion> list) {
        return new ArrayList<>(list.stream().map(RedFlagQuestion::id).toList());
    }
}

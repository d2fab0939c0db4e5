package health.limber.referral.internal;

import static health.limber.referral.internal.ReferralAccess.INTAKE;
import static health.limber.referral.internal.ReferralAccess.RESOURCE;
import static health.limber.referral.internal.ReferralAccess.TRIAGERS;

import health.limber.identity.Actor;
import health.limber.identity.AuditAction;
import health.limber.identity.AuditLog;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.organisation.Organisations;
import health.limber.patient.NhsNumber;
import health.limber.patient.Patient;
import health.limber.patient.PatientId;
import health.limber.patient.PatientInput;
import health.limber.patient.PatientManagement;
import health.limber.platform.ConflictException;
import health.limber.platform.InvalidInputException;
import health.limber.platform.LimberTime;
import health.limber.platform.NotFoundException;
import health.limber.referral.RedFlagQuestion;
import health.limber.referral.RedFlagQuestions;
import health.limber.referral.RedFlagSource;
import health.limber.referral.RedFlagTaskManagement;
import health.limber.referral.ReferralSource;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referral module's API: receive referrals (staff, integrating systems, the public), the triage
 * worklist and decision. Red-flag tasks are {@link RedFlagTaskManagement}'s, letters {@link ReferralAttachments}'. Staff see referrals of the ICBs their organisation
 * serves; every read and change of a referral is audited.
 */
@Service
public class ReferralManagement {

    private static final String REFERENCE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";

    private final Referrals referrals;
    private final RedFlagTaskManagement redFlagTasks;
    private final ReferralAttachments attachments;
    private final ReferralQueries queries;
    private final RedFlagQuestions questions;
    private final ReferralReasons reasons;
    private final Organisations organisations;
    private final PatientManagement patients;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ReferralManagement(Referrals referrals, RedFlagTaskManagement redFlagTasks, ReferralAttachments attachments, ReferralQueries queries,
                       RedFlagQuestions questions, ReferralReasons reasons, Organisations organisations, PatientManagement patients,
                       CurrentActor currentActor, AuditLog audit, Clock clock) {
        this.referrals = referrals;
        this.redFlagTasks = redFlagTasks;
        this.attachments = attachments;
        this.queries = queries;
        this.questions = questions;
        this.reasons = reasons;
        this.organisations = organisations;
        this.patients = patients;
        this.currentActor = currentActor;
        this.audit = audit;
        this.clock = clock;
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
        List<String> types = letters.stream().map(letter -> attachments.check(letter, "letter")).toList();
        Referral referral = Referral.receive(details, newReference(), clock.instant(), actor.username(), null);
        for (int i = 0; i < letters.size(); i++) {
            referral.attach(attachments.store(referral.id(), letters.get(i), types.get(i), actor));
        }
        if (details.nhsNumber() != null && TRIAGERS.contains(actor.role())) {
            List<Patient> found = patients.findByNhsNumber(details.nhsNumber().value());
            if (found.size() == 1) {
                referral.linkPatient(found.get(0).id().value(), "NHS number " + details.nhsNumber().formatted(), actor.username(),
                        clock.instant());
            }
        }
        Referral saved = referrals.save(referral);
        redFlagTasks.raiseAtIntake(saved, RedFlagSource.INTAKE);
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
        redFlagTasks.raiseAtIntake(saved, RedFlagSource.SELF_REFERRAL);
        return saved;
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
                    .forEach(p -> matches.put(p.id().value(), PatientMatch.of(p, "Same NHS number")));
        }
        patients.findByNameAndBirthDate(referral.familyName(), referral.birthDate()).forEach(p ->
                matches.putIfAbsent(p.id().value(), PatientMatch.of(p, referral.postcode() != null
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
        NhsNumber number = null;
        if (typed != null && !typed.isBlank()) {
            number = NhsNumber.parse(typed);
        } else if (referral.patientId().isPresent()) {
            number = patients.read(PatientId.of(referral.patientId().get())).nhsNumber().orElse(null);
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
            referral.linkPatient(created.id().value(), "New patient record created at triage", actor.username(), clock.instant());
            return;
        }
        UUID chosen;
        try {
            chosen = UUID.fromString(patientChoice.replaceFirst("^existing:", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("patient", "Choose the patient record this referral is for, or create a new one");
        }
        Patient patient = patients.read(PatientId.of(chosen));
        referral.linkPatient(patient.id().value(), "Confirmed by " + actor.username() + " at triage", actor.username(), clock.instant());
    }

    private PatientInput newPatientInput(Referral referral) {
        return new PatientInput(referral.nhsNumber() == null ? "" : referral.nhsNumber(),
                referral.nhsNumber() == null ? "Not given on the referral" : null, referral.givenName(),
                referral.familyName(), referral.birthDate().toString(), "UNKNOWN", referral.postcode(), referral.phone(),
                referral.email(), referral.preferredLanguage(), referral.interpreterNeeded(), referral.accessibilityNeeds(),
                null, referral.contactPreferences(), referral.gpPracticeCode(), referral.icbCode(),
                referral.workStatus().map(Enum::name).orElse(""), null);
    }

    public ReferralReasons reasons() {
        return reasons;
    }

    private Actor require(Set<Role> roles, Referral referral) {
        return ReferralAccess.require(currentActor, audit, roles, referral);
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
            return new PatientMatch(p.id().value(), p.givenName() + " " + p.familyName(), p.birthDate(),
                    p.nhsNumber().map(n -> n.formatted()).orElse("not known"), p.postcode().map(pc -> pc.value()).orElse(""), why);
        }
    }

    static List<String> ids(List<RedFlagQuestion> list) {
        return new ArrayList<>(list.stream().map(RedFlagQuestion::id).toList());
    }
}

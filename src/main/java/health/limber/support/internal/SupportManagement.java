package health.limber.support.internal;

import health.limber.episode.EpisodeDirectory;
import health.limber.episode.EpisodeFacts;
import health.limber.identity.Actor;
import health.limber.identity.AuditAction;
import health.limber.identity.AuditLog;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.patient.PatientId;
import health.limber.patient.PatientManagement;
import health.limber.platform.ConflictException;
import health.limber.platform.InvalidInputException;
import health.limber.platform.LimberTime;
import health.limber.platform.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Making and working support referrals. Who may do what: advisers, clinicians and service managers
 * of the person's ICB work a referral; the person may ask for in-house help in the app, see their
 * own referrals and withdraw consent. Every read and change is audited; a refusal too (hazard H-45).
 */
@Service
public class SupportManagement {

    static final String RESOURCE = "SupportReferral";

    /** What a new referral asks for; {@code episodeId} null means the person's open episode. */
    public record NewReferral(UUID patientId, UUID episodeId, String serviceCode, String reason, SupportReferral.Source source,
                              boolean consentGiven, String consentShared, boolean shareClinical) {}

    private final SupportReferrals referrals;
    private final EpisodeDirectory episodes;
    private final PatientManagement patients;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final SupportMessages messages;
    private final Clock clock;

    SupportManagement(SupportReferrals referrals, EpisodeDirectory episodes, PatientManagement patients, CurrentActor currentActor, AuditLog audit,
                      SupportMessages messages, Clock clock) {
        this.referrals = referrals;
        this.episodes = episodes;
        this.patients = patients;
        this.currentActor = currentActor;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    public List<SupportService> services() {
        return referrals.services();
    }

    /** The services staff of the ICB can refer to (in house first). */
    public List<SupportService> servicesIn(String icbCode) {
        return referrals.services().stream().filter(s -> s.active() && s.offeredIn(icbCode)).toList();
    }

    /**
     * An administrator adds a local service (for an ICB their organisation serves, or every ICB when
     * none is given) with its contact route; the code must be new.
     */
    @Transactional
    public SupportService addService(SupportService service) {
        Actor actor = currentActor.get();
        if (actor.role() != Role.ADMIN) {
            throw new AccessDeniedException("Only an administrator adds support services");
        }
        SupportService checked = SupportServiceRules.check(service);
        if (checked.icbCode() != null && !actor.servedIcbs().contains(checked.icbCode())) {
            throw new InvalidInputException("icbCode", "Your organisation does not serve this ICB");
        }
        if (referrals.service(checked.code()).isPresent()) {
            throw new ConflictException("code", "A service with the code " + checked.code() + " exists already", null);
        }
        referrals.addService(checked, actor.username(), clock.instant());
        return checked;
    }

    /** Makes a referral; the same client key from the same person returns the referral it made before. */
    @Transactional
    public SupportReferral refer(NewReferral request, String clientKey) {
        Actor actor = currentActor.get();
        String key = clientKey == null || clientKey.isBlank() ? null : actor.username() + ":" + clientKey.strip();
        Optional<UUID> made = key == null ? Optional.empty() : referrals.byClientKey(key);
        if (made.isPresent()) {
            return referrals.find(made.get()).orElseThrow();
        }
        EpisodeFacts episode = episodeFor(request);
        boolean patientAsking = actor.isPatient(episode.patientId().value());
        if (!patientAsking && !worksOn(actor, episode.icbCode())) {
            throw denied(episode.patientId().value(), AuditAction.CREATE, null);
        }
        requireOpen(episode);
        SupportService service = offered(request.serviceCode(), episode.icbCode());
        if (patientAsking && (!service.inHouse() || request.source() != SupportReferral.Source.PATIENT)) {
            throw new InvalidInputException("serviceCode", "In the app you can ask for the service's own work or money advisers");
        }
        if (!patientAsking && (request.source() == null || request.source() == SupportReferral.Source.PATIENT
                || request.source() == SupportReferral.Source.TRIAGE)) {
            throw new InvalidInputException("source", "Say where the referral was made: ONE_STOP, CLINICIAN or ADVISER");
        }
        rejectOpenDuplicate(episode, service);
        SupportReferral referral = SupportReferral.refer(details(request, episode, service, actor), actor.username(), today(), clock.instant());
        referrals.insert(referral, key);
        audit.allowed(episode.patientId().value(), AuditAction.CREATE, RESOURCE, referral.id().toString());
        messages.referred(referral, request.reason());
        return referrals.find(referral.id()).orElseThrow();
    }

    /** The referral the person asked for when referred to the service: to its own adviser, made as triage accepts. */
    @Transactional
    public void referAtTriage(EpisodeFacts episode, Need need) {
        SupportService service = referrals.service(need == Need.EMPLOYMENT ? "IN_HOUSE_EMPLOYMENT" : "IN_HOUSE_DEBT").orElseThrow();
        String reason = need == Need.EMPLOYMENT ? "Asked for help with work when referred" : "Asked for help with money or debt when referred";
        var details = new SupportReferral.Details(episode.id(), episode.patientId().value(), episode.icbCode(),
                episode.kindOfCare() == null ? null : episode.kindOfCare().name(), service, reason, SupportReferral.Source.TRIAGE, null, false);
        String by = currentActor.find().map(Actor::username).orElse("triage");
        referrals.insert(SupportReferral.refer(details, by, today(), clock.instant()), null);
    }

    @Transactional
    public SupportReferral read(UUID id) {
        SupportReferral referral = find(id);
        Actor actor = currentActor.get();
        if (!actor.isPatient(referral.details().patientId()) && !worksOn(actor, referral.details().icbCode())) {
            throw denied(referral.details().patientId(), AuditAction.READ, id);
        }
        audit.allowed(referral.details().patientId(), AuditAction.READ, RESOURCE, id.toString());
        return referral;
    }

    /** A person's referrals, for the person or staff who work on their ICB; one audit event for the list. */
    @Transactional
    public List<SupportReferral> ofPatient(PatientId patientId) {
        Actor actor = currentActor.get();
        var details = patients.supportDetails(patientId);
        if (!actor.isPatient(patientId.value()) && !worksOn(actor, details.icbCode())) {
            throw denied(patientId.value(), AuditAction.READ, null);
        }
        return referrals.ofPatient(patientId.value());
    }

    /** The signed-in adviser's worklist (their need), or all needs for a service manager or clinician. */
    @Transactional(readOnly = true)
    public List<SupportReferrals.Line> worklist(Need need, boolean closed, int page, int size) {
        Actor actor = currentActor.get();
        if (!worksOn(actor)) {
            throw new AccessDeniedException("Only advisers, clinicians and service managers have a support worklist");
        }
        Need own = Need.of(actor.role());
        return referrals.worklist(actor.servedIcbs(), own != null ? own : need, closed, Math.max(0, page) * size, size);
    }

    @Transactional(readOnly = true)
    public long worklistCount(Need need, boolean closed) {
        Actor actor = currentActor.get();
        Need own = Need.of(actor.role());
        return worksOn(actor) ? referrals.worklistCount(actor.servedIcbs(), own != null ? own : need, closed) : 0;
    }

    @Transactional
    public SupportReferral accept(UUID id) {
        return change(id, r -> r.accept(today()));
    }

    @Transactional
    public SupportReferral recordContact(UUID id, LocalDate on, SupportReferral.ContactMode mode, Integer minutes, String notes) {
        return change(id, r -> referrals.insertContact(id, r.recordContact(on, mode, minutes, notes, currentActor.get().username(), today(),
                clock.instant())));
    }

    /** An outcome; one that says the person is working records that in their work status history from its date. */
    @Transactional
    public SupportReferral recordOutcome(UUID id, SupportReferral.OutcomeKind kind, LocalDate on, String note) {
        return change(id, r -> {
            SupportReferral.Outcome outcome = r.recordOutcome(kind, on, note, currentActor.get().username(), today(), clock.instant());
            referrals.insertOutcome(id, outcome);
            if (kind.workStatus() != null) {
                patients.recordWorkStatus(PatientId.of(r.details().patientId()), kind.workStatus(), on);
            }
        });
    }

    @Transactional
    public SupportReferral close(UUID id, SupportReferral.CloseReason reason, String note) {
        if (reason == SupportReferral.CloseReason.CONSENT_WITHDRAWN) {
            throw new InvalidInputException("closeReason", "Record a withdrawal of consent as such, so that it is kept with who and when");
        }
        return change(id, r -> r.close(reason, note, today()));
    }

    /** The person (or staff for them) withdraws consent; an outside service is told nothing more. */
    @Transactional
    public SupportReferral withdrawConsent(UUID id) {
        SupportReferral referral = find(id);
        Actor actor = currentActor.get();
        if (!actor.isPatient(referral.details().patientId()) && !worksOn(actor, referral.details().icbCode())) {
            throw denied(referral.details().patientId(), AuditAction.UPDATE, id);
        }
        referral.withdrawConsent(actor.username(), clock.instant(), today());
        save(referral);
        audit.allowed(referral.details().patientId(), AuditAction.UPDATE, RESOURCE, id.toString());
        messages.withdrawn(referral);
        return referrals.find(id).orElseThrow();
    }

    private SupportReferral change(UUID id, Consumer<SupportReferral> work) {
        SupportReferral referral = find(id);
        Actor actor = currentActor.get();
        if (!worksOn(actor, referral.details().icbCode())) {
            throw denied(referral.details().patientId(), AuditAction.UPDATE, id);
        }
        work.accept(referral);
        save(referral);
        audit.allowed(referral.details().patientId(), AuditAction.UPDATE, RESOURCE, id.toString());
        return referrals.find(id).orElseThrow();
    }

    private void save(SupportReferral referral) {
        try {
            referrals.save(referral);
        } catch (OptimisticLockingFailureException raced) {
            throw new ConflictException("version", "Someone else changed this referral at the same time; open it again and repeat your change", null);
        }
    }

    /** The episode named, or the person's open one; the caller checks access to its person before saying more. */
    private EpisodeFacts episodeFor(NewReferral request) {
        if (request.episodeId() != null) {
            EpisodeFacts episode = episodes.find(request.episodeId())
                    .orElseThrow(() -> new InvalidInputException("episodeId", "No episode of care with this id"));
            if (request.patientId() != null && !episode.patientId().value().equals(request.patientId())) {
                throw new InvalidInputException("episodeId", "This episode is another person's");
            }
            return episode;
        }
        if (request.patientId() == null) {
            throw new InvalidInputException("patientId", "Say whom the referral is for");
        }
        // whether someone has an open episode is for those who may see their record: refused (and audited) before it is told
        patients.supportDetails(PatientId.of(request.patientId()));
        return episodes.openOf(PatientId.of(request.patientId())).orElseThrow(() -> new ConflictException("episodeId",
                "There is no open episode of care: support is arranged while someone is under the service's care", null));
    }

    private static void requireOpen(EpisodeFacts episode) {
        if (!episode.isOpen()) {
            throw new ConflictException("episodeId", "This episode was discharged on " + LimberTime.DAY.format(episode.dischargedOn())
                    + ": support is arranged on an open episode", null);
        }
    }

    private SupportService offered(String code, String icbCode) {
        SupportService service = referrals.service(code == null ? "" : code.strip())
                .orElseThrow(() -> new InvalidInputException("serviceCode", "Choose a service from the list"));
        if (!service.active()) {
            throw new InvalidInputException("serviceCode", service.name() + " no longer takes referrals");
        }
        if (!service.offeredIn(icbCode)) {
            throw new InvalidInputException("serviceCode", service.name() + " serves another ICB's area, not this person's");
        }
        return service;
    }

    private void rejectOpenDuplicate(EpisodeFacts episode, SupportService service) {
        boolean open = referrals.ofPatient(episode.patientId().value()).stream().anyMatch(r -> r.details().episodeId().equals(episode.id())
                && r.service().code().equals(service.code()) && r.status() != SupportReferral.Status.CLOSED);
        if (open) {
            throw new ConflictException("serviceCode", "There is already an open referral to " + service.name() + " in this episode", null);
        }
    }

    private SupportReferral.Details details(NewReferral request, EpisodeFacts episode, SupportService service, Actor actor) {
        SupportReferral.Consent consent = null;
        if (!service.inHouse() && request.consentGiven()) {
            consent = new SupportReferral.Consent(actor.username(), clock.instant(), request.consentShared(), null, null);
        } else if (service.inHouse() && request.shareClinical()) {
            consent = new SupportReferral.Consent(actor.username(), clock.instant(), "Kind of care and questionnaire scores, with the adviser", null, null);
        }
        return new SupportReferral.Details(episode.id(), episode.patientId().value(), episode.icbCode(),
                episode.kindOfCare() == null ? null : episode.kindOfCare().name(), service, request.reason(),
                request.source() == null ? SupportReferral.Source.PATIENT : request.source(), consent, service.inHouse() && request.shareClinical());
    }

    private SupportReferral find(UUID id) {
        return referrals.find(id).orElseThrow(() -> new NotFoundException("No support referral with this id"));
    }

    /** Advisers, clinicians and service managers work on support. */
    static boolean worksOn(Actor actor) {
        return actor.role().isAdviser() || actor.role() == Role.CLINICIAN || actor.role() == Role.SERVICE_MANAGER;
    }

    private static boolean worksOn(Actor actor, String icbCode) {
        return worksOn(actor) && actor.serves(icbCode);
    }

    private AccessDeniedException denied(UUID patientId, AuditAction action, UUID id) {
        audit.denied(patientId, action, RESOURCE, id == null ? null : id.toString());
        return new AccessDeniedException("You do not have access to this person's support");
    }

    private LocalDate today() {
        return LimberTime.today(clock);
    }
}

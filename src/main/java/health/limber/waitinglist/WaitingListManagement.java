package health.limber.waitinglist;

import health.limber.clinic.Hubs;
import health.limber.identity.AuditAction;
import health.limber.identity.AuditLog;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.patient.PatientId;
import health.limber.platform.ConflictException;
import health.limber.platform.InvalidInputException;
import health.limber.platform.LimberTime;
import health.limber.platform.NotFoundException;
import health.limber.referral.RedFlagSource;
import health.limber.referral.RedFlagTaskManagement;
import health.limber.waitinglist.internal.ClockRuleException;
import health.limber.waitinglist.internal.Pathways;
import health.limber.waitinglist.internal.Validation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The waiting-list module's API for reading one pathway, within the ICBs the reader's organisation serves. */
@Service
public class WaitingListManagement {

    private final Pathways pathways;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final Clock clock;
    private final RedFlagTaskManagement redFlagTasks;
    private final Hubs hubs;

    WaitingListManagement(Pathways pathways, CurrentActor currentActor, AuditLog audit, Clock clock, RedFlagTaskManagement redFlagTasks, Hubs hubs) {
        this.pathways = pathways;
        this.hubs = hubs;
        this.redFlagTasks = redFlagTasks;
        this.currentActor = currentActor;
        this.audit = audit;
        this.clock = clock;
    }

    /** A pathway with its clock history; the read is audited like a read of the patient's record. */
    @Transactional
    public Pathway read(PathwayId id) {
        Pathway pathway = pathways.find(id.value()).orElseThrow(() -> new NotFoundException("No such pathway"));
        if (!currentActor.get().serves(pathway.commissionerCode())) {
            audit.denied(null, AuditAction.READ, "Pathway", id.toString());
            throw new AccessDeniedException("This pathway is commissioned by an ICB your organisation does not serve");
        }
        audit.allowed(null, AuditAction.READ, "Pathway", id.toString());
        return pathway;
    }

    /**
     * Records a validation done today on the version of the pathway the person was looking at; a
     * removal outcome stops the clock. Refused if someone changed the pathway meanwhile. A red flag
     * found by the review raises the referral module's red-flag task in the same transaction, so the
     * validation and the task are kept together or not at all. Returns the pathway as stored now.
     */
    @Transactional
    public Pathway validate(PathwayId id, long version, Validation validation, Priority newPriority) {
        return validate(id, version, validation, newPriority, Set.of(), null);
    }

    @Transactional
    public Pathway validate(PathwayId id, long version, Validation validation, Priority newPriority, Set<String> redFlags,
                            String redFlagDetail) {
        Pathway pathway = read(id);
        if (pathway.version() != version) {
            throw new ConflictException("version", "Someone else changed this pathway after you opened it. Check it and validate again", null);
        }
        try {
            pathway.validate(LimberTime.today(clock), validation, newPriority);
        } catch (ClockRuleException e) {
            throw new InvalidInputException("outcome", e.getMessage());
        }
        try {
            pathways.saveAll(java.util.List.of(pathway), null, clock.instant());
        } catch (OptimisticLockingFailureException raced) {
            throw new ConflictException("version", "Someone else changed this pathway at the same moment. Check it and validate again", null);
        }
        audit.allowed(null, AuditAction.UPDATE, "Pathway", id.toString());
        if (!redFlags.isEmpty()) {
            redFlagTasks.reportRedFlag(pathway.nhsNumber(), pathway.commissionerCode(), redFlags, RedFlagSource.VALIDATION,
                    "Pathway " + pathway.key().identifier() + " (" + pathway.key().issuer() + ")"
                    + (redFlagDetail == null || redFlagDetail.isBlank() ? "" : ": " + redFlagDetail.strip()));
        }
        return pathways.find(id.value()).orElseThrow();
    }

    /**
     * Stops the clock of a pathway whose person is discharged while still waiting: a non-treatment
     * stop (DOMAIN.md §3), "patient declined" when they declined further care. Nothing changes when
     * the clock is not running. The caller (the episode's discharge) has checked who may do this.
     *
     * @return whether a running clock was stopped
     */
    @Transactional
    public boolean stopOnDischarge(PathwayId id, LocalDate on, boolean declined) {
        boolean stopped = stopIfRunning(id, on, declined ? StopReason.PATIENT_DECLINED : StopReason.DISCHARGED, null);
        if (stopped) {
            audit.allowed(null, AuditAction.UPDATE, "Pathway", id.toString());
        }
        return stopped;
    }

    /**
     * Stops the clock of a pathway as first treatment by the kind of care whose first definitive
     * contact it was (DOMAIN.md §3a), if it is still running; the caller has checked who may do this.
     *
     * @return whether a running clock was stopped
     */
    @Transactional
    public boolean stopOnTreatment(PathwayId id, LocalDate on, KindOfCare kind) {
        return stopIfRunning(id, on, StopReason.FIRST_TREATMENT, kind);
    }

    private boolean stopIfRunning(PathwayId id, LocalDate on, StopReason reason, KindOfCare kind) {
        Pathway pathway = pathways.find(id.value()).orElseThrow(() -> new NotFoundException("No such pathway"));
        if (!pathway.isRunning()) {
            return false;
        }
        try {
            pathway.stopClock(on, reason, kind);
        } catch (ClockRuleException e) {
            throw new InvalidInputException("on", e.getMessage());
        }
        pathways.save(pathway, clock.instant());
        return true;
    }

    /** Names the patient record a pathway is for (the episode module, when it opens the person's episode). */
    @Transactional
    public void linkPatient(PathwayId pathwayId, PatientId patientId) {
        pathways.linkPatient(pathwayId.value(), patientId.value());
    }

    /** Names the patient records of many pathways at once (an import's new pathways); a pathway already linked keeps its patient. */
    @Transactional
    public void linkPatients(java.util.Map<PathwayId, PatientId> patients) {
        pathways.linkPatients(patients.entrySet().stream().map(e -> new UUID[] {e.getKey().value(), e.getValue().value()}).toList());
    }

    /** The patient record the pathway is for, where Limber has one. */
    @Transactional(readOnly = true)
    public Optional<PatientId> patientOf(PathwayId pathwayId) {
        return pathways.patientOf(pathwayId.value()).map(PatientId::of);
    }

    /** The hub a pathway's patient is to be seen at, if one was assigned. */
    @Transactional(readOnly = true)
    public Optional<UUID> hubOf(PathwayId pathwayId) {
        return pathways.hubOf(pathwayId.value());
    }

    /** The hubs of several pathways, for reports (pathways without one are left out). */
    @Transactional(readOnly = true)
    public java.util.Map<PathwayId, UUID> hubsOf(java.util.Collection<PathwayId> pathwayIds) {
        java.util.Map<PathwayId, UUID> hubs = new java.util.HashMap<>();
        pathways.hubsOf(pathwayIds.stream().map(PathwayId::value).toList()).forEach((pathway, hub) -> hubs.put(PathwayId.of(pathway), hub));
        return hubs;
    }

    /**
     * Assigns the hub where the patient is to be seen (a hub of the pathway's ICB), or clears it with
     * null. The clock is not touched: a move between hubs is not a transfer of care.
     */
    @Transactional
    public void assignHub(PathwayId pathwayId, UUID hubId) {
        Pathway pathway = read(pathwayId);
        Role role = currentActor.get().role();
        if (role != Role.SERVICE_MANAGER && role != Role.CLINICIAN) {
            throw new AccessDeniedException("Only the service's clinicians and managers assign hubs");
        }
        if (hubId != null && hubs.find(hubId).filter(h -> h.icbCode().equals(pathway.commissionerCode())).isEmpty()) {
            throw new InvalidInputException("hub", "Choose a hub of the pathway's ICB");
        }
        pathways.assignHub(pathwayId.value(), hubId, currentActor.get().username(), clock.instant());
        audit.allowed(null, AuditAction.UPDATE, "PathwayHub", pathwayId.toString());
    }

    /** Stores pathways built elsewhere (the demo's simulation, later the referral module's accepted referrals). */
    @Transactional
    public void store(java.util.List<Pathway> built) {
        store(built, java.util.Map.of());
    }

    /**
     * Stores new pathways built elsewhere (a list moved from another system, the demo's simulation)
     * with the hub each is seen at (pathway id to hub id; a pathway not named has none). The caller
     * is trusted: start-up and command-line code only, never a request.
     */
    @Transactional
    public void store(java.util.List<Pathway> built, java.util.Map<PathwayId, UUID> hubs) {
        store(built, hubs, java.util.Map.of());
    }

    /** The same, each pathway named in {@code patients} linked to its patient's record. */
    @Transactional
    public void store(java.util.List<Pathway> built, java.util.Map<PathwayId, UUID> hubs, java.util.Map<PathwayId, PatientId> patients) {
        for (int from = 0; from < built.size(); from += 1000) {
            pathways.saveAll(built.subList(from, Math.min(built.size(), from + 1000)), null, clock.instant());
        }
        if (!hubs.isEmpty()) {
            pathways.assignHubs(hubs.entrySet().stream().collect(java.util.stream.Collectors.toMap(e -> e.getKey().value(), java.util.Map.Entry::getValue)),
                    "system", clock.instant());
        }
        if (!patients.isEmpty()) {
            linkPatients(patients);
        }
    }

    public Optional<Pathway> find(PathwayKey key) {
        return pathways.find(key);
    }
}

package health.limber.patient;

import health.limber.identity.AccessCodes;
import health.limber.identity.Actor;
import health.limber.identity.AuditAction;
import health.limber.identity.AuditLog;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.organisation.Organisations;
import health.limber.patient.internal.PatientView;
import health.limber.platform.ConflictException;
import health.limber.platform.InvalidInputException;
import health.limber.platform.LimberTime;
import health.limber.platform.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient module's API. Every method checks who may do it (staff of an ICB the patient belongs
 * to, or the patient for their own record) and writes exactly one audit event per patient touched;
 * a refusal is audited too. Hazard log H-01 (wrong person sees a record) and H-03 (unaudited access).
 */
@Service
public class PatientManagement {

    static final String RESOURCE = "Patient";

    private final Patients patients;
    private final Organisations organisations;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final AccessCodes accessCodes;
    private final Clock clock;

    PatientManagement(Patients patients, Organisations organisations, CurrentActor currentActor, AuditLog audit,
                      AccessCodes accessCodes, Clock clock) {
        this.patients = patients;
        this.organisations = organisations;
        this.currentActor = currentActor;
        this.audit = audit;
        this.accessCodes = accessCodes;
        this.clock = clock;
    }

    @Transactional
    public Patient create(PatientInput input) {
        Actor actor = requireRecordKeeper(null, AuditAction.CREATE);
        PatientDetails details = input.check(organisations, today());
        if (!actor.serves(details.icbCode())) {
            audit.denied(null, AuditAction.CREATE, RESOURCE, null);
            throw new InvalidInputException("icbCode", "Your organisation does not serve this ICB, so you cannot add its patients");
        }
        rejectDuplicateNhsNumber(details, null);
        Patient patient = Patient.register(details, actor.username(), today(), clock.instant());
        try {
            patient = patients.save(patient);
        } catch (DuplicateKeyException raced) {
            throw duplicateNhsNumber();
        }
        audit.allowed(patient.id().value(), AuditAction.CREATE, RESOURCE, patient.id().toString());
        return patient;
    }

    @Transactional
    public Patient read(PatientId patientId) {
        UUID id = patientId.value();
        Patient patient = find(id);
        Actor actor = currentActor.get();
        boolean allowed = actor.isPatient(id) || (isRecordKeeper(actor) && actor.serves(patient.icbCode()));
        if (!allowed) {
            throw denied(id, AuditAction.READ);
        }
        audit.allowed(id, AuditAction.READ, RESOURCE, id.toString());
        return patient;
    }

    /**
     * Who a page about this patient's care is about (name, NHS number, date of birth), for staff who
     * may read the record and the patient themselves. Audited as a read of the record: the banner
     * shows what identifies the person.
     */
    @Transactional
    public PatientBanner banner(PatientId id) {

        return PatientBanner.of(read(id));
    }

    /**
     * Applies an edit made on {@code input.version()}; if someone saved in between, nothing changes and
     * the conflict carries the newer record.
     */
    @Transactional
    public Patient update(PatientId patientId, PatientInput input) {
        UUID id = patientId.value();
        Patient patient = writable(id, AuditAction.UPDATE);
        if (input.version() == null) {
            throw new InvalidInputException("version", "Send the version of the record you edited");
        }
        if (input.version() != patient.version()) {
            throw staleEdit(patient);
        }
        PatientDetails details = input.check(organisations, today());
        if (!currentActor.get().serves(details.icbCode())) {
            throw new InvalidInputException("icbCode", "Your organisation does not serve this ICB, so you cannot move the patient to it");
        }
        rejectDuplicateNhsNumber(details, id);
        patient.update(details, currentActor.get().username(), today(), clock.instant());
        try {
            patient = patients.save(patient);
        } catch (OptimisticLockingFailureException raced) {
            throw staleEdit(find(id));
        } catch (DuplicateKeyException raced) {
            throw duplicateNhsNumber();
        }
        audit.allowed(id, AuditAction.UPDATE, RESOURCE, id.toString());
        return patient;
    }

    /** Voids a record made in error; it is kept, with who, when and why, and can no longer be edited. */
    @Transactional
    public Patient voidRecord(PatientId patientId, long version, String reason) {
        UUID id = patientId.value();
        Patient patient = writable(id, AuditAction.VOID);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Enter why this record is being voided");
        }
        if (reason.length() > 500) {
            throw new InvalidInputException("reason", "Reason must be 500 characters or fewer");
        }
        if (patient.isVoided()) {
            throw new ConflictException("version", "This record has already been voided", PatientView.of(patient));
        }
        if (version != patient.version()) {
            throw staleEdit(patient);
        }
        patient.voidRecord(reason.trim(), currentActor.get().username(), clock.instant());
        try {
            patient = patients.save(patient);
        } catch (OptimisticLockingFailureException raced) {
            throw staleEdit(find(id));
        }
        audit.allowed(id, AuditAction.VOID, RESOURCE, id.toString());
        return patient;
    }

    /** Finds live records the signed-in staff member may see, by NHS number. */
    @Transactional
    public List<Patient> findByNhsNumber(String typed) {
        Actor actor = requireRecordKeeper(null, AuditAction.SEARCH);
        NhsNumber nhsNumber = NhsNumber.parse(typed);
        List<Patient> found = patients.findByNhsNumber(nhsNumber.value())
                .filter(patient -> actor.serves(patient.icbCode()))
                .stream().toList();
        found.forEach(patient -> audit.allowed(patient.id().value(), AuditAction.SEARCH, RESOURCE, patient.id().toString()));
        return found;
    }

    /**
     * What identifies each of several people on a list (a caseload, a register): name, NHS number and
     * date of birth, for the records the reader's organisation may see (record keepers, and advisers
     * for their worklist); others are left out. A list
     * is not a read of each record, so it is not audited one by one (opening a record is).
     */
    @Transactional(readOnly = true)
    public Map<PatientId, PatientBanner> banners(Collection<PatientId> ids) {
        Actor actor = currentActor.get();
        if (!isRecordKeeper(actor) && !actor.role().isAdviser()) {
            throw denied(null, AuditAction.SEARCH);
        }
        Map<PatientId, PatientBanner> banners = new HashMap<>();
        patients.findAllById(ids.stream().map(PatientId::value).toList()).forEach(patient -> {
            if (actor.serves(patient.icbCode())) {
                banners.put(patient.id(), PatientBanner.of(patient));
            }
        });
        return banners;
    }

    /** Finds live records by date of birth and the start of the last name (at least 2 letters). */
    @Transactional
    public List<Patient> findByNameAndBirthDate(String familyName, LocalDate birthDate) {
        Actor actor = requireRecordKeeper(null, AuditAction.SEARCH);
        if (familyName == null || familyName.trim().length() < 2) {
            throw new InvalidInputException("familyName", "Enter at least the first 2 letters of the last name");
        }
        if (birthDate == null) {
            throw new InvalidInputException("birthDate", "Enter the date of birth");
        }
        if (actor.servedIcbs().isEmpty()) {
            return List.of();
        }
        String prefix = Patient.searchKey(familyName).replace("\\", "").replace("%", "").replace("_", "") + "%";
        List<Patient> found = patients.findByBirthDateAndFamilyName(birthDate, prefix, actor.servedIcbs());
        found.forEach(patient -> audit.allowed(patient.id().value(), AuditAction.SEARCH, RESOURCE, patient.id().toString()));
        return found;
    }

    /**
     * The support part of the record (name, contact, work) for a work or money adviser of the
     * patient's ICB, or staff who may read the whole record, or the person themselves; audited as a
     * read of the record.
     */
    @Transactional
    public SupportDetails supportDetails(PatientId patientId) {
        UUID id = patientId.value();
        Patient patient = find(id);
        Actor actor = currentActor.get();
        boolean allowed = actor.isPatient(id) || ((isRecordKeeper(actor) || actor.role().isAdviser()) && actor.serves(patient.icbCode()));
        if (!allowed) {
            throw denied(id, AuditAction.READ);
        }
        audit.allowed(id, AuditAction.READ, "PatientSupportDetails", id.toString());
        return SupportDetails.of(patient);
    }

    /**
     * Records the person's work status from a day (an adviser's outcome, a clinician's note), for
     * advisers and record keepers of the patient's ICB; kept in date order in the history.
     */
    @Transactional
    public Patient recordWorkStatus(PatientId patientId, WorkStatus status, LocalDate on) {
        UUID id = patientId.value();
        Patient patient = find(id);
        Actor actor = currentActor.get();
        if (!(isRecordKeeper(actor) || actor.role().isAdviser()) || !actor.serves(patient.icbCode())) {
            throw denied(id, AuditAction.UPDATE);
        }
        if (patient.isVoided()) {
            throw new ConflictException("version", "This record has been voided and cannot be changed", PatientView.of(patient));
        }
        if (on == null || on.isAfter(today())) {
            throw new InvalidInputException("on", "Enter the day the work status applied from; it cannot be in the future");
        }
        patient.recordWorkStatus(status, on, actor.username(), clock.instant());
        patient = patients.save(patient);
        audit.allowed(id, AuditAction.UPDATE, "WorkStatus", id.toString());
        return patient;
    }

    /**
     * Work status histories by record, without who the people are, for those who read reports
     * (service managers, analysts); a report shows only counts.
     */
    @Transactional(readOnly = true)
    public Map<PatientId, WorkHistory> workHistories(Collection<PatientId> ids) {
        Actor actor = currentActor.get();
        if (actor.role() != Role.SERVICE_MANAGER && actor.role() != Role.ANALYST) {
            throw denied(null, AuditAction.SEARCH);
        }
        Map<PatientId, WorkHistory> histories = new HashMap<>();
        List<UUID> all = ids.stream().map(PatientId::value).distinct().toList();
        for (int from = 0; from < all.size(); from += 1000) {
            patients.findAllById(all.subList(from, Math.min(all.size(), from + 1000)))
                    .forEach(p -> histories.put(p.id(), p.workHistory()));
        }
        return histories;
    }

    /** Records the ethnic category the person states, for record keepers of the patient's ICB; audited as an update. */
    @Transactional
    public Patient recordEthnicCategory(PatientId patientId, EthnicCategory category) {
        UUID id = patientId.value();
        Patient patient = writable(id, AuditAction.UPDATE);
        if (category == null) {
            throw new InvalidInputException("ethnicCategory", "Choose the person's ethnic category, or 'Not stated' if they chose not to say");
        }
        patient.recordEthnicCategory(category, clock.instant());
        patient = patients.save(patient);
        audit.allowed(id, AuditAction.UPDATE, "EthnicCategory", id.toString());
        return patient;
    }

    /**
     * What equity reports split people by, without who they are, for those who read reports (service
     * managers, analysts; the command line as the database's owner); a report shows only counts.
     */
    @Transactional(readOnly = true)
    public Map<PatientId, EquityFacts> equityFacts(Collection<PatientId> ids) {
        Actor actor = currentActor.get();
        if (actor.role() != Role.SERVICE_MANAGER && actor.role() != Role.ANALYST) {
            throw denied(null, AuditAction.SEARCH);
        }
        Map<PatientId, EquityFacts> facts = new HashMap<>();
        List<UUID> all = ids.stream().map(PatientId::value).distinct().toList();
        for (int from = 0; from < all.size(); from += 1000) {
            patients.findAllById(all.subList(from, Math.min(all.size(), from + 1000))).forEach(p -> facts.put(p.id(), new EquityFacts(p.birthDate(),
                    p.sex().label(), p.ethnicCategory(), p.postcode().map(Postcode::value).orElse(null), p.preferredLanguage(), p.interpreterNeeded())));
        }
        return facts;
    }

    /** A new access code for the patient's app (clinicians and service managers of the patient's ICB). */
    @Transactional
    public AccessCodes.IssuedAccessCode issueAccessCode(PatientId patientId) {
        UUID id = patientId.value();
        Patient patient = writable(id, AuditAction.ISSUE_ACCESS_CODE);
        var issued = accessCodes.issue(patient.id().value(), currentActor.get().username());
        audit.allowed(id, AuditAction.ISSUE_ACCESS_CODE, "AccessCode", id.toString());
        return issued;
    }

    private Patient writable(UUID id, AuditAction action) {
        Patient patient = find(id);
        Actor actor = currentActor.get();
        if (!isRecordKeeper(actor) || !actor.serves(patient.icbCode())) {
            throw denied(id, action);
        }
        if (patient.isVoided() && action != AuditAction.VOID) {
            throw new ConflictException("version", "This record has been voided and cannot be changed", PatientView.of(patient));
        }
        return patient;
    }

    private Actor requireRecordKeeper(UUID id, AuditAction action) {
        Actor actor = currentActor.get();
        if (!isRecordKeeper(actor)) {
            throw denied(id, action);
        }
        return actor;
    }

    /** Clinicians and service managers keep patient records; analysts and administrators do not see them. */
    private static boolean isRecordKeeper(Actor actor) {
        return actor.role() == Role.CLINICIAN || actor.role() == Role.SERVICE_MANAGER;
    }

    private AccessDeniedException denied(UUID id, AuditAction action) {
        audit.denied(id, action, RESOURCE, id == null ? null : id.toString());
        return new AccessDeniedException("You do not have access to this patient's record");
    }

    private Patient find(UUID id) {
        return patients.findById(id).orElseThrow(() -> new NotFoundException("No patient record with this id"));
    }

    private void rejectDuplicateNhsNumber(PatientDetails details, UUID self) {
        if (details.nhsNumber() != null) {
            patients.findByNhsNumber(details.nhsNumber().value())
                    .filter(existing -> !existing.id().value().equals(self))
                    .ifPresent(existing -> { throw duplicateNhsNumber(); });
        }
    }

    private static ConflictException duplicateNhsNumber() {
        return new ConflictException("nhsNumber", "A patient with this NHS number already exists. Search for them instead", null);
    }

    private static ConflictException staleEdit(Patient current) {
        return new ConflictException("version", "Someone else changed this record after you opened it. "
                + "Their version is shown; make your change again on it", PatientView.of(current));
    }

    private LocalDate today() {
        return LimberTime.today(clock);
    }
}

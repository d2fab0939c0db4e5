package health.limber.patient;

import health.limber.patient.internal.Sex;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A patient of the service. Changes go through {@link #update} and {@link #voidRecord}, which keep
 * the work status history and the void trail; the record is never deleted (OpenMRS-style voiding).
 */
@Table("patient")
public class Patient {

    @Id
    private final UUID id;
    private String nhsNumber;
    private String nhsNumberUnknownReason;
    private String givenName;
    private String familyName;
    private String familyNameKey;
    private LocalDate birthDate;
    private Sex sex;
    private String postcode;
    private String phone;
    private String email;
    private String preferredLanguage;
    private boolean interpreterNeeded;
    @Embedded.Empty
    private AccessibilityNeeds needs;
    @Embedded.Empty(prefix = "contact_")
    private ContactPreferences contact;
    private String gpPracticeCode;
    private String icbCode;
    private WorkStatus workStatus;
    /** Set by {@link #recordEthnicCategory}; Spring Data sets it after construction. */
    private EthnicCategory ethnicCategory;
    @MappedCollection(idColumn = "patient_id", keyColumn = "position")
    private List<WorkStatusChange> workStatusHistory;
    private Instant voidedAt;
    private String voidedBy;
    private String voidReason;
    private final Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    @PersistenceCreator
    Patient(UUID id, String nhsNumber, String nhsNumberUnknownReason, String givenName, String familyName,
            String familyNameKey, LocalDate birthDate, Sex sex, String postcode, String phone, String email,
            String preferredLanguage, boolean interpreterNeeded, AccessibilityNeeds needs, ContactPreferences contact,
            String gpPracticeCode, String icbCode, WorkStatus workStatus, List<WorkStatusChange> workStatusHistory,
            Instant voidedAt, String voidedBy, String voidReason, Instant createdAt, Instant updatedAt, Long version) {
        this.id = id;
        this.nhsNumber = nhsNumber;
        this.nhsNumberUnknownReason = nhsNumberUnknownReason;
        this.givenName = givenName;
        this.familyName = familyName;
        this.familyNameKey = familyNameKey;
        this.birthDate = birthDate;
        this.sex = sex;
        this.postcode = postcode;
        this.phone = phone;
        this.email = email;
        this.preferredLanguage = preferredLanguage;
        this.interpreterNeeded = interpreterNeeded;
        this.needs = needs;
        this.contact = contact;
        this.gpPracticeCode = gpPracticeCode;
        this.icbCode = icbCode;
        this.workStatus = workStatus;
        this.workStatusHistory = new ArrayList<>(workStatusHistory == null ? List.of() : workStatusHistory);
        this.voidedAt = voidedAt;
        this.voidedBy = voidedBy;
        this.voidReason = voidReason;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    /** A new record from checked details. */
    static Patient register(PatientDetails details, String by, LocalDate today, Instant now) {
        Patient patient = new Patient(UUID.randomUUID(), null, null, null, null, null, null, null, null, null, null,
                null, false, AccessibilityNeeds.NONE, ContactPreferences.LETTER_ONLY, null, null, null, List.of(),
                null, null, null, now, now, null);
        patient.apply(details, by, today, now);
        return patient;
    }

    /** Applies an edit; a change of work status adds to its history. */
    void update(PatientDetails details, String by, LocalDate today, Instant now) {
        if (isVoided()) {
            throw new IllegalStateException("A voided record cannot be edited");
        }
        apply(details, by, today, now);
    }

    private void apply(PatientDetails details, String by, LocalDate today, Instant now) {
        this.nhsNumber = details.nhsNumber() == null ? null : details.nhsNumber().value();
        this.nhsNumberUnknownReason = details.nhsNumber() == null ? details.nhsNumberUnknownReason() : null;
        this.givenName = details.givenName();
        this.familyName = details.familyName();
        this.familyNameKey = searchKey(details.familyName());
        this.birthDate = details.birthDate();
        this.sex = details.sex();
        this.postcode = details.postcode() == null ? null : details.postcode().value();
        this.phone = details.phone();
        this.email = details.email();
        this.preferredLanguage = details.preferredLanguage();
        this.interpreterNeeded = details.interpreterNeeded();
        this.needs = details.needs();
        this.contact = details.contact();
        this.gpPracticeCode = details.gpPracticeCode();
        this.icbCode = details.icbCode();
        if (details.workStatus() != null && details.workStatus() != this.workStatus) {
            workStatusHistory.add(new WorkStatusChange(details.workStatus(), today, by));
        }
        this.workStatus = details.workStatus();
        this.updatedAt = now;
    }

    /**
     * Records a work status from a given day (an adviser's outcome: back at work from the 3rd), kept in
     * date order in the history; it becomes the current status unless a later one was recorded. The
     * same status again (stayed in work) changes nothing.
     */
    void recordWorkStatus(WorkStatus status, LocalDate on, String by, Instant now) {
        int at = workStatusHistory.size();
        while (at > 0 && workStatusHistory.get(at - 1).recordedOn().isAfter(on)) {
            at--;
        }
        if (at > 0 && workStatusHistory.get(at - 1).status() == status) {
            return;
        }
        workStatusHistory.add(at, new WorkStatusChange(status, on, by));
        this.workStatus = workStatusHistory.get(workStatusHistory.size() - 1).status();
        this.updatedAt = now;
    }

    /** The work status on a day: the last recorded on or before it, else the first ever recorded, else the current. */
    public WorkStatus workStatusOn(LocalDate day) {
        return workHistory().on(day);
    }

    public WorkHistory workHistory() {
        return new WorkHistory(workStatus, List.copyOf(workStatusHistory));
    }

    /** Marks a record made in error (e.g. a duplicate) as void; it stays, with who, when and why. */
    void voidRecord(String reason, String by, Instant now) {
        if (isVoided()) {
            throw new IllegalStateException("Already voided");
        }
        this.voidedAt = now;
        this.voidedBy = by;
        this.voidReason = reason;
        this.updatedAt = now;
    }

    static String searchKey(String name) {
        return name == null ? null : name.trim().toLowerCase(Locale.ROOT);
    }

    public PatientId id() { return new PatientId(id); }
    public Optional<NhsNumber> nhsNumber() { return Optional.ofNullable(nhsNumber).map(NhsNumber::new); }
    public String nhsNumberUnknownReason() { return nhsNumberUnknownReason; }
    public boolean nhsNumberUnknown() { return nhsNumber == null; }
    public String givenName() { return givenName; }
    public String familyName() { return familyName; }
    String familyNameKey() { return familyNameKey; }
    public String displayName() { return givenName + " " + familyName; }
    public LocalDate birthDate() { return birthDate; }
    public int ageOn(LocalDate date) { return Period.between(birthDate, date).getYears(); }
    public Sex sex() { return sex; }
    public Optional<Postcode> postcode() { return Optional.ofNullable(postcode).map(Postcode::new); }
    public String phone() { return phone; }
    public String email() { return email; }
    public String preferredLanguage() { return preferredLanguage; }
    public boolean interpreterNeeded() { return interpreterNeeded; }
    public AccessibilityNeeds needs() { return needs; }
    public ContactPreferences contact() { return contact; }
    public String gpPracticeCode() { return gpPracticeCode; }
    public String icbCode() { return icbCode; }
    public WorkStatus workStatus() { return workStatus; }
    public List<WorkStatusChange> workStatusHistory() { return List.copyOf(workStatusHistory); }
    public boolean isVoided() { return voidedAt != null; }
    public Instant voidedAt() { return voidedAt; }
    public String voidedBy() { return voidedBy; }
    public String voidReason() { return voidReason; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version == null ? 0 : version; }

    public EthnicCategory ethnicCategory() {
        return ethnicCategory;
    }

    /** Records the ethnic category the person states (or that they chose not to say). */
    void recordEthnicCategory(EthnicCategory category, Instant now) {
        this.ethnicCategory = category;
        this.updatedAt = now;
    }
}

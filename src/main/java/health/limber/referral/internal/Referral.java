package health.limber.referral.internal;

import health.limber.patient.NhsNumber;
import health.limber.patient.PatientId;
import health.limber.patient.WorkStatus;
import health.limber.platform.InvalidInputException;
import health.limber.referral.BodySite;
import health.limber.referral.CarePathway;
import health.limber.referral.Instrument;
import health.limber.referral.InstrumentScore;
import health.limber.referral.RedFlagLevel;
import health.limber.referral.ReferralAccepted;
import health.limber.referral.ReferralId;
import health.limber.referral.ReferralSource;
import health.limber.referral.RiskGroup;
import health.limber.referral.SymptomDuration;
import health.limber.referral.Urgency;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AfterDomainEventPublication;
import org.springframework.data.domain.DomainEvents;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A referral to the community MSK service. Its life is a series of methods, each checking its own
 * rules, writing a history line and publishing a past-tense event: {@link #receive},
 * {@link #triage} (which ends in accepted, redirected or rejected), {@link #linkPatient} and
 * {@link #attach}. Nothing is ever deleted.
 */
@Table("referral")
public class Referral {

    @Id
    private final UUID id;
    private final String reference;
    private final ReferralSource source;
    private final String ubrn;
    private final LocalDate receivedOn;
    private final Instant receivedAt;
    private final String icbCode;
    private final String gpPracticeCode;
    private final String referrer;
    private UUID patientId;
    private String nhsNumber;
    private final String givenName;
    private final String familyName;
    private final LocalDate birthDate;
    @Embedded.Empty
    private ReferralContact contact;
    private final String reasonCode;
    private final String bodySites;
    private final SymptomDuration symptomDuration;
    private final String history;
    private final Urgency requestedUrgency;
    private final int urgencyRank;
    private final String redFlagsAsked;
    private String redFlagsYes;
    private RedFlagLevel redFlagLevel;
    private int redFlagRank;
    @Embedded.Nullable
    private ReferralQuestionnaire questionnaire;
    @Embedded.Empty
    private ReferralWork work;
    private boolean consentToContact;
    private ReferralStatus status;
    @Embedded.Nullable
    private ReferralDecision decision;
    private final String submissionKey;
    /** False while a self-referral recorded at a red-flag answer waits for the rest of the form. */
    private boolean answersComplete;
    private final Instant createdAt;
    @MappedCollection(idColumn = "referral_id", keyColumn = "position")
    private final List<ReferralHistoryEntry> historyEntries;
    @MappedCollection(idColumn = "referral_id", keyColumn = "position")
    private final List<ReferralAttachment> attachments;
    @Version
    private Long version;
    @Transient
    private final List<Object> events = new ArrayList<>();

    @PersistenceCreator
    Referral(UUID id, String reference, ReferralSource source, String ubrn, LocalDate receivedOn, Instant receivedAt,
             String icbCode, String gpPracticeCode, String referrer, UUID patientId, String nhsNumber, String givenName,
             String familyName, LocalDate birthDate, ReferralContact contact, String reasonCode, String bodySites, SymptomDuration symptomDuration,
             String history, Urgency requestedUrgency, int urgencyRank, String redFlagsAsked, String redFlagsYes,
             RedFlagLevel redFlagLevel, int redFlagRank, ReferralQuestionnaire questionnaire, ReferralWork work, boolean consentToContact,
             ReferralStatus status, ReferralDecision decision, String submissionKey, boolean answersComplete, Instant createdAt,
             List<ReferralHistoryEntry> historyEntries, List<ReferralAttachment> attachments, Long version) {
        this.id = id;
        this.reference = reference;
        this.source = source;
        this.ubrn = ubrn;
        this.receivedOn = receivedOn;
        this.receivedAt = receivedAt;
        this.icbCode = icbCode;
        this.gpPracticeCode = gpPracticeCode;
        this.referrer = referrer;
        this.patientId = patientId;
        this.nhsNumber = nhsNumber;
        this.givenName = givenName;
        this.familyName = familyName;
        this.birthDate = birthDate;
        this.contact = contact;
        this.reasonCode = reasonCode;
        this.bodySites = bodySites;
        this.symptomDuration = symptomDuration;
        this.history = history;
        this.requestedUrgency = requestedUrgency;
        this.urgencyRank = urgencyRank;
        this.redFlagsAsked = redFlagsAsked;
        this.redFlagsYes = redFlagsYes;
        this.redFlagLevel = redFlagLevel;
        this.redFlagRank = redFlagRank;
        this.questionnaire = questionnaire;
        this.work = work;
        this.consentToContact = consentToContact;
        this.status = status;
        this.decision = decision;
        this.submissionKey = submissionKey;
        this.answersComplete = answersComplete;
        this.createdAt = createdAt;
        this.historyEntries = new ArrayList<>(historyEntries == null ? List.of() : historyEntries);
        this.attachments = new ArrayList<>(attachments == null ? List.of() : attachments);
        this.version = version;
    }

    /**
     * A referral arrives. It is screened already ({@code details.redFlags()}); the caller raises a
     * task when it carries a red flag.
     *
     * @param submissionKey the client's key for this submission: a second submit with the same key
     *                      finds this referral instead of making another
     */
    public static Referral receive(NewReferral details, String reference, Instant at, String by, String submissionKey) {
        return receive(details, reference, at, by, submissionKey, true);
    }

    /**
     * A self-referral recorded the moment a red flag is answered, before the person has finished the
     * form: the flag and the task must not wait for the remaining questions (the person may close the
     * browser). {@link #completeForm} adds the rest if they finish.
     */
    public static Referral receiveAtRedFlag(NewReferral details, String reference, Instant at, String by, String submissionKey) {
        return receive(details, reference, at, by, submissionKey, false);
    }

    private static Referral receive(NewReferral details, String reference, Instant at, String by, String submissionKey, boolean complete) {
        var referral = new Referral(UUID.randomUUID(), reference, details.source(), details.ubrn(), details.receivedOn(), at,
                details.icbCode(), details.gpPracticeCode(), details.referrer(), null,
                details.nhsNumber() == null ? null : details.nhsNumber().value(), details.givenName(), details.familyName(),
                details.birthDate(), ReferralContact.of(details), details.reasonCode(), ReferralInput.join(details.bodySites()),
                details.duration(), details.history(), details.requestedUrgency(), details.requestedUrgency().rank(),
                String.join(",", details.redFlags().asked()), String.join(",", details.redFlags().yes()),
                details.redFlags().level(), details.redFlags().level().rank(), ReferralQuestionnaire.of(details), ReferralWork.of(details),
                details.consentToContact(), ReferralStatus.RECEIVED, null, submissionKey, complete, at, List.of(), List.of(), null);
        referral.record(at, by, "Received", details.source().label()
                + (details.redFlags().hasRedFlag() ? "; red flags: " + details.redFlags().level().label().toLowerCase() : "")
                + (complete ? "" : "; recorded at the red-flag question, before the rest of the form"));
        referral.events.add(new ReferralReceived(referral.id, reference, referral.icbCode, referral.source,
                referral.redFlagLevel, at));
        return referral;
    }

    /**
     * Records the triage decision. A red flag cannot go to routine priority or digital
     * self-management without an override reason (DOMAIN.md §4); a red-flag referral cannot be
     * accepted at all until the person is linked to a patient record.
     *
     * @param providerCode the accepting clinician's organisation: the provider the person will wait for
     */
    public void triage(TriageDecision choice, String by, String providerCode, Instant at, LocalDate today) {
        if (status != ReferralStatus.RECEIVED) {
            throw new InvalidInputException("outcome", "This referral was already triaged (" + status.label().toLowerCase()
                                                       + "). Reload the page to see the decision");
        }
        if (choice.outcome() == null) {
            throw new InvalidInputException("outcome", "Select what to do with the referral");
        }
        if (choice.reason() == null || choice.reason().isBlank()) {
            throw new InvalidInputException("reason", "Enter the reason for the decision");
        }
        boolean overridden = switch (choice.outcome()) {
            case ACCEPT -> checkAcceptance(choice);
            case REDIRECT -> choice.checkRedirection();
            case REJECT -> choice.checkRejection();
        };
        this.status = switch (choice.outcome()) {
            case ACCEPT -> ReferralStatus.ACCEPTED;
            case REDIRECT -> ReferralStatus.REDIRECTED;
            case REJECT -> ReferralStatus.REJECTED;
        };
        boolean accepted = status == ReferralStatus.ACCEPTED;
        this.decision = new ReferralDecision(accepted ? choice.pathway() : null, accepted ? choice.priority() : null, choice.reason().strip(),
                overridden ? choice.overrideReason().strip() : null,
                status == ReferralStatus.REDIRECTED ? choice.redirectTo().strip() : null,
                status == ReferralStatus.REJECTED ? choice.rejectionLetter().strip() : null, by, at);
        this.work = new ReferralWork(work.workStatus(), work.daysOffWork(), choice.wantsEmploymentSupport(), choice.wantsDebtSupport());
        record(at, by, "Triaged", choice.outcome().label()
                + (accepted ? ": " + choice.pathway().label() + ", " + choice.priority().label().toLowerCase() : "")
                + (overridden ? "; red flag overridden: " + decision.overrideReason() : ""));
        events.add(new ReferralTriaged(id, icbCode, choice.outcome(), decision.pathway(), decision.priority(), overridden, by, at));
        events.add(switch (status) {
            case ACCEPTED -> new ReferralAccepted(ReferralId.of(id), reference, PatientId.of(patientId), nhsNumber, birthDate, icbCode,
                    providerCode, receivedOn, source, decision.pathway(), decision.priority(), bodySites(), work.wantsEmploymentSupport(),
                    work.wantsDebtSupport(), today, givenName + " " + familyName, contact.preferredLanguage(), contact.interpreterNeeded(),
                    accessibilityNeeds().contains("STEP_FREE"), riskGroup().orElse(null));
            case REDIRECTED -> new ReferralRedirected(id, decision.redirectedTo(), at);
            case REJECTED -> new ReferralRejected(id, decision.decisionReason(), at);
            default -> throw new IllegalStateException("triage left status " + status);
        });
    }

    /**
     * An accepted referral needs a pathway, a priority and a linked patient record; a red flag sent to
     * routine care or self-management needs an override reason. Returns whether a red flag is overridden.
     */
    private boolean checkAcceptance(TriageDecision choice) {
        if (choice.pathway() == null) {
            throw new InvalidInputException("pathway", "Select a pathway");
        }
        if (choice.priority() == null) {
            throw new InvalidInputException("priority", "Select a clinical priority");
        }
        boolean overridden = false;
        if (redFlagLevel.isRedFlag() && choice.isRoutineOrSelfManagement()) {
            if (choice.overrideReason() == null || choice.overrideReason().strip().length() < 10) {
                throw new InvalidInputException("overrideReason", "This referral has a red flag ("
                        + redFlagLevel.label().toLowerCase() + "). To send it to routine care or self-management, "
                        + "give the reason for overriding the red flag (at least 10 characters)");
            }
            overridden = true;
        }
        if (patientId == null) {
            throw new InvalidInputException("patient", "Link the referral to a patient record before accepting it");
        }
        return overridden;
    }

    /**
     * The person finished a self-referral that was recorded at a red-flag answer: the answers given
     * after that point are added (questionnaire, work, support, language, needs, consent, and contact
     * details if changed); red flags answered since are added too, never taken away.
     */
    public void completeForm(NewReferral details, Instant at, String by) {
        if (answersComplete) {
            return;
        }
        this.contact = ReferralContact.of(details);
        this.questionnaire = ReferralQuestionnaire.of(details);
        this.work = ReferralWork.of(details);
        this.consentToContact = details.consentToContact();
        this.answersComplete = true;
        Set<String> newFlags = new LinkedHashSet<>(details.redFlags().yes());
        newFlags.removeAll(redFlagsYes());
        record(at, by, "Form finished", "the person answered the remaining questions");
        if (!newFlags.isEmpty()) {
            reportRedFlags(newFlags, details.redFlags().level(), "self-referral form", by, at);
        }
    }

    /** Links the referral to the person's patient record (confirmed by a clinician, or by NHS number). */
    public void linkPatient(UUID patient, String how, String by, Instant at) {
        if (patientId != null && !patientId.equals(patient)) {
            throw new InvalidInputException("patient", "This referral is already linked to another patient record");
        }
        this.patientId = patient;
        record(at, by, "Linked to patient record", how);
    }

    /** The NHS number, traced or confirmed at triage when the referral came without one. */
    public void confirmNhsNumber(NhsNumber number, String by, Instant at) {
        if (nhsNumber != null && !nhsNumber.equals(number.value())) {
            throw new InvalidInputException("nhsNumber", "This referral already has the NHS number " + nhsNumber);
        }
        if (nhsNumber == null) {
            this.nhsNumber = number.value();
            record(at, by, "NHS number added", number.formatted());
        }
    }

    /** A red flag reported after intake raises the referral's level (never lowers it). */
    public void reportRedFlags(Set<String> ids, RedFlagLevel level, String where, String by, Instant at) {
        Set<String> yes = new LinkedHashSet<>(redFlagsYes());
        yes.addAll(ids);
        this.redFlagsYes = String.join(",", yes);
        this.redFlagLevel = redFlagLevel.atLeast(level);
        this.redFlagRank = redFlagLevel.rank();
        record(at, by, "Red flag reported", where + ": " + String.join(", ", ids));
    }

    public void attach(ReferralAttachment attachment) {
        attachments.add(attachment);
        record(attachment.uploadedAt(), attachment.uploadedBy(), "Attachment added", attachment.filename());
    }

    private void record(Instant at, String by, String action, String detail) {
        historyEntries.add(new ReferralHistoryEntry(at, by, action, detail));
    }

    @DomainEvents
    public List<Object> events() {
        return Collections.unmodifiableList(events);
    }

    @AfterDomainEventPublication
    void clearEvents() {
        events.clear();
    }

    public UUID id() { return id; }
    public String reference() { return reference; }
    public ReferralSource source() { return source; }
    public String ubrn() { return ubrn; }
    public LocalDate receivedOn() { return receivedOn; }
    public Instant receivedAt() { return receivedAt; }
    public String icbCode() { return icbCode; }
    public String gpPracticeCode() { return gpPracticeCode; }
    public String referrer() { return referrer; }
    public Optional<UUID> patientId() { return Optional.ofNullable(patientId); }
    public String nhsNumber() { return nhsNumber; }
    public String givenName() { return givenName; }
    public String familyName() { return familyName; }
    public LocalDate birthDate() { return birthDate; }
    public String postcode() { return contact.postcode(); }
    public String phone() { return contact.phone(); }
    public String email() { return contact.email(); }
    public List<String> contactPreferences() { return split(contact.contactPreferences()); }
    public String preferredLanguage() { return contact.preferredLanguage(); }
    public boolean interpreterNeeded() { return contact.interpreterNeeded(); }
    public List<String> accessibilityNeeds() { return split(contact.accessibilityNeeds()); }
    public String reasonCode() { return reasonCode; }
    public SymptomDuration symptomDuration() { return symptomDuration; }
    public String history() { return history; }
    public Urgency requestedUrgency() { return requestedUrgency; }
    public List<String> redFlagsAsked() { return split(redFlagsAsked); }
    public List<String> redFlagsYes() { return split(redFlagsYes); }
    public RedFlagLevel redFlagLevel() { return redFlagLevel; }
    public Optional<Instrument> instrument() { return Optional.ofNullable(questionnaire).map(ReferralQuestionnaire::instrument); }
    public List<Integer> instrumentAnswers() {
        return questionnaire == null ? List.of() : split(questionnaire.instrumentAnswers()).stream().map(Integer::valueOf).toList();
    }
    public Optional<InstrumentScore> score() {
        return Optional.ofNullable(questionnaire).map(q -> new InstrumentScore(q.instrument(), q.scoreTotal(), q.scoreDistress(), q.riskGroup()));
    }
    public Optional<RiskGroup> riskGroup() { return Optional.ofNullable(questionnaire).map(ReferralQuestionnaire::riskGroup); }
    public Optional<WorkStatus> workStatus() { return Optional.ofNullable(work.workStatus()); }
    public Integer daysOffWork() { return work.daysOffWork(); }
    public boolean wantsEmploymentSupport() { return work.wantsEmploymentSupport(); }
    public boolean wantsDebtSupport() { return work.wantsDebtSupport(); }
    public boolean consentToContact() { return consentToContact; }
    public ReferralStatus status() { return status; }
    public Optional<CarePathway> pathway() { return Optional.ofNullable(decision).map(ReferralDecision::pathway); }
    public Optional<Urgency> priority() { return Optional.ofNullable(decision).map(ReferralDecision::priority); }
    public String decisionReason() { return decision == null ? null : decision.decisionReason(); }
    public String overrideReason() { return decision == null ? null : decision.overrideReason(); }
    public String redirectedTo() { return decision == null ? null : decision.redirectedTo(); }
    public String rejectionLetter() { return decision == null ? null : decision.rejectionLetter(); }
    public String triagedBy() { return decision == null ? null : decision.triagedBy(); }
    public Instant triagedAt() { return decision == null ? null : decision.triagedAt(); }
    public String submissionKey() { return submissionKey; }
    public boolean answersComplete() { return answersComplete; }
    public List<ReferralHistoryEntry> historyEntries() { return Collections.unmodifiableList(historyEntries); }
    public List<ReferralAttachment> attachments() { return Collections.unmodifiableList(attachments); }
    public long version() { return version == null ? 0 : version; }

    public Set<BodySite> bodySites() {
        Set<BodySite> sites = EnumSet.noneOf(BodySite.class);
        split(bodySites).forEach(site -> sites.add(BodySite.valueOf(site)));
        return sites;
    }

    public String fullName() {
        return givenName + " " + familyName;
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }
}

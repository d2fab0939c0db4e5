package health.limber.support.internal;

import health.limber.patient.WorkStatus;
import health.limber.platform.ConflictException;
import health.limber.platform.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One request for work or money support (DOMAIN.md §10): to a service, for a reason, with the
 * person's consent to share named details when the service is outside the team; referred, accepted,
 * in progress, closed with a reason; its contacts and outcomes. Holds the rules for changing it.
 */
public class SupportReferral {

    public enum Source {
        TRIAGE("Asked for at referral"), ONE_STOP("At a one-stop visit"), CLINICIAN("By a clinician"), ADVISER("By an adviser"),
        PATIENT("Asked for in the app");

        private final String label;

        Source(String label) { this.label = label; }

        public String label() { return label; }
    }

    public enum Status {
        REFERRED("Referred", 0), ACCEPTED("Accepted", 1), IN_PROGRESS("In progress", 1), CLOSED("Closed", 2);

        private final String label;
        private final int rank;

        Status(String label, int rank) {
            this.label = label;
            this.rank = rank;
        }

        public String label() { return label; }

        /** The worklist's order: new referrals first, then those being worked on, then closed. */
        public int rank() { return rank; }
    }

    public enum CloseReason {
        SUPPORT_GIVEN("Support given"), DECLINED("The person declined"), NO_CONTACT("Could not make contact"),
        NOT_SUITABLE("Not the right service"), CONSENT_WITHDRAWN("Consent withdrawn");

        private final String label;

        CloseReason(String label) { this.label = label; }

        public String label() { return label; }
    }

    public enum ContactMode {
        IN_PERSON("In person"), PHONE("Phone"), VIDEO("Video"), EMAIL("Email"), TEXT("Text message");

        private final String label;

        ContactMode(String label) { this.label = label; }

        public String label() { return label; }
    }

    /** What came of the support; the work outcomes also say what the person's work status is from that day. */
    public enum OutcomeKind {
        RETURNED_TO_WORK("Returned to work", WorkStatus.EMPLOYED_WORKING),
        STAYED_IN_WORK("Stayed in work", WorkStatus.EMPLOYED_WORKING),
        PHASED_RETURN("Phased return to work started", WorkStatus.EMPLOYED_WORKING),
        HOURS_INCREASED("Hours increased", WorkStatus.EMPLOYED_WORKING),
        ACCESS_TO_WORK_APPLIED("Access to Work application made", null),
        DEBT_ADVICE_GIVEN("Debt advice given", null),
        BREATHING_SPACE_ENTERED("Breathing space entered", null),
        BENEFITS_CHECK_DONE("Benefits check done", null);

        private final String label;
        private final WorkStatus workStatus;

        OutcomeKind(String label, WorkStatus workStatus) {
            this.label = label;
            this.workStatus = workStatus;
        }

        public String label() { return label; }

        /** The work status this outcome records from its date, or null when it says nothing about work. */
        public WorkStatus workStatus() { return workStatus; }
    }

    public record Consent(String givenBy, Instant givenAt, String shared, String withdrawnBy, Instant withdrawnAt) {
        public boolean isWithdrawn() { return withdrawnAt != null; }
    }

    public record Contact(UUID id, LocalDate on, ContactMode mode, int minutes, String notes, String by, Instant at) {}

    public record Outcome(UUID id, OutcomeKind kind, LocalDate on, String note, String by, Instant at) {}

    /** The details a new referral needs; the service is checked by the caller against the episode's ICB. */
    public record Details(UUID episodeId, UUID patientId, String icbCode, String kindOfCare, SupportService service, String reason,
                          Source source, Consent consent, boolean shareClinical) {}

    private final UUID id;
    private final Details details;
    private final LocalDate referredOn;
    private final String referredBy;
    private final Instant referredAt;
    private Status status;
    private LocalDate acceptedOn;
    private LocalDate firstContactOn;
    private LocalDate closedOn;
    private CloseReason closeReason;
    private String closeNote;
    private Consent consent;
    private boolean shareClinical;
    private final List<Contact> contacts;
    private final List<Outcome> outcomes;
    private final long version;

    SupportReferral(UUID id, Details details, LocalDate referredOn, String referredBy, Instant referredAt, Status status, LocalDate acceptedOn,
                    LocalDate firstContactOn, LocalDate closedOn, CloseReason closeReason, String closeNote, List<Contact> contacts,
                    List<Outcome> outcomes, long version) {
        this.id = id;
        this.details = details;
        this.referredOn = referredOn;
        this.referredBy = referredBy;
        this.referredAt = referredAt;
        this.status = status;
        this.acceptedOn = acceptedOn;
        this.firstContactOn = firstContactOn;
        this.closedOn = closedOn;
        this.closeReason = closeReason;
        this.closeNote = closeNote;
        this.consent = details.consent();
        this.shareClinical = details.shareClinical();
        this.contacts = new ArrayList<>(contacts);
        this.outcomes = new ArrayList<>(outcomes);
        this.version = version;
    }

    /** The same referral as read, with its service's details, contacts and outcomes. */
    SupportReferral with(SupportService service, List<Contact> contacts, List<Outcome> outcomes) {
        Details full = new Details(details.episodeId(), details.patientId(), details.icbCode(), details.kindOfCare(), service, details.reason(),
                details.source(), consent, shareClinical);
        return new SupportReferral(id, full, referredOn, referredBy, referredAt, status, acceptedOn, firstContactOn, closedOn, closeReason,
                closeNote, contacts, outcomes, version);
    }

    /** A new referral: the reason is required, and a service outside the team needs the person's consent to share. */
    public static SupportReferral refer(Details details, String by, LocalDate today, Instant now) {
        String reason = details.reason() == null ? "" : details.reason().strip();
        if (reason.isEmpty()) {
            throw new InvalidInputException("reason", "Enter why the person would like help");
        }
        if (reason.length() > 1000) {
            throw new InvalidInputException("reason", "The reason must be 1,000 characters or fewer");
        }
        if (!details.service().inHouse() && (details.consent() == null || details.consent().shared() == null
                || details.consent().shared().isBlank())) {
            throw new InvalidInputException("consent", details.service().name() + " is outside this service: record that the person "
                    + "agreed to share their details with it, and what is shared");
        }
        Details checked = new Details(details.episodeId(), details.patientId(), details.icbCode(), details.kindOfCare(), details.service(), reason,
                details.source(), details.consent(), details.shareClinical());
        return new SupportReferral(UUID.randomUUID(), checked, today, by, now, Status.REFERRED, null, null, null, null, null, List.of(), List.of(), 0);
    }

    public void accept(LocalDate on) {
        if (status != Status.REFERRED) {
            throw new ConflictException("status", "Only a new referral can be accepted; this one is " + status.label().toLowerCase(), null);
        }
        status = Status.ACCEPTED;
        acceptedOn = on;
    }

    /** A contact with the person: it must fall between the referral and today; a first contact accepts a new referral. */
    public Contact recordContact(LocalDate on, ContactMode mode, Integer minutes, String notes, String by, LocalDate today, Instant now) {
        requireOpen();
        requireDate("contactOn", on, today);
        if (mode == null) {
            throw new InvalidInputException("mode", "Choose how you were in contact");
        }
        if (minutes == null || minutes < 1 || minutes > 480) {
            throw new InvalidInputException("minutes", "Enter the minutes spent, from 1 to 480");
        }
        if (notes != null && notes.length() > 2000) {
            throw new InvalidInputException("notes", "Notes must be 2,000 characters or fewer");
        }
        Contact contact = new Contact(UUID.randomUUID(), on, mode, minutes, notes == null || notes.isBlank() ? null : notes.strip(), by, now);
        contacts.add(contact);
        if (acceptedOn == null) {
            acceptedOn = on;
        }
        status = Status.IN_PROGRESS;
        if (firstContactOn == null || on.isBefore(firstContactOn)) {
            firstContactOn = on;
        }
        return contact;
    }

    /** An outcome of support under way (accepted or in progress); never on a new or closed referral. */
    public Outcome recordOutcome(OutcomeKind kind, LocalDate on, String note, String by, LocalDate today, Instant now) {
        if (status == Status.REFERRED || status == Status.CLOSED) {
            throw new ConflictException("status", "An outcome can be recorded only while support is under way; this referral is "
                    + status.label().toLowerCase(), null);
        }
        if (kind == null) {
            throw new InvalidInputException("kind", "Choose the outcome");
        }
        requireDate("outcomeOn", on, today);
        if (note != null && note.length() > 1000) {
            throw new InvalidInputException("note", "The note must be 1,000 characters or fewer");
        }
        Outcome outcome = new Outcome(UUID.randomUUID(), kind, on, note == null || note.isBlank() ? null : note.strip(), by, now);
        outcomes.add(outcome);
        return outcome;
    }

    public void close(CloseReason reason, String note, LocalDate on) {
        requireOpen();
        if (reason == null) {
            throw new InvalidInputException("closeReason", "Choose why the referral is closed");
        }
        if (note != null && note.length() > 1000) {
            throw new InvalidInputException("closeNote", "The note must be 1,000 characters or fewer");
        }
        status = Status.CLOSED;
        closedOn = on;
        closeReason = reason;
        closeNote = note == null || note.isBlank() ? null : note.strip();
    }

    /**
     * The person withdraws consent: to share with an outside service (the referral closes and nothing
     * more is sent), or for the adviser to see their clinical details (the referral goes on without).
     */
    public void withdrawConsent(String by, Instant at, LocalDate on) {
        if (!details.service().inHouse()) {
            if (consent == null || consent.isWithdrawn()) {
                throw new ConflictException("consent", "Consent has already been withdrawn", null);
            }
            consent = new Consent(consent.givenBy(), consent.givenAt(), consent.shared(), by, at);
            if (status != Status.CLOSED) {
                close(CloseReason.CONSENT_WITHDRAWN, null, on);
            }
        } else {
            if (!shareClinical) {
                throw new ConflictException("consent", "The person has not agreed to share clinical details, so there is nothing to withdraw", null);
            }
            shareClinical = false;
            consent = new Consent(consent == null ? null : consent.givenBy(), consent == null ? null : consent.givenAt(),
                    consent == null ? null : consent.shared(), by, at);
        }
    }

    private void requireOpen() {
        if (status == Status.CLOSED) {
            throw new ConflictException("status", "This referral is closed", null);
        }
    }

    private void requireDate(String field, LocalDate on, LocalDate today) {
        if (on == null) {
            throw new InvalidInputException(field, "Enter the date");
        }
        if (on.isBefore(referredOn)) {
            throw new InvalidInputException(field, "The date cannot be before the referral (" + health.limber.platform.LimberTime.DAY.format(referredOn) + ")");
        }
        if (on.isAfter(today)) {
            throw new InvalidInputException(field, "The date cannot be in the future");
        }
    }

    public UUID id() { return id; }
    public Details details() { return details; }
    public SupportService service() { return details.service(); }
    public LocalDate referredOn() { return referredOn; }
    public String referredBy() { return referredBy; }
    public Instant referredAt() { return referredAt; }
    public Status status() { return status; }
    public LocalDate acceptedOn() { return acceptedOn; }
    public LocalDate firstContactOn() { return firstContactOn; }
    public LocalDate closedOn() { return closedOn; }
    public CloseReason closeReason() { return closeReason; }
    public String closeNote() { return closeNote; }
    public Consent consent() { return consent; }
    public boolean shareClinical() { return shareClinical; }
    public List<Contact> contacts() { return List.copyOf(contacts); }
    public List<Outcome> outcomes() { return List.copyOf(outcomes); }
    public long version() { return version; }
}

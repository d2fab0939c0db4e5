package health.limber.episode.internal;

import health.limber.episode.DischargeReason;
import health.limber.patient.PatientId;
import health.limber.platform.InvalidInputException;
import health.limber.platform.LimberTime;
import health.limber.referral.CarePathway;
import health.limber.referral.ReferralId;
import health.limber.referral.ReferralSource;
import health.limber.waitinglist.PathwayId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A person's episode of care with the service: opened when their referral is accepted, ended by a
 * discharge (DOMAIN.md §3b). Each rule that protects the record is a method here: a discharge needs
 * its reason and a date inside the episode; a follow-up the patient asks for (PIFU) is taken only
 * inside the window given at discharge, and starts no new clock.
 */
public class Episode {

    /** The follow-up windows a service may give at a PIFU discharge, in months. */
    public static final Set<Integer> FOLLOW_UP_WINDOWS = Set.of(3, 6);
    static final int NOTE_LIMIT = 2000;

    /** Where the episode is, on a given day. */
    public enum Status {
        OPEN("Open"),
        FOLLOW_UP_WINDOW("Discharged: the person can ask for a follow-up"),
        CLOSED("Closed");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How and when the episode ended; {@code followUpUntil} is the last day of a PIFU window, else null. */
    public record Discharge(DischargeReason reason, LocalDate on, String note, String referredTo, LocalDate followUpUntil, String by,
                            Instant at) {}

    /** A follow-up the person asked for inside their PIFU window, and the team's answer once given. */
    public record FollowUpRequest(UUID id, LocalDate on, Instant at, String by, String what, String answer, String answeredBy,
                                  Instant answeredAt) {
        public boolean isOpen() {
            return answeredAt == null;
        }
    }

    private final EpisodeId id;
    private final PatientId patientId;
    private final ReferralId referralId;
    private final String reference;
    private final String icbCode;
    private final String providerCode;
    private final CarePathway kindOfCare;
    private final ReferralSource source;
    private final LocalDate referredOn;
    private final LocalDate openedOn;
    private final PathwayId pathwayId;
    private final Instant createdAt;
    private Discharge discharge;
    private final List<FollowUpRequest> followUps;
    private final long version;

    Episode(EpisodeId id, PatientId patientId, ReferralId referralId, String reference, String icbCode, String providerCode,
            CarePathway kindOfCare, ReferralSource source, LocalDate referredOn, LocalDate openedOn, PathwayId pathwayId, Instant createdAt,
            Discharge discharge, List<FollowUpRequest> followUps, long version) {
        this.id = Objects.requireNonNull(id);
        this.patientId = Objects.requireNonNull(patientId);
        if (referralId == null && pathwayId == null) {
            throw new IllegalArgumentException("An episode begins with a referral or an imported waiting-list pathway");
        }
        this.referralId = referralId;
        this.reference = reference;
        this.icbCode = icbCode;
        this.providerCode = providerCode;
        this.kindOfCare = kindOfCare;
        this.source = source;
        this.referredOn = referredOn;
        this.openedOn = openedOn;
        this.pathwayId = pathwayId;
        this.createdAt = createdAt;
        this.discharge = discharge;
        this.followUps = new ArrayList<>(followUps);
        this.version = version;
    }

    /**
     * A new episode for an accepted referral, received on {@code referredOn} and accepted on
     * {@code openedOn}; {@code pathwayId} is null when no waiting-list pathway is known for it.
     */
    public static Episode open(PatientId patientId, ReferralId referralId, String reference, String icbCode, String providerCode,
                               CarePathway kindOfCare, ReferralSource source, LocalDate referredOn, LocalDate openedOn, PathwayId pathwayId,
                               Instant now) {
        if (openedOn.isBefore(referredOn)) {
            throw new IllegalArgumentException("An episode opens on or after its referral was received");
        }
        return new Episode(EpisodeId.of(UUID.randomUUID()), patientId, referralId, reference, icbCode, providerCode, kindOfCare, source,
                referredOn, openedOn, pathwayId, now, null, List.of(), 0);
    }

    /**
     * Ends the episode. Refused, naming the field, when it has ended already, when the reason or the
     * date is missing, when the date is before the episode opened or after today, when a referral on
     * does not say where to, or when a PIFU window is not one the service offers.
     *
     * @param followUpMonths the PIFU window; used only when the reason is PIFU (null: {@code defaultMonths})
     */
    public void discharge(DischargeReason reason, LocalDate on, String note, String referredTo, Integer followUpMonths, int defaultMonths,
                          String by, Instant at) {
        LocalDate today = LimberTime.dateOf(at);
        if (discharge != null) {
            throw new InvalidInputException("episode", "This episode was already discharged on " + LimberTime.DAY.format(discharge.on()));
        }
        if (reason == null) {
            throw new InvalidInputException("reason", "Choose why the person is being discharged");
        }
        if (on == null) {
            throw new InvalidInputException("on", "Enter the date of discharge");
        }
        if (on.isBefore(openedOn)) {
            throw new InvalidInputException("on", "The discharge date cannot be before the episode opened, on " + LimberTime.DAY.format(openedOn));
        }
        if (on.isAfter(today)) {
            throw new InvalidInputException("on", "The discharge date cannot be in the future");
        }
        String where = blankToNull(referredTo);
        if (reason == DischargeReason.REFERRED_ON && where == null) {
            throw new InvalidInputException("referredTo", "Say which service the person is referred on to");
        }
        if (where != null && where.length() > 200) {
            throw new InvalidInputException("referredTo", "The service referred on to must be 200 characters or fewer");
        }
        String said = blankToNull(note);
        if (said != null && said.length() > NOTE_LIMIT) {
            throw new InvalidInputException("note", "The note must be " + NOTE_LIMIT + " characters or fewer");
        }
        LocalDate until = null;
        if (reason == DischargeReason.PATIENT_INITIATED_FOLLOW_UP) {
            int months = followUpMonths == null ? defaultMonths : followUpMonths;
            if (!FOLLOW_UP_WINDOWS.contains(months)) {
                throw new InvalidInputException("followUpMonths", "The follow-up window must be 3 or 6 months");
            }
            until = on.plusMonths(months);
        } else if (followUpMonths != null) {
            throw new InvalidInputException("followUpMonths", "A follow-up window is given only with a patient-initiated follow-up discharge");
        }
        this.discharge = new Discharge(reason, on, said, reason == DischargeReason.REFERRED_ON ? where : null, until, by, at);
    }

    /**
     * The person asks for a follow-up inside their PIFU window: recorded on this episode (no new
     * referral, no new clock). While one is waiting for the team's answer, asking again returns it.
     */
    public FollowUpRequest requestFollowUp(String what, String by, Instant at) {
        LocalDate today = LimberTime.dateOf(at);
        if (discharge == null || discharge.followUpUntil() == null) {
            throw new InvalidInputException("episode", "This episode has no patient-initiated follow-up to ask for");
        }
        if (today.isAfter(discharge.followUpUntil())) {
            throw new InvalidInputException("episode", "The time to ask for a follow-up ended on " + LimberTime.DAY.format(discharge.followUpUntil())
                    + ". Contact your GP, or refer yourself again if your symptoms have come back");
        }
        String said = blankToNull(what);
        if (said != null && said.length() > 1000) {
            throw new InvalidInputException("what", "Tell us in 1000 characters or fewer");
        }
        Optional<FollowUpRequest> waiting = followUps.stream().filter(FollowUpRequest::isOpen).findFirst();
        if (waiting.isPresent()) {
            return waiting.get();
        }
        FollowUpRequest request = new FollowUpRequest(UUID.randomUUID(), today, at, by, said, null, null, null);
        followUps.add(request);
        return request;
    }

    /** The team's answer to a follow-up request (the appointment offered, or why none is needed). */
    public FollowUpRequest answerFollowUp(UUID requestId, String answer, String by, Instant at) {
        FollowUpRequest request = followUps.stream().filter(r -> r.id().equals(requestId)).findFirst()
                .orElseThrow(() -> new InvalidInputException("request", "This episode has no such follow-up request"));
        if (!request.isOpen()) {
            throw new InvalidInputException("request", "This follow-up request was answered already");
        }
        String said = blankToNull(answer);
        if (said == null) {
            throw new InvalidInputException("answer", "Say what was arranged, for example the date of the follow-up appointment");
        }
        if (said.length() > 1000) {
            throw new InvalidInputException("answer", "The answer must be 1000 characters or fewer");
        }
        FollowUpRequest answered = new FollowUpRequest(request.id(), request.on(), request.at(), request.by(), request.what(), said, by, at);
        followUps.set(followUps.indexOf(request), answered);
        return answered;
    }

    /** Open until discharged; after a PIFU discharge, in its window until the window's last day (or while a request waits); then closed. */
    public Status status(LocalDate today) {
        if (discharge == null) {
            return Status.OPEN;
        }
        boolean inWindow = discharge.followUpUntil() != null && !today.isAfter(discharge.followUpUntil());
        return inWindow || followUps.stream().anyMatch(FollowUpRequest::isOpen) ? Status.FOLLOW_UP_WINDOW : Status.CLOSED;
    }

    /** The last day the episode's care counts for: the discharge date, or today while open. */
    public LocalDate lastDay(LocalDate today) {
        return discharge == null ? today : discharge.on();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** What other modules may know of the episode. */
    public health.limber.episode.EpisodeFacts facts() {
        return new health.limber.episode.EpisodeFacts(id.value(), patientId, reference, icbCode, kindOfCare, openedOn,
                discharge == null ? null : discharge.on());
    }

    public EpisodeId id() { return id; }
    public PatientId patientId() { return patientId; }

    /** The kind of care decided at triage in words; an episode opened from an imported pathway has none. */
    public String kindOfCareLabel() {
        return kindOfCare == null ? "Not decided in Limber (imported waiting-list pathway)" : kindOfCare.label();
    }

    /** Whether the episode began with a referral in Limber (not from an imported waiting-list pathway). */
    public boolean hasReferral() {
        return referralId != null;
    }

    public ReferralId referralId() { return referralId; }
    public String reference() { return reference; }
    public String icbCode() { return icbCode; }
    public String providerCode() { return providerCode; }
    public CarePathway kindOfCare() { return kindOfCare; }
    public ReferralSource source() { return source; }
    public LocalDate referredOn() { return referredOn; }
    public LocalDate openedOn() { return openedOn; }
    public Optional<PathwayId> pathwayId() { return Optional.ofNullable(pathwayId); }
    public Instant createdAt() { return createdAt; }
    public Optional<Discharge> discharge() { return Optional.ofNullable(discharge); }
    public List<FollowUpRequest> followUps() { return List.copyOf(followUps); }
    public long version() { return version; }
}

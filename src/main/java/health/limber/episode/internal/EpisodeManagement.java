package health.limber.episode.internal;

import health.limber.clinic.OneToOneReferrals;
import health.limber.episode.DischargeReason;
import health.limber.identity.Actor;
import health.limber.identity.AuditAction;
import health.limber.identity.AuditLog;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.outcome.OutcomeSchedules;
import health.limber.patient.NhsNumber;
import health.limber.patient.Patient;
import health.limber.patient.PatientId;
import health.limber.patient.PatientManagement;
import health.limber.platform.ConflictException;
import health.limber.platform.InvalidInputException;
import health.limber.platform.LimberTime;
import health.limber.platform.NotFoundException;
import health.limber.referral.ReferralId;
import health.limber.waitinglist.WaitingListManagement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading an episode and changing it: discharge (which stops a clock still running and files the
 * discharge summary), the patient's follow-up request in a PIFU window and the team's answer.
 * Staff of the episode's ICB and the person themselves may read it; every read is audited.
 */
@Service
public class EpisodeManagement {

    static final String RESOURCE = "Episode";

    /** A discharge as asked for: what the page's form and the API send. */
    public record DischargeRequest(DischargeReason reason, LocalDate on, String note, String referredTo, Integer followUpMonths) {}

    private final Episodes episodes;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final WaitingListManagement waitingList;
    private final PatientManagement patients;
    private final DischargeSummaries summaries;
    private final OneToOneReferrals oneToOne;
    private final OutcomeSchedules outcomes;
    private final Clock clock;
    private final int followUpMonths;

    EpisodeManagement(Episodes episodes, CurrentActor currentActor, AuditLog audit, WaitingListManagement waitingList,
                      PatientManagement patients, DischargeSummaries summaries, OneToOneReferrals oneToOne, OutcomeSchedules outcomes, Clock clock,
                      @Value("${limber.episode.follow-up-months:6}") int followUpMonths) {
        this.episodes = episodes;
        this.currentActor = currentActor;
        this.audit = audit;
        this.waitingList = waitingList;
        this.patients = patients;
        this.summaries = summaries;
        this.oneToOne = oneToOne;
        this.outcomes = outcomes;
        this.clock = clock;
        this.followUpMonths = followUpMonths;
    }

    /** The service's PIFU window, in months, when a discharge does not choose one. */
    public int defaultFollowUpMonths() {
        return followUpMonths;
    }

    @Transactional
    public Episode read(EpisodeId id) {
        Episode episode = episodes.find(id).orElseThrow(() -> new NotFoundException("No such episode"));
        return allowed(episode, AuditAction.READ);
    }

    /** A person's episodes, newest first: for staff who may read the record, and the person themselves. */
    @Transactional
    public List<Episode> ofPatient(PatientId patientId) {
        patients.read(patientId);
        return episodes.ofPatient(patientId);
    }

    /** The signed-in patient's own episodes, newest first. */
    @Transactional
    public List<Episode> mine() {
        Actor actor = currentActor.get();
        if (!actor.isPatient()) {
            throw new AccessDeniedException("Only a patient has their own episodes");
        }
        List<Episode> mine = episodes.ofPatient(PatientId.of(actor.patientId()));
        mine.forEach(e -> audit.allowed(actor.patientId(), AuditAction.READ, RESOURCE, e.id().toString()));
        return mine;
    }

    /** Episodes of the reader's ICBs whose person asked for a follow-up the team has not answered, longest waiting first. */
    @Transactional(readOnly = true)
    public List<Episode> followUpsWaiting() {
        return episodes.withFollowUpWaiting(staff().servedIcbs());
    }

    /** Episodes of the reader's ICBs still open, open longest first (the first 50), and how many are open in all. */
    public record OpenEpisodes(List<Episode> longest, int count) {}

    @Transactional(readOnly = true)
    public OpenEpisodes open() {
        var icbs = staff().servedIcbs();
        return new OpenEpisodes(episodes.openLongest(icbs, 50), episodes.countOpen(icbs));
    }

    /**
     * Discharges of the reader's ICBs in a period, by reason, and the share moved to patient-initiated
     * follow-up, which NHS England asks services to report (DOMAIN.md §3b).
     */
    public record DischargeFigures(LocalDate from, LocalDate to, java.util.Map<DischargeReason, Integer> byReason) {
        @com.fasterxml.jackson.annotation.JsonProperty
        public int total() {
            return byReason.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Null when no one was discharged. */
        @com.fasterxml.jackson.annotation.JsonProperty
        public Double pifuShare() {
            return total() == 0 ? null : byReason.getOrDefault(DischargeReason.PATIENT_INITIATED_FOLLOW_UP, 0) / (double) total();
        }
    }

    /** Discharges from {@code from} to {@code to} (both included; null: the 12 months to today). */
    @Transactional(readOnly = true)
    public DischargeFigures dischargeFigures(LocalDate from, LocalDate to) {
        LocalDate until = to == null ? LimberTime.today(clock) : to;
        LocalDate since = from == null ? until.minusYears(1).plusDays(1) : from;
        if (since.isAfter(until)) {
            throw new InvalidInputException("from", "The start of the period must be on or before its end");
        }
        return new DischargeFigures(since, until, episodes.dischargesByReason(staff().servedIcbs(), since, until));
    }

    /** Episodes of the reader's ICBs discharged in the last 30 days, latest first. */
    @Transactional(readOnly = true)
    public List<Episode> recentlyDischarged() {
        return episodes.dischargedSince(staff().servedIcbs(), LimberTime.today(clock).minusDays(30), 50);
    }

    /**
     * Discharges the person, as read at {@code version} (409 with the episode as it is now if it has
     * changed). A clock still running on the pathway stops on the discharge date (a non-treatment
     * stop), and the discharge summary for the GP is filed on the episode, all in one transaction.
     */
    @Transactional
    public Episode discharge(EpisodeId id, long version, DischargeRequest request) {
        Actor actor = currentActor.get();
        Episode episode = read(id);
        if (actor.role() != Role.CLINICIAN) {
            throw new AccessDeniedException("Only a clinician can discharge a person");
        }
        requireVersion(episode, version);
        episode.discharge(request.reason(), request.on(), request.note(), request.referredTo(), request.followUpMonths(), followUpMonths,
                actor.username(), clock.instant());
        try {
            episodes.saveDischarge(episode);
        } catch (OptimisticLockingFailureException raced) {
            throw stale(id);
        }
        Episode.Discharge discharge = episode.discharge().orElseThrow();
        episode.pathwayId().ifPresent(pathway -> waitingList.stopOnDischarge(pathway, discharge.on(),
                discharge.reason() == DischargeReason.DECLINED_FURTHER_CARE));
        if (episode.hasReferral()) {
            oneToOne.closeReferral(episode.referralId(), discharge.on(), discharge.followUpUntil());
        }
        outcomes.discharged(EpisodeOutcomes.ref(episode), discharge.on());
        Episode stored = episodes.find(id).orElseThrow();
        episodes.insertLetter(id, DischargeSummaries.KIND, summaries.render(stored), actor.username(), clock.instant());
        audit.allowed(episode.patientId().value(), AuditAction.UPDATE, RESOURCE, id.toString());
        return stored;
    }

    /**
     * The person asks for a follow-up inside their PIFU window (staff may record it for them, after a
     * phone call). It goes on this episode: no new referral and no new waiting-list clock.
     */
    @Transactional
    public Episode.FollowUpRequest requestFollowUp(EpisodeId id, String what) {
        Actor actor = currentActor.get();
        Episode episode = read(id);
        boolean oneWaiting = episode.followUps().stream().anyMatch(Episode.FollowUpRequest::isOpen);
        Episode.FollowUpRequest request = episode.requestFollowUp(what, actor.username(), clock.instant());
        if (!oneWaiting) {
            try {
                episodes.saveFollowUp(episode, request);
            } catch (OptimisticLockingFailureException raced) {
                throw stale(id);
            }
            audit.allowed(episode.patientId().value(), AuditAction.UPDATE, RESOURCE, id.toString());
        }
        return request;
    }

    /**
     * Makes the person bookable for a 1:1 follow-up on this episode, inside its PIFU window (staff of
     * the ICB): no new referral and no new clock. Returns the referral to book with.
     */
    @Transactional
    public ReferralId bookableForFollowUp(EpisodeId id) {
        staff();
        Episode episode = read(id);
        Episode.Discharge discharge = episode.discharge().orElse(null);
        if (discharge == null || episode.status(LimberTime.today(clock)) != Episode.Status.FOLLOW_UP_WINDOW) {
            throw new InvalidInputException("followUp", "A follow-up can be booked here only while the person can ask for one after a "
                    + "patient-initiated follow-up discharge; an open episode is booked from the 1:1 list");
        }
        if (!episode.hasReferral()) {
            throw new InvalidInputException("followUp", "This episode began as an imported waiting-list pathway and has no referral in "
                    + "Limber, so its follow-up cannot be booked from here: book it from the 1:1 list once the person's referral is accepted");
        }
        Patient patient = patients.read(episode.patientId());
        return oneToOne.admitForFollowUp(new OneToOneReferrals.FollowUpPerson(episode.referralId(), episode.reference(), episode.patientId(),
                patient.givenName() + " " + patient.familyName(), patient.birthDate(), patient.nhsNumber().map(NhsNumber::value).orElse(null),
                episode.icbCode(), episode.providerCode(), patient.preferredLanguage(), patient.interpreterNeeded(), patient.needs().stepFreeAccess(),
                episode.referredOn(), discharge.on(), discharge.followUpUntil()));
    }

    /** The team's answer to a follow-up request: what was arranged (staff of the ICB). */
    @Transactional
    public Episode answerFollowUp(EpisodeId id, long version, UUID requestId, String answer) {
        Actor actor = staff();
        Episode episode = read(id);
        requireVersion(episode, version);
        Episode.FollowUpRequest answered = episode.answerFollowUp(requestId, answer, actor.username(), clock.instant());
        try {
            episodes.saveFollowUp(episode, answered);
        } catch (OptimisticLockingFailureException raced) {
            throw stale(id);
        }
        audit.allowed(episode.patientId().value(), AuditAction.UPDATE, RESOURCE, id.toString());
        return episodes.find(id).orElseThrow();
    }

    /**
     * The discharge summary filed on the episode, as PDF. An episode discharged before Limber had it
     * (moved in from elsewhere) has its summary written and filed the first time it is asked for.
     */
    @Transactional
    public byte[] dischargeSummary(EpisodeId id) {
        Episode episode = read(id);
        if (episode.discharge().isEmpty()) {
            throw new NotFoundException("This episode has no discharge summary yet: the person has not been discharged");
        }
        return episodes.letter(id, DischargeSummaries.KIND).orElseGet(() -> {
            byte[] pdf = summaries.render(episode);
            episodes.insertLetter(id, DischargeSummaries.KIND, pdf, currentActor.get().username(), clock.instant());
            return pdf;
        });
    }

    private void requireVersion(Episode episode, long version) {
        if (episode.version() != version) {
            throw new ConflictException("version", "Someone else changed this episode after you opened it. Check it and try again", episode);
        }
    }

    private ConflictException stale(EpisodeId id) {
        return new ConflictException("version", "Someone else changed this episode at the same moment. Check it and try again",
                episodes.find(id).orElse(null));
    }

    private Actor staff() {
        Actor actor = currentActor.get();
        if (actor.role() != Role.CLINICIAN && actor.role() != Role.SERVICE_MANAGER) {
            throw new AccessDeniedException("Only clinicians and service managers work with episodes of care");
        }
        return actor;
    }

    /** The person themselves, or a clinician or service manager of the episode's ICB; another patient is told there is no such episode. */
    private Episode allowed(Episode episode, AuditAction action) {
        Actor actor = currentActor.get();
        if (actor.isPatient()) {
            if (!actor.isPatient(episode.patientId().value())) {
                throw new NotFoundException("No such episode");
            }
        } else if ((actor.role() != Role.CLINICIAN && actor.role() != Role.SERVICE_MANAGER) || !actor.serves(episode.icbCode())) {
            audit.denied(episode.patientId().value(), action, RESOURCE, episode.id().toString());
            throw new AccessDeniedException("You do not have access to this episode");
        }
        audit.allowed(episode.patientId().value(), action, RESOURCE, episode.id().toString());
        return episode;
    }
}

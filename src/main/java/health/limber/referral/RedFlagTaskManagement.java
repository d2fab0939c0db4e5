package health.limber.referral;

import static health.limber.referral.internal.ReferralAccess.TRIAGERS;

import health.limber.identity.Actor;
import health.limber.identity.AuditAction;
import health.limber.identity.AuditLog;
import health.limber.identity.CurrentActor;
import health.limber.patient.PatientId;
import health.limber.platform.InvalidInputException;
import health.limber.platform.NotFoundException;
import health.limber.referral.internal.RedFlagTask;
import health.limber.referral.internal.RedFlagTaskRaised;
import health.limber.referral.internal.Referral;
import health.limber.referral.internal.ReferralAccess;
import health.limber.referral.internal.ReferralQueries;
import health.limber.referral.internal.Referrals;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Red-flag tasks: raised when a referral arrives with a red flag or one is reported while the person
 * waits (in the app, a questionnaire, at validation), taken and closed by the triage team of the
 * ICB, and escalated when overdue (same day for an emergency, 24 hours for urgent).
 */
@Service
public class RedFlagTaskManagement {

    private static final Logger log = LoggerFactory.getLogger(RedFlagTaskManagement.class);

    private final Referrals referrals;
    private final RedFlagTasks tasks;
    private final ReferralQueries queries;
    private final RedFlagQuestions questions;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RedFlagTaskManagement(Referrals referrals, RedFlagTasks tasks, ReferralQueries queries, RedFlagQuestions questions,
                          CurrentActor currentActor, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.referrals = referrals;
        this.tasks = tasks;
        this.queries = queries;
        this.questions = questions;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A red flag reported while the person waits (by the patient in the app, in a questionnaire or at
     * validation): raises a task at once and raises the level of the person's latest referral.
     */
    @Transactional
    public Optional<UUID> reportRedFlag(PatientId patient, String icbCode, Set<String> flagIds, RedFlagSource where, String detail) {
        UUID patientId = PatientId.uuidOf(patient);
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

    /**
     * An answer in an outcome questionnaire raised red flags: a task at once, in the transaction that
     * stores the answer. A flag that is one of the red-flag questions takes that question's level;
     * any other (such as thoughts of self-harm in PHQ-9) is urgent.
     */
    @org.springframework.context.event.EventListener
    void on(health.limber.outcome.RedFlagAnswered answered) {
        Referral latest = referrals.findByPatientIdOrderByReceivedOnDesc(answered.patientId()).stream().findFirst().orElse(null);
        RedFlagLevel level = RedFlagLevel.URGENT;
        for (String flag : answered.flags()) {
            level = level.atLeast(questions.find(flag).map(RedFlagQuestion::level).orElse(RedFlagLevel.URGENT));
        }
        RedFlagTask task = RedFlagTask.raise(latest == null ? null : latest.id(), answered.patientId(),
                latest == null ? answered.icbCode() : latest.icbCode(), level, RedFlagSource.QUESTIONNAIRE, String.join(",", answered.flags()),
                answered.detail() + " (answered in " + answered.instrument() + ")", clock.instant());
        tasks.save(task);
        events.publishEvent(new RedFlagTaskRaised(task.id(), task.referralId().orElse(null), task.icbCode(), task.level(), task.dueAt()));
    }

    /** The task a referral received with a red flag raises, with the red flags in the words staff use. */
    public void raiseAtIntake(Referral referral, RedFlagSource source) {
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

    @Transactional(readOnly = true)
    public long openTaskCount() {
        Actor actor = ReferralAccess.require(currentActor, audit, TRIAGERS, null);
        return queries.countOpenTasks(actor.servedIcbs());
    }

    @Transactional(readOnly = true)
    public List<ReferralQueries.TaskRow> openTasks() {
        Actor actor = ReferralAccess.require(currentActor, audit, TRIAGERS, null);
        return queries.openTasks(actor.servedIcbs(), clock.instant());
    }

    /** A referral's tasks, for a reader {@link ReferralManagement#read} has let see it. */
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
        Actor actor = ReferralAccess.require(currentActor, audit, TRIAGERS, null);
        if (!actor.serves(task.icbCode())) {
            audit.denied(task.patientId().orElse(null), AuditAction.UPDATE, "RedFlagTask", taskId.toString());
            throw new AccessDeniedException("Not a task of your ICBs");
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
}

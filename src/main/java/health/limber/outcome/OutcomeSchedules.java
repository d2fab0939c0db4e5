package health.limber.outcome;

import health.limber.identity.Actor;
import health.limber.identity.AuditAction;
import health.limber.identity.AuditLog;
import health.limber.identity.CurrentActor;
import health.limber.notification.Channel;
import health.limber.notification.Outbox;
import health.limber.patient.Patient;
import health.limber.patient.PatientId;
import health.limber.patient.PatientManagement;
import health.limber.platform.LimberTime;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What falls due when: the instruments at baseline (when the episode opens at triage), 6 weeks,
 * discharge and 3 months after discharge, per kind of care ({@code limber.outcome.schedule.<TIME_POINT>}
 * and {@code limber.outcome.schedule.<KIND_OF_CARE>.<TIME_POINT>}, lists of instrument keys). Each time
 * point's reminder goes through the outbox on the day it falls due, again 3 and 7 days later while
 * anything is still unanswered, by the channel the person agreed to and never after they opted
 * out; {@code limber.outcome.not-returned-after} days after it fell due it is "not returned".
 */
@Service
public class OutcomeSchedules {

    /** The episode whose questionnaires are scheduled, as the episode module knows it. */
    public record EpisodeRef(UUID episodeId, UUID patientId, String icbCode, String providerCode, String kindOfCare) {}

    static final List<Integer> REMINDER_DAYS = List.of(0, 3, 7);
    static final LocalTime REMINDER_TIME = LocalTime.of(10, 0);

    private final JdbcClient jdbc;
    private final Environment environment;
    private final Outbox outbox;
    private final PatientManagement patients;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final Clock clock;
    private final int notReturnedAfter;

    OutcomeSchedules(JdbcClient jdbc, Environment environment, Outbox outbox, PatientManagement patients, CurrentActor currentActor, AuditLog audit,
                     Clock clock, @Value("${limber.outcome.not-returned-after:14}") int notReturnedAfter) {
        this.jdbc = jdbc;
        this.environment = environment;
        this.outbox = outbox;
        this.patients = patients;
        this.currentActor = currentActor;
        this.audit = audit;
        this.clock = clock;
        this.notReturnedAfter = notReturnedAfter;
    }

    /** The instruments due at a time point for a kind of care (its own list, else the service's default). */
    public List<String> instruments(String kindOfCare, TimePoint point) {
        String own = kindOfCare == null ? null : environment.getProperty("limber.outcome.schedule." + kindOfCare + "." + point.name());
        String list = own != null ? own : environment.getProperty("limber.outcome.schedule." + point.name(), "");
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The episode opened (triage, or first contact for an imported pathway): baseline now, and 6 weeks on. */
    @Transactional
    public void opened(EpisodeRef episode, LocalDate on) {
        schedule(episode, TimePoint.BASELINE, on);
        schedule(episode, TimePoint.SIX_WEEKS, on.plusWeeks(6));
    }

    /** The episode was discharged: what had not yet fallen due is not needed; discharge now and 3 months on. */
    @Transactional
    public void discharged(EpisodeRef episode, LocalDate on) {
        jdbc.sql("update outcome_due set status = 'CANCELLED', closed_on = :on where episode_id = :e and status = 'DUE' and due_on > :on")
                .param("on", on).param("e", episode.episodeId()).update();
        outbox.withdraw(reminderPrefix(episode.patientId(), episode.episodeId(), TimePoint.SIX_WEEKS));
        schedule(episode, TimePoint.DISCHARGE, on);
        schedule(episode, TimePoint.FOLLOW_UP, on.plusMonths(3));
    }

    private void schedule(EpisodeRef episode, TimePoint point, LocalDate dueOn) {
        List<String> instruments = instruments(episode.kindOfCare(), point);
        if (instruments.isEmpty()) {
            return;
        }
        Reachable reachable = reachable(episode.patientId());
        int added = 0;
        for (String instrument : instruments) {
            added += jdbc.sql("""
                    insert into outcome_due (id, episode_id, patient_id, icb_code, provider_code, kind_of_care, time_point, instrument, due_on, status,
                    reminded)
                    select :id, :e, :p, :icb, :provider, :kind, :point, :i, :due, 'DUE', :reminded from (values (1)) one
                    where not exists (select 1 from outcome_due where episode_id = :e and time_point = :point and instrument = :i)""")
                    .param("id", UUID.randomUUID()).param("e", episode.episodeId()).param("p", episode.patientId()).param("icb", episode.icbCode())
                    .param("provider", episode.providerCode()).param("kind", episode.kindOfCare()).param("point", point.name())
                    .param("i", instrument).param("due", dueOn).param("reminded", reachable != null).update();
        }
        if (added > 0 && reachable != null) {
            remind(episode, point, dueOn, reachable);
        }
    }

    /** Where reminders go: the channel and address the person agreed to, or null (none agreed, or reminders stopped). */
    private record Reachable(Channel channel, String address) {}

    private Reachable reachable(UUID patientId) {
        if (optedOut(patientId)) {
            return null;
        }
        Patient patient;
        try {
            patient = patients.read(PatientId.of(patientId));
        } catch (AccessDeniedException | health.limber.platform.NotFoundException | IllegalStateException e) {
            return null;
        }
        Channel channel = Channel.agreed(patient.contact().bySms(), patient.phone(), patient.contact().byEmail(), patient.email());
        return channel == null ? null : new Reachable(channel, channel == Channel.SMS ? patient.phone() : patient.email());
    }

    private void remind(EpisodeRef episode, TimePoint point, LocalDate dueOn, Reachable to) {
        Instant now = clock.instant();
        for (int days : REMINDER_DAYS) {
            Instant at = dueOn.plusDays(days).atTime(REMINDER_TIME).atZone(LimberTime.ZONE).toInstant();
            if (at.isBefore(now) && days > 0) {
                continue;
            }
            String body = (days == 0 ? "You have questions to answer about how you are getting on. "
                    : "A reminder: we have not yet had your answers about how you are getting on. ")
                    + "It takes a few minutes: sign in to Limber and choose Your questionnaires. Your answers help your physiotherapist "
                    + "and help us improve the service. To stop these reminders, choose Your questionnaires and then Stop reminders.";
            outbox.queue(new Outbox.Message(reminderPrefix(episode.patientId(), episode.episodeId(), point) + days, episode.patientId(),
                    episode.icbCode(), to.channel(), to.address(),
                    days == 0 ? "Questions about how you are getting on" : "A reminder: questions about how you are getting on", body,
                    at.isBefore(now) ? now : at));
        }
    }

    static String reminderPrefix(UUID patient, UUID episode, TimePoint point) {
        return "outcome:" + patient + ":" + episode + ":" + point.name() + ":";
    }

    public Optional<OutcomeDue> find(UUID dueId) {
        return jdbc.sql(SELECT + " where id = :id").param("id", dueId).query(OutcomeSchedules::row).optional();
    }

    /**
     * A due questionnaire was answered: its headline score and group are kept with it for the
     * reports; when nothing of its time point is left, its reminders stop.
     */
    @Transactional
    public void returned(UUID dueId, UUID responseId, LocalDate on, Double headline, String group) {
        OutcomeDue due = find(dueId).orElseThrow();
        jdbc.sql("""
                update outcome_due set status = 'RETURNED', response_id = :r, closed_on = :on, score_value = :score, answer_group = :grp
                where id = :id and status in ('DUE', 'NOT_RETURNED')""")
                .param("r", responseId).param("on", on).param("score", headline == null ? null : java.math.BigDecimal.valueOf(headline))
                .param("grp", group).param("id", dueId).update();
        Integer open = jdbc.sql("select count(*) from outcome_due where episode_id = :e and time_point = :t and status = 'DUE'")
                .param("e", due.episodeId()).param("t", due.timePoint().name()).query(Integer.class).single();
        if (open == 0) {
            outbox.withdraw(reminderPrefix(due.patientId(), due.episodeId(), due.timePoint()));
        }
    }

    /** Marks as not returned what fell due more than the grace days ago; safe to run on any number of instances. */
    @Scheduled(cron = "${limber.outcome.close-overdue-cron:0 15 * * * *}", zone = "Europe/London")
    @Transactional
    public int closeOverdue() {
        LocalDate today = LimberTime.today(clock);
        return jdbc.sql("update outcome_due set status = 'NOT_RETURNED', closed_on = :today where status = 'DUE' and due_on < :limit")
                .param("today", today).param("limit", today.minusDays(notReturnedAfter)).update();
    }

    /** What the person has to answer now, oldest first (the person themselves, or staff who may read the record). */
    @Transactional
    public List<OutcomeDue> dueNow(PatientId patientId) {
        patients.read(patientId);
        return jdbc.sql(SELECT + " where " + DUE_NOW + " order by due_on, time_point, instrument")
                .param("p", patientId.value()).param("today", LimberTime.today(clock)).param("since", LimberTime.today(clock).minusDays(notReturnedAfter))
                .query(OutcomeSchedules::row).list();
    }

    /** How many questionnaires the person has to answer now: for their own home page (no record is read). */
    int dueNowCount(UUID patientId) {
        return jdbc.sql("select count(*) from outcome_due where " + DUE_NOW).param("p", patientId).param("today", LimberTime.today(clock))
                .param("since", LimberTime.today(clock).minusDays(notReturnedAfter)).query(Integer.class).single();
    }

    /** Due now: fallen due, and not yet past the grace after which it is not returned. */
    private static final String DUE_NOW = "patient_id = :p and status = 'DUE' and due_on <= :today and due_on >= :since";

    /** An episode's schedule in time order, for staff who may read the record and the person. */
    @Transactional
    public List<OutcomeDue> ofEpisode(UUID episodeId, PatientId patientId) {
        patients.read(patientId);
        return jdbc.sql(SELECT + " where episode_id = :e and patient_id = :p order by due_on, time_point, instrument")
                .param("e", episodeId).param("p", patientId.value()).query(OutcomeSchedules::row).list();
    }

    /** The person asks for no more questionnaire reminders: queued ones are withdrawn. */
    @Transactional
    public void stopReminders(PatientId patientId) {
        Actor actor = currentActor.get();
        if (!actor.isPatient(patientId.value())) {
            throw new AccessDeniedException("Only the person may stop their own reminders");
        }
        if (!optedOut(patientId.value())) {
            jdbc.sql("insert into outcome_reminder_opt_out (patient_id, opted_at) values (:p, :at)")
                    .param("p", patientId.value()).param("at", Timestamp.from(clock.instant())).update();
        }
        outbox.withdraw("outcome:" + patientId.value() + ":");
        audit.allowed(patientId.value(), AuditAction.UPDATE, "ReminderPreference", patientId.value().toString());
    }

    @Transactional
    public void restartReminders(PatientId patientId) {
        if (!currentActor.get().isPatient(patientId.value())) {
            throw new AccessDeniedException("Only the person may change their own reminders");
        }
        jdbc.sql("delete from outcome_reminder_opt_out where patient_id = :p").param("p", patientId.value()).update();
        audit.allowed(patientId.value(), AuditAction.UPDATE, "ReminderPreference", patientId.value().toString());
    }

    public boolean optedOut(UUID patientId) {
        return jdbc.sql("select count(*) from outcome_reminder_opt_out where patient_id = :p").param("p", patientId).query(Integer.class).single() > 0;
    }

    private static final String SELECT = """
            select id, episode_id, patient_id, icb_code, kind_of_care, time_point, instrument, due_on, status, response_id, closed_on from outcome_due""";

    private static OutcomeDue row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new OutcomeDue(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5),
                TimePoint.valueOf(rs.getString(6)), rs.getString(7), rs.getObject(8, LocalDate.class), OutcomeDue.Status.valueOf(rs.getString(9)),
                rs.getObject(10, UUID.class), rs.getObject(11, LocalDate.class));
    }

    /**
     * The work status each episode's work questionnaire gave at each time point it came back (the
     * status code, as the patient's {@code WorkStatus}), for reports on work outcomes; no access
     * check: it names no one, and callers report only counts.
     */
    @Transactional(readOnly = true)
    public Map<UUID, Map<TimePoint, String>> workStatuses(Collection<UUID> episodeIds) {
        Map<UUID, Map<TimePoint, String>> statuses = new HashMap<>();
        List<UUID> all = List.copyOf(episodeIds);
        for (int from = 0; from < all.size(); from += 1000) {
            jdbc.sql("""
                    select episode_id, time_point, answer_group from outcome_due
                    where instrument = 'work' and status = 'RETURNED' and answer_group is not null and episode_id in (:ids)""")
                    .param("ids", all.subList(from, Math.min(all.size(), from + 1000)))
                    .query(rs -> {
                        statuses.computeIfAbsent(rs.getObject(1, UUID.class), e -> new EnumMap<>(TimePoint.class))
                                .put(TimePoint.valueOf(rs.getString(2)), rs.getString(3));
                    });
        }
        return statuses;
    }
}

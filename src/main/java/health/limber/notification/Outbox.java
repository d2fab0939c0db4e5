package health.limber.notification;

import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification module's API. {@link #queue} writes a message in the caller's transaction,
 * so a reminder exists exactly when the booking does; its dedupe key makes queueing idempotent
 * (the same reminder is never queued twice, whatever the retries). {@link #dispatch} runs every
 * minute: each due message is claimed by a conditional update before it is sent, so two app
 * instances never send the same message.
 */
@Service
public class Outbox {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MessageSender sender;
    private final CurrentActor currentActor;
    private final TransactionTemplate transactions;

    private final health.limber.identity.AuditLog audit;
    private final java.time.LocalTime quietFrom;
    private final java.time.LocalTime quietUntil;
    private final int maxAttempts;
    private final java.time.Duration firstRetry;

    Outbox(JdbcClient jdbc, Clock clock, MessageSender sender, CurrentActor currentActor, TransactionTemplate transactions,
           health.limber.identity.AuditLog audit,
           @org.springframework.beans.factory.annotation.Value("${limber.notification.quiet-hours:21:00-08:00}") String quietHours,
           @org.springframework.beans.factory.annotation.Value("${limber.notification.max-attempts:5}") int maxAttempts,
           @org.springframework.beans.factory.annotation.Value("${limber.notification.first-retry:PT2M}") java.time.Duration firstRetry) {
        this.audit = audit;
        String[] hours = quietHours.isBlank() ? new String[] {"00:00", "00:00"} : quietHours.split("-");
        this.quietFrom = java.time.LocalTime.parse(hours[0].strip());
        this.quietUntil = java.time.LocalTime.parse(hours[1].strip());
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
        this.jdbc = jdbc;
        this.clock = clock;
        this.sender = sender;
        this.currentActor = currentActor;
        this.transactions = transactions;
    }

    /** A message to queue; nothing is queued when the person has no address for the channel. */
    public record Message(String dedupeKey, UUID patientId, String icbCode, Channel channel, String address, String subject, String body,
                          Instant sendAfter) {}

    /** Queues the message unless one with the same dedupe key exists; returns whether it was queued. */
    @Transactional
    public boolean queue(Message message) {
        if (message.address() == null || message.address().isBlank()) {
            return false;
        }
        Integer existing = jdbc.sql("select count(*) from outbox_message where dedupe_key = :key").param("key", message.dedupeKey())
                .query(Integer.class).single();
        if (existing > 0) {
            return false;
        }
        jdbc.sql("""
                insert into outbox_message (id, dedupe_key, patient_id, icb_code, channel, address, subject, body, send_after, status, queued_at)
                values (:id, :key, :patient, :icb, :channel, :address, :subject, :body, :after, 'QUEUED', :now)""")
                .param("id", UUID.randomUUID()).param("key", message.dedupeKey()).param("patient", message.patientId())
                .param("icb", message.icbCode()).param("channel", message.channel().name()).param("address", message.address())
                .param("subject", message.subject()).param("body", message.body()).param("after", Timestamp.from(message.sendAfter()))
                .param("now", Timestamp.from(clock.instant())).update();
        return true;
    }

    /** Withdraws queued messages whose dedupe key starts with the prefix (e.g. a cancelled visit's reminders). */
    @Transactional
    public int withdraw(String dedupePrefix) {
        return jdbc.sql("update outbox_message set status = 'WITHDRAWN' where dedupe_key like :prefix and status = 'QUEUED'")
                .param("prefix", dedupePrefix + "%").update();
    }

    /**
     * Whether now is in the quiet hours ({@code limber.notification.quiet-hours}, London time, 21:00–08:00
     * unless set): no text or email goes out then; what falls due waits until they end.
     */
    public boolean quietNow() {
        java.time.LocalTime now = java.time.LocalTime.now(clock.withZone(health.limber.platform.LimberTime.ZONE));
        if (quietFrom.equals(quietUntil)) {
            return false;
        }
        return quietFrom.isBefore(quietUntil) ? !now.isBefore(quietFrom) && now.isBefore(quietUntil)
                : !now.isBefore(quietFrom) || now.isBefore(quietUntil);
    }

    /**
     * Sends every due message once, outside quiet hours. A send that fails is tried again after 2, 4,
     * 8… minutes ({@code limber.notification.first-retry}, doubling), and marked FAILED after
     * {@code limber.notification.max-attempts} tries.
     */
    @Scheduled(fixedDelayString = "${limber.notification.dispatch-every:PT1M}", initialDelayString = "PT30S")
    public int dispatch() {
        if (quietNow()) {
            return 0;
        }
        List<UUID> due = jdbc.sql("select id from outbox_message where status = 'QUEUED' and send_after <= :now order by send_after")
                .param("now", Timestamp.from(clock.instant())).query(UUID.class).list();
        int sent = 0;
        for (UUID id : due) {
            Boolean done = transactions.execute(status -> {
                if (jdbc.sql("update outbox_message set status = 'SENDING' where id = :id and status = 'QUEUED'").param("id", id).update() == 0) {
                    return false;
                }
                OutboxMessage message = read(id);
                try {
                    sender.send(message);
                    jdbc.sql("update outbox_message set status = 'SENT', sent_at = :now where id = :id")
                            .param("now", Timestamp.from(clock.instant())).param("id", id).update();
                    return true;
                } catch (RuntimeException e) {
                    retryOrFail(id, e);
                    return false;
                }
            });
            sent += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return sent;
    }

    private void retryOrFail(UUID id, RuntimeException e) {
        int attempts = jdbc.sql("select attempts from outbox_message where id = :id").param("id", id).query(Integer.class).single() + 1;
        String why = String.valueOf(e.getMessage());
        if (attempts >= maxAttempts) {
            jdbc.sql("update outbox_message set status = 'FAILED', attempts = :n, failure = :why where id = :id")
                    .param("n", attempts).param("why", why).param("id", id).update();
            return;
        }
        java.time.Instant next = clock.instant().plus(firstRetry.multipliedBy(1L << (attempts - 1)));
        jdbc.sql("update outbox_message set status = 'QUEUED', attempts = :n, failure = :why, send_after = :next where id = :id")
                .param("n", attempts).param("why", why).param("next", Timestamp.from(next)).param("id", id).update();
    }

    /**
     * Messages to patients of the ICBs the signed-in clinician's or service manager's organisation
     * serves, newest first: staff with direct care of those patients. Administrators and analysts see
     * none (a message carries a phone number and what the person is being reminded of). Each patient
     * whose messages are shown has the read in their audit trail.
     */
    @Transactional
    public List<OutboxMessage> recent(int limit) {
        Actor actor = currentActor.get();
        if (actor.role() != Role.SERVICE_MANAGER && actor.role() != Role.CLINICIAN) {
            throw new AccessDeniedException("Not allowed for " + actor.role().label());
        }
        if (actor.servedIcbs().isEmpty()) {
            return List.of();
        }
        List<OutboxMessage> messages = jdbc.sql("""
                select id, dedupe_key, patient_id, icb_code, channel, address, subject, body, send_after, status, sent_at, failure
                from outbox_message where icb_code in (:icbs) order by send_after desc fetch first :limit rows only""")
                .param("icbs", actor.servedIcbs()).param("limit", limit)
                .query((rs, n) -> new OutboxMessage(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
                        Channel.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
                        rs.getString(10), rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant(), rs.getString(12)))
                .list();
        messages.stream().map(OutboxMessage::patientId).filter(java.util.Objects::nonNull).distinct()
                .forEach(patient -> audit.allowed(patient, health.limber.identity.AuditAction.READ, "Message", patient.toString()));
        return messages;
    }

    private OutboxMessage read(UUID id) {
        return jdbc.sql("""
                select id, dedupe_key, patient_id, icb_code, channel, address, subject, body, send_after, status, sent_at, failure
                from outbox_message where id = :id""")
                .param("id", id)
                .query((rs, n) -> new OutboxMessage(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
                        Channel.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
                        rs.getString(10), null, null))
                .single();
    }
}

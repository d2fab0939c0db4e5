package health.limber.notification;

import java.time.Instant;
import java.util.UUID;

/** A message in the outbox: QUEUED until due, then SENT (or FAILED with the reason), never deleted. */
record OutboxMessage(UUID id, String dedupeKey, UUID patientId, String icbCode, Channel channel, String address, String subject,
                            String body, Instant sendAfter, String status, Instant sentAt, String failure) {}

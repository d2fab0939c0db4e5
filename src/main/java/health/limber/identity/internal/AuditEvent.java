package health.limber.identity.internal;

import health.limber.identity.AuditAction;
import health.limber.identity.Role;
import health.limber.platform.LimberTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/** One row of the audit trail: who, in which role, did what to which patient's record, when, why. */
public record AuditEvent(UUID id, Instant occurredAt, String actor, Role actorRole, UUID patientId,
                         AuditAction action, String resourceType, String resourceId, String requestId,
                         String purpose, Outcome outcome) {

    public enum Outcome { ALLOWED, DENIED }

    /** When it happened, on the clock in England. */
    public LocalDateTime localTime() {
        return LocalDateTime.ofInstant(occurredAt, LimberTime.ZONE);
    }
}

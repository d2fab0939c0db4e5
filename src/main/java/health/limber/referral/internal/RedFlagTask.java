package health.limber.referral.internal;

import health.limber.platform.InvalidInputException;
import health.limber.referral.RedFlagLevel;
import health.limber.referral.RedFlagSource;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Something a clinician must act on because a red flag was reported: due the same day (within 4
 * hours) for an emergency flag, within 24 hours for an urgent one, escalated once overdue.
 */
@Table("red_flag_task")
public class RedFlagTask {

    /** Open until a clinician records what was done. */
    public enum Status { OPEN, CLOSED }

    @Id
    private final UUID id;
    private final UUID referralId;
    private final UUID patientId;
    private final String icbCode;
    private final RedFlagLevel level;
    private final RedFlagSource source;
    private final String flags;
    private final String detail;
    private final Instant raisedAt;
    private final Instant dueAt;
    private String owner;
    private Status status;
    private String outcome;
    private Instant closedAt;
    private String closedBy;
    private Instant escalatedAt;
    @Version
    private Long version;

    @PersistenceCreator
    RedFlagTask(UUID id, UUID referralId, UUID patientId, String icbCode, RedFlagLevel level, RedFlagSource source,
                String flags, String detail, Instant raisedAt, Instant dueAt, String owner, Status status, String outcome,
                Instant closedAt, String closedBy, Instant escalatedAt, Long version) {
        this.id = id;
        this.referralId = referralId;
        this.patientId = patientId;
        this.icbCode = icbCode;
        this.level = level;
        this.source = source;
        this.flags = flags;
        this.detail = detail;
        this.raisedAt = raisedAt;
        this.dueAt = dueAt;
        this.owner = owner;
        this.status = status;
        this.outcome = outcome;
        this.closedAt = closedAt;
        this.closedBy = closedBy;
        this.escalatedAt = escalatedAt;
        this.version = version;
    }

    public static RedFlagTask raise(UUID referralId, UUID patientId, String icbCode, RedFlagLevel level, RedFlagSource source,
                             String flags, String detail, Instant at) {
        if (!level.isRedFlag()) {
            throw new IllegalArgumentException("A task needs an emergency or urgent red flag");
        }
        return new RedFlagTask(UUID.randomUUID(), referralId, patientId, icbCode, level, source, flags, detail, at,
                at.plus(level.taskDueWithin()), null, Status.OPEN, null, null, null, null, null);
    }

    /** A clinician takes the task on. */
    public void take(String clinician) {
        requireOpen();
        this.owner = clinician;
    }

    /** Records what was done (for example "Phoned: advised to attend A&E; attended"). */
    public void close(String whatWasDone, String by, Instant at) {
        requireOpen();
        if (whatWasDone == null || whatWasDone.strip().length() < 5) {
            throw new InvalidInputException("outcome", "Enter what was done about the red flag");
        }
        this.outcome = whatWasDone.strip();
        this.status = Status.CLOSED;
        this.closedAt = at;
        this.closedBy = by;
        if (owner == null) {
            owner = by;
        }
    }

    public boolean isOverdue(Instant now) {
        return status == Status.OPEN && now.isAfter(dueAt);
    }

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw new InvalidInputException("outcome", "This task was already closed by " + closedBy);
        }
    }

    public UUID id() { return id; }
    public Optional<UUID> referralId() { return Optional.ofNullable(referralId); }
    public Optional<UUID> patientId() { return Optional.ofNullable(patientId); }
    public String icbCode() { return icbCode; }
    public RedFlagLevel level() { return level; }
    public RedFlagSource source() { return source; }
    public String flags() { return flags; }
    public String detail() { return detail; }
    public Instant raisedAt() { return raisedAt; }
    public Instant dueAt() { return dueAt; }
    public String owner() { return owner; }
    public Status status() { return status; }
    public String outcome() { return outcome; }
    public Instant closedAt() { return closedAt; }
    public String closedBy() { return closedBy; }
    public Optional<Instant> escalatedAt() { return Optional.ofNullable(escalatedAt); }
    public long version() { return version == null ? 0 : version; }
}

package health.limber.identity;

import health.limber.platform.LimberTime;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A member of staff who signs in with a password. Five failed sign-ins lock the account for 15
 * minutes; the lock is stored with the account, so it holds across restarts and instances.
 */
@Table("staff_user")
public class StaffUser {

    static final int MAX_FAILED_SIGN_INS = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    @Id
    private final UUID id;
    private final String username;
    private String displayName;
    private String passwordHash;
    private Role role;
    private String organisationCode;
    private boolean enabled;
    private int failedAttempts;
    private Instant lockedUntil;
    private boolean passwordMustChange;
    private final Instant createdAt;
    @Version
    private Long version;

    @PersistenceCreator
    StaffUser(UUID id, String username, String displayName, String passwordHash, Role role, String organisationCode,
              boolean enabled, int failedAttempts, Instant lockedUntil, boolean passwordMustChange, Instant createdAt, Long version) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.organisationCode = organisationCode;
        this.enabled = enabled;
        this.failedAttempts = failedAttempts;
        this.lockedUntil = lockedUntil;
        this.passwordMustChange = passwordMustChange;
        this.createdAt = createdAt;
        this.version = version;
    }

    static StaffUser create(String username, String displayName, String passwordHash, Role role,
                            String organisationCode, Instant now) {
        if (role == Role.PATIENT) {
            throw new IllegalArgumentException("Patients do not have staff accounts");
        }
        // the first password was chosen by an administrator: its owner replaces it at the first sign-in
        return new StaffUser(UUID.randomUUID(), username, displayName, passwordHash, role, organisationCode,
                true, 0, null, true, now, null);
    }

    void recordFailedSignIn(Instant now) {
        if (lockedUntil != null && !now.isBefore(lockedUntil)) {
            failedAttempts = 0;
            lockedUntil = null;
        }
        failedAttempts++;
        if (failedAttempts >= MAX_FAILED_SIGN_INS) {
            lockedUntil = now.plus(LOCK_DURATION);
        }
    }

    void recordSuccessfulSignIn() {
        failedAttempts = 0;
        lockedUntil = null;
    }

    boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** An administrator sets a new password; it also lifts a lock, and its owner must change it at the next sign-in. */
    void resetPassword(String newHash) {
        passwordHash = newHash;
        passwordMustChange = true;
        recordSuccessfulSignIn();
    }

    /** The owner chooses their own password. */
    void choosePassword(String newHash) {
        passwordHash = newHash;
        passwordMustChange = false;
    }

    void changeRole(Role newRole) {
        if (newRole == Role.PATIENT) {
            throw new IllegalArgumentException("Patients do not have staff accounts");
        }
        role = newRole;
    }

    /** Lifts a lock (an administrator's unlock). */
    void unlock() {
        recordSuccessfulSignIn();
    }

    void disable() {
        enabled = false;
    }

    void enable() {
        enabled = true;
    }

    public UUID id() { return id; }
    public String username() { return username; }
    public String displayName() { return displayName; }
    String passwordHash() { return passwordHash; }
    public Role role() { return role; }
    public String organisationCode() { return organisationCode; }
    public boolean enabled() { return enabled; }
    public int failedAttempts() { return failedAttempts; }
    public Instant lockedUntil() { return lockedUntil; }
    public LocalDateTime lockedUntilLocal() { return lockedUntil == null ? null : LocalDateTime.ofInstant(lockedUntil, LimberTime.ZONE); }
    public Instant createdAt() { return createdAt; }
    public boolean passwordMustChange() { return passwordMustChange; }
}

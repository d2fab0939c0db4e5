package health.limber.referral;

import java.time.Duration;

/**
 * How serious a red flag is (DOMAIN.md section 4). Emergency flags (possible cauda equina
 * syndrome) need action the same day, urgent flags within 24 hours.
 */
public enum RedFlagLevel {
    EMERGENCY("Emergency", Duration.ofHours(4)),
    URGENT("Urgent", Duration.ofHours(24)),
    NONE("None", null);

    private final String label;
    private final Duration taskDueWithin;

    RedFlagLevel(String label, Duration taskDueWithin) {
        this.label = label;
        this.taskDueWithin = taskDueWithin;
    }

    public String label() {
        return label;
    }

    /** How long staff have to act on a task raised at this level: same day (4 hours) or 24 hours. */
    public Duration taskDueWithin() {
        return taskDueWithin;
    }

    /** 0 for emergency: the worklist sorts by it. */
    public int rank() {
        return ordinal();
    }

    public boolean isRedFlag() {
        return this != NONE;
    }

    public RedFlagLevel atLeast(RedFlagLevel other) {
        return other.ordinal() < ordinal() ? other : this;
    }
}

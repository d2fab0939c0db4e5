package health.limber.support.internal;

import health.limber.identity.Role;

/** What the person needs help with; each kind has its own advisers. */
public enum Need {
    EMPLOYMENT("Work", Role.EMPLOYMENT_ADVISER),
    DEBT("Money and debt", Role.DEBT_ADVISER);

    private final String label;
    private final Role adviser;

    Need(String label, Role adviser) {
        this.label = label;
        this.adviser = adviser;
    }

    public String label() {
        return label;
    }

    /** The need an adviser's role works on, or null for other roles. */
    public static Need of(Role role) {
        for (Need need : values()) {
            if (need.adviser == role) {
                return need;
            }
        }
        return null;
    }
}

package health.limber.waitinglist;

import health.limber.platform.InvalidInputException;

/** WLMDS priority type: 1 routine, 2 urgent, 3 two-week wait. Urgent work is seen first. */
public enum Priority {
    ROUTINE(1, "Routine"), URGENT(2, "Urgent"), TWO_WEEK_WAIT(3, "Two-week wait");

    private final int code;
    private final String label;

    Priority(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Order on the list: two-week wait, then urgent, then routine. */
    public int clinicalOrder() {
        return switch (this) {
            case TWO_WEEK_WAIT -> 0;
            case URGENT -> 1;
            case ROUTINE -> 2;
        };
    }

    public static Priority ofCode(int code) {
        for (Priority priority : values()) {
            if (priority.code == code) {
                return priority;
            }
        }
        throw new InvalidInputException("PRIORITY_TYPE_CODE", "Priority must be 1 (routine), 2 (urgent) or 3 (two-week wait)");
    }
}

package health.limber.waitinglist.internal;

import java.time.LocalDate;

/**
 * When a waiting pathway is due for validation (DOMAIN.md §3): at 12, 26 and 52 weeks from the clock
 * start, then every 12 weeks after. A validation done on or after a due date satisfies that date.
 */
public final class ValidationSchedule {

    private ValidationSchedule() {}

    /** The due point (in weeks from the start) after {@code weeks}: 12, 26, 52, 64, 76, ... */
    static int nextPointAfter(int weeks) {
        if (weeks < 12) {
            return 12;
        }
        if (weeks < 26) {
            return 26;
        }
        if (weeks < 52) {
            return 52;
        }
        return 52 + 12 * ((weeks - 52) / 12 + 1);
    }

    /**
     * The first due date not yet covered: the earliest due point after the last validation (or the
     * first point, if there has been none).
     */
    public static LocalDate nextDue(LocalDate start, LocalDate lastValidated) {
        int point = 12;
        while (lastValidated != null && !start.plusWeeks(point).isAfter(lastValidated)) {
            point = nextPointAfter(point);
        }
        return start.plusWeeks(point);
    }
}

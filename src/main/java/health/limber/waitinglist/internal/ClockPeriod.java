package health.limber.waitinglist.internal;

import health.limber.waitinglist.KindOfCare;
import health.limber.waitinglist.StopReason;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A run of the clock: from its start until it stopped (or still running when {@code end} is null),
 * with the kind of care that stopped it when one did.
 */
public record ClockPeriod(LocalDate start, LocalDate end, StopReason endReason, KindOfCare stoppedBy) {

    /**
     * DOMAIN.md §3 census rule: waiting on {@code d} when the clock started on or before d and has not
     * stopped by d; a stop dated d means not waiting on d.
     */
    public boolean isWaitingOn(LocalDate d) {
        return !start.isAfter(d) && (end == null || end.isAfter(d));
    }

    /** Days waited on {@code d} = d − start. */
    public long daysWaitedOn(LocalDate d) {
        return ChronoUnit.DAYS.between(start, d);
    }
}

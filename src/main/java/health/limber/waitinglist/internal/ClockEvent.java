package health.limber.waitinglist.internal;

import java.time.LocalDate;

/**
 * One entry of a pathway's append-only clock history. {@code detail} carries what the type needs:
 * the stop reason, the new priority, the validation outcome or the new provider.
 */
public record ClockEvent(Type type, LocalDate on, String detail) {

    public enum Type {
        /** The clock starts: the date the referral was received (for e-RS, the booking converted). */
        START,
        /** The clock stops, with a {@link StopReason} as detail (DNA_NULLIFIED included). */
        STOP,
        /** An appointment was cancelled in advance: not a DNA, and the clock runs on. */
        CANCELLATION,
        /** A later DNA that did not end the pathway: recorded, the clock runs on. */
        DNA,
        PRIORITY_CHANGE,
        VALIDATION,
        TRANSFER,
        /** The patient asked to wait longer. Recorded; the clock runs on unless local pauses are switched on. */
        PATIENT_CHOICE_DELAY
    }
}

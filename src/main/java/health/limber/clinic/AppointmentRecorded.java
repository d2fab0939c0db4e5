package health.limber.clinic;

import health.limber.referral.ReferralId;
import java.time.LocalDate;

/**
 * Staff recorded what happened to an appointment at a one-stop clinic day or a 1:1 appointment
 * (the physiotherapy assessment's service is PHYSIO in both; a 1:1 follow-up is PHYSIO_FOLLOW_UP). The waiting list
 * reacts (DOMAIN.md §3): attending the physiotherapy assessment is the first definitive
 * contact and stops the clock; not attending it at the first visit nullifies the clock; a
 * cancellation in advance is recorded and the clock runs on.
 *
 * @param referralReference with {@code providerCode}, the waiting-list pathway's key
 * @param firstVisit whether this was the person's first booked visit for the referral
 * @param setting a one-stop clinic day or a 1:1 appointment: the kind of care a stop records
 */
public record AppointmentRecorded(AppointmentId appointmentId, ReferralId referralId, String referralReference, String providerCode,
                                  String service, LocalDate day, AppointmentOutcome outcome, boolean firstVisit, Setting setting) {

    /** Where the appointment was. */
    public enum Setting { ONE_STOP_DAY, ONE_TO_ONE }

    public boolean isAssessment() {
        return "PHYSIO".equals(service);
    }
}

package health.limber.clinic;

import health.limber.referral.ReferralId;
import java.time.LocalDate;

/**
 * Staff recorded what happened to an appointment at a one-stop clinic day. The waiting list
 * reacts (DOMAIN.md §3): attending the physiotherapy assessment is the first definitive
 * contact and stops the clock; not attending it at the first visit nullifies the clock; a
 * cancellation in advance is recorded and the clock runs on.
 *
 * @param referralReference with {@code providerCode}, the waiting-list pathway's key
 * @param firstVisit whether this was the person's first booked visit for the referral
 */
public record AppointmentRecorded(AppointmentId appointmentId, ReferralId referralId, String referralReference, String providerCode,
                                  String service, LocalDate day, AppointmentOutcome outcome, boolean firstVisit) {

    public boolean isAssessment() {
        return "PHYSIO".equals(service);
    }
}

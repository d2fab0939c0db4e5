package health.limber.clinic;

import health.limber.referral.ReferralId;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A person referred to a group class attended a session. Attending a class is treatment: the
 * waiting list stops the clock at the first session attended (DOMAIN.md §3).
 *
 * @param referralReference with {@code providerCode}, the waiting-list pathway's key
 */
public record ClassAttended(ReferralId referralId, String referralReference, String providerCode, UUID courseId, int session, LocalDate on) {}

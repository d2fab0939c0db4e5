package health.limber.clinic;

import health.limber.referral.ReferralId;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A referred person was booked to be seen at a hub: appointments on a published one-stop clinic
 * day, or a place (or the waiting list) of a group class. The waiting list notes the hub on the
 * person's pathway, so the list's hub filter finds them where they will be seen.
 *
 * @param referralReference with {@code providerCode}, the waiting-list pathway's key
 * @param what a few words for the record, such as "one-stop clinic day 2026-12-01"
 */
public record BookedAtHub(ReferralId referralId, String referralReference, String providerCode, UUID hubId, LocalDate from, String what) {}

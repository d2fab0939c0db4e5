package health.limber.referral.internal;

import java.time.Instant;
import java.util.UUID;

/** A referral was rejected, with a letter back to the referrer. */
public record ReferralRejected(UUID referralId, String reason, Instant at) {}

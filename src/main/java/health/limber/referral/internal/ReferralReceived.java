package health.limber.referral.internal;

import health.limber.referral.RedFlagLevel;
import health.limber.referral.ReferralSource;
import java.time.Instant;
import java.util.UUID;

/** A referral arrived (from any source) and was screened for red flags. */
public record ReferralReceived(UUID referralId, String reference, String icbCode, ReferralSource source,
                               RedFlagLevel redFlagLevel, Instant at) {}

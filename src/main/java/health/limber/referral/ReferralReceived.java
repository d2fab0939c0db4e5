package health.limber.referral;

import java.time.Instant;
import java.util.UUID;

/** A referral arrived (from any source) and was screened for red flags. */
public record ReferralReceived(UUID referralId, String reference, String icbCode, ReferralSource source,
                               RedFlagLevel redFlagLevel, Instant at) {}

package health.limber.referral.internal;

import java.time.Instant;
import java.util.UUID;

/** A referral was sent on to another service (it keeps its original received date there). */
public record ReferralRedirected(UUID referralId, String to, Instant at) {}

package health.limber.referral.internal;

import health.limber.referral.CarePathway;
import health.limber.referral.Urgency;
import java.time.Instant;
import java.util.UUID;

/** A clinician recorded the triage decision; {@code overridden} when a red flag was overridden. */
public record ReferralTriaged(UUID referralId, String icbCode, TriageOutcome outcome, CarePathway pathway,
                              Urgency priority, boolean overridden, String by, Instant at) {}

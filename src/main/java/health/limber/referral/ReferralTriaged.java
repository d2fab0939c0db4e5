package health.limber.referral;

import java.time.Instant;
import java.util.UUID;

/** A clinician recorded the triage decision; {@code overridden} when a red flag was overridden. */
public record ReferralTriaged(UUID referralId, String icbCode, TriageOutcome outcome, CarePathway pathway,
                              Urgency priority, boolean overridden, String by, Instant at) {}

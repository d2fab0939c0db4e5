package health.limber.referral.internal;

import health.limber.referral.CarePathway;
import health.limber.referral.Urgency;
import java.time.Instant;

/** The triage decision: the pathway and priority of an accepted referral, where a redirected one went, a rejection's letter. */
record ReferralDecision(CarePathway pathway, Urgency priority, String decisionReason, String overrideReason, String redirectedTo,
                String rejectionLetter, String triagedBy, Instant triagedAt) {}

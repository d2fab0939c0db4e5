package health.limber.referral.internal;

import health.limber.platform.InvalidInputException;
import health.limber.referral.CarePathway;
import health.limber.referral.Urgency;

/**
 * A clinician's triage decision. {@code overrideReason} is required when a referral with a red flag
 * is sent to routine priority or to digital self-management (DOMAIN.md §4: red flags never wait in
 * the routine queue without an explicit, audited override).
 */
public record TriageDecision(TriageOutcome outcome, CarePathway pathway, Urgency priority, String reason,
                             boolean wantsEmploymentSupport, boolean wantsDebtSupport, String overrideReason,
                             String redirectTo, String rejectionLetter) {

    /** Whether this decision sends someone to a place where red flags must not go unremarked. */
    public boolean isRoutineOrSelfManagement() {
        return outcome == TriageOutcome.ACCEPT
               && (priority == Urgency.ROUTINE || pathway == CarePathway.DIGITAL_SELF_MANAGEMENT);
    }

    /** A redirection names the service the referral goes to. Returns false: no red flag is overridden. */
    boolean checkRedirection() {
        if (redirectTo == null || redirectTo.isBlank()) {
            throw new InvalidInputException("redirectTo", "Enter the service the referral is redirected to");
        }
        return false;
    }

    /** A rejection comes with a letter to the referrer saying why (at least 20 characters). Returns false: no red flag is overridden. */
    boolean checkRejection() {
        if (rejectionLetter == null || rejectionLetter.strip().length() < 20) {
            throw new InvalidInputException("rejectionLetter",
                    "Write the letter to the referrer explaining why the referral is rejected (at least 20 characters)");
        }
        return false;
    }
}

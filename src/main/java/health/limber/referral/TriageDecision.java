package health.limber.referral;

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
}

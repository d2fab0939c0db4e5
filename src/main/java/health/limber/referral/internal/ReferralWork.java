package health.limber.referral.internal;

import health.limber.patient.WorkStatus;

/** The person's work and whether they want an employment or debt adviser. */
record ReferralWork(WorkStatus workStatus, Integer daysOffWork, boolean wantsEmploymentSupport, boolean wantsDebtSupport) {
    static ReferralWork of(NewReferral details) {
        return new ReferralWork(details.workStatus(), details.daysOffWork(), details.wantsEmploymentSupport(), details.wantsDebtSupport());
    }
}

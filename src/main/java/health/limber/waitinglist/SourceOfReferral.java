package health.limber.waitinglist;

import health.limber.referral.ReferralSource;

/** Where the referral came from (WLMDS-like codes). */
public enum SourceOfReferral {
    GP, ERS, SELF, FRACTURE_CLINIC, ED, OTHER;

    /** The code for where a referral to Limber came from. */
    public static SourceOfReferral of(ReferralSource source) {
        return switch (source) {
            case GP -> GP;
            case ERS -> ERS;
            case SELF -> SELF;
            case FRACTURE_CLINIC -> FRACTURE_CLINIC;
            case EMERGENCY_DEPARTMENT -> ED;
            case OTHER_PROVIDER -> OTHER;
        };
    }

    /** Where a referral with this code came from, in Limber's words ("another provider" for OTHER). */
    public ReferralSource referralSource() {
        return switch (this) {
            case GP -> ReferralSource.GP;
            case ERS -> ReferralSource.ERS;
            case SELF -> ReferralSource.SELF;
            case FRACTURE_CLINIC -> ReferralSource.FRACTURE_CLINIC;
            case ED -> ReferralSource.EMERGENCY_DEPARTMENT;
            case OTHER -> ReferralSource.OTHER_PROVIDER;
        };
    }
}

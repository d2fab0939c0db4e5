package health.limber.referral;

/** Where a referral came from. */
public enum ReferralSource {
    GP("GP letter"),
    ERS("NHS e-Referral Service"),
    SELF("Self-referral"),
    FRACTURE_CLINIC("Fracture clinic"),
    EMERGENCY_DEPARTMENT("Emergency department"),
    OTHER_PROVIDER("Another provider");

    private final String label;

    ReferralSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package health.limber.referral.internal;



/**
 * Where a referral is in its life: received, then triaged, which ends in accepted to a pathway,
 * redirected to another service or rejected with a letter back to the referrer.
 */
public enum ReferralStatus {
    RECEIVED("Waiting for triage"),
    ACCEPTED("Accepted"),
    REDIRECTED("Redirected"),
    REJECTED("Rejected");

    private final String label;

    ReferralStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

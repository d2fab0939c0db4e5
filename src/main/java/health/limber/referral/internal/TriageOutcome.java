package health.limber.referral.internal;



/** What triage decides to do with a referral. */
public enum TriageOutcome {
    ACCEPT("Accept to a pathway"),
    REDIRECT("Redirect to another service"),
    REJECT("Reject and write to the referrer");

    private final String label;

    TriageOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

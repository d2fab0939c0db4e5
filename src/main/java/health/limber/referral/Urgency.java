package health.limber.referral;

/** How soon someone should be seen: asked for by the referrer, decided by the clinician at triage. */
public enum Urgency {
    URGENT("Urgent"),
    SOON("Soon"),
    ROUTINE("Routine");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** 0 for urgent: the worklist sorts by it. */
    public int rank() {
        return ordinal();
    }
}

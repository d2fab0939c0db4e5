package health.limber.referral;

/** How long the person has had the problem. */
public enum SymptomDuration {
    UNDER_6_WEEKS("Less than 6 weeks"),
    SIX_WEEKS_TO_3_MONTHS("6 weeks to 3 months"),
    THREE_TO_12_MONTHS("3 to 12 months"),
    OVER_12_MONTHS("More than 12 months");

    private final String label;

    SymptomDuration(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package health.limber.outcome;

/** When an episode's questionnaires fall due (DOMAIN.md §5). */
public enum TimePoint {
    BASELINE("Start (baseline)"),
    SIX_WEEKS("6 weeks"),
    DISCHARGE("Discharge"),
    FOLLOW_UP("3 months after discharge");

    private final String label;

    TimePoint(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

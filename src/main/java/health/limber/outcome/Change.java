package health.limber.outcome;

/** Meaningful change between two scores of one instrument, by the instrument's declared threshold. */
public enum Change {
    IMPROVED("Improved"),
    NO_CHANGE("No meaningful change"),
    WORSE("Worse");

    private final String label;

    Change(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

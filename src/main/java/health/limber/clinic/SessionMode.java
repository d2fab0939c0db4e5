package health.limber.clinic;

/** Where a session is held: at a hub, or remotely by telephone or video. */
public enum SessionMode {
    IN_PERSON("At a hub"), TELEPHONE("Telephone"), VIDEO("Video");

    private final String label;

    SessionMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package health.limber.exercise;

/** What a programme is for; only an agreed treatment stops a waiting-list clock (DOMAIN.md §3a). */
public enum ProgrammePurpose {
    TREATMENT("Treatment agreed with the person at an assessment"),
    WAIT_WELL("Starter programme while they wait (no assessment yet)");

    private final String label;

    ProgrammePurpose(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

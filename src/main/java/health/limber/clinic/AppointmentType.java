package health.limber.clinic;

/** What an appointment is for; each kind has its own length. */
public enum AppointmentType {
    ASSESSMENT("Assessment"), FOLLOW_UP("Follow-up");

    private final String label;

    AppointmentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

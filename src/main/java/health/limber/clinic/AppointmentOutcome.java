package health.limber.clinic;

/** What happened to a booked appointment, recorded by staff. */
public enum AppointmentOutcome {
    BOOKED("Booked"),
    ATTENDED("Attended"),
    DID_NOT_ATTEND("Did not attend"),
    CANCELLED_BY_PATIENT("Cancelled by the patient"),
    CANCELLED_BY_SERVICE("Cancelled by the service");

    private final String label;

    AppointmentOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isCancellation() {
        return this == CANCELLED_BY_PATIENT || this == CANCELLED_BY_SERVICE;
    }
}

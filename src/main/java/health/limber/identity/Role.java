package health.limber.identity;

/** What a signed-in person may do. Staff hold exactly one role; patients are always PATIENT. */
public enum Role {
    PATIENT("Patient"),
    CLINICIAN("Clinician"),
    SERVICE_MANAGER("Service manager"),
    ANALYST("Analyst"),
    ADMIN("Administrator");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean isStaff() {
        return this != PATIENT;
    }
}

package health.limber.identity;

/** What a signed-in person may do. Staff hold exactly one role; patients are always PATIENT. */
public enum Role {
    PATIENT("Patient"),
    CLINICIAN("Clinician"),
    SERVICE_MANAGER("Service manager"),
    ANALYST("Analyst"),
    ADMIN("Administrator"),
    /**
     * Manages organisations and every organisation's accounts. Granted deliberately, only by
     * {@code ./limber setup --system-admin}; no page can create one. It sees no patient records.
     */
    SYSTEM_ADMIN("System administrator");

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

    /** Administrators of accounts: their own organisation's (ADMIN) or every organisation's (SYSTEM_ADMIN). */
    public boolean administersAccounts() {
        return this == ADMIN || this == SYSTEM_ADMIN;
    }
}

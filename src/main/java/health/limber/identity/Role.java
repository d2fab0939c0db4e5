package health.limber.identity;

/** What a signed-in person may do. Staff hold exactly one role; patients are always PATIENT. */
public enum Role {
    PATIENT("Patient"),
    CLINICIAN("Clinician"),
    SERVICE_MANAGER("Service manager"),
    ANALYST("Analyst"),
    ADMIN("Administrator"),
    /** Helps people stay in or get back to work; sees only the support part of a record (DOMAIN.md §10). */
    EMPLOYMENT_ADVISER("Employment adviser"),
    /** Gives debt and money advice; sees only the support part of a record (DOMAIN.md §10). */
    DEBT_ADVISER("Debt adviser"),
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

    /** Work and money advisers: their own worklist and the support part of a record, never clinical notes. */
    public boolean isAdviser() {
        return this == EMPLOYMENT_ADVISER || this == DEBT_ADVISER;
    }

    /** Administrators of accounts: their own organisation's (ADMIN) or every organisation's (SYSTEM_ADMIN). */
    public boolean administersAccounts() {
        return this == ADMIN || this == SYSTEM_ADMIN;
    }
}

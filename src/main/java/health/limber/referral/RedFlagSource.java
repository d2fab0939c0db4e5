package health.limber.referral;

/** Where a red flag was reported: at intake, at triage, or later while the person waits. */
public enum RedFlagSource {
    SELF_REFERRAL("Self-referral"),
    INTAKE("Referral letter"),
    TRIAGE("Triage"),
    VALIDATION("Waiting-list validation"),
    PATIENT_APP("Patient app"),
    QUESTIONNAIRE("Questionnaire");

    private final String label;

    RedFlagSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

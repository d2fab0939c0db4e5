package health.limber.exercise;

/** Where a programme was given, for reports ("usefulness for fracture-clinic patients"). */
public enum ProgrammeSource {
    CLINICIAN("By a clinician after an assessment"),
    TRIAGE("At triage"),
    FRACTURE_CLINIC("At a fracture clinic"),
    SELF_REFERRAL("Started by the person at self-referral");

    private final String label;

    ProgrammeSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

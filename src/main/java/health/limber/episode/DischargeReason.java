package health.limber.episode;

/** Why an episode of care ended (DOMAIN.md §3b). */
public enum DischargeReason {
    TREATMENT_COMPLETE("Treatment complete"),
    PATIENT_INITIATED_FOLLOW_UP("Patient-initiated follow-up (PIFU)"),
    DID_NOT_ATTEND("Did not attend"),
    DECLINED_FURTHER_CARE("Declined further care"),
    REFERRED_ON("Referred on to another service"),
    DIED("Died");

    private final String label;

    DischargeReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

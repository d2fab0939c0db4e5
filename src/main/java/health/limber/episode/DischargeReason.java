package health.limber.episode;

/** Why an episode of care ended (DOMAIN.md §3b). */
public enum DischargeReason {
    TREATMENT_COMPLETE("Treatment complete", "your treatment was complete"),
    PATIENT_INITIATED_FOLLOW_UP("Patient-initiated follow-up (PIFU)", "you can ask us for a follow-up appointment if you need one"),
    DID_NOT_ATTEND("Did not attend", "you did not come to your appointments"),
    DECLINED_FURTHER_CARE("Declined further care", "you chose not to have more care from us"),
    REFERRED_ON("Referred on to another service", "we referred you on to another service"),
    DIED("Died", "");

    private final String label;
    private final String plainWords;

    DischargeReason(String label, String plainWords) {
        this.label = label;
        this.plainWords = plainWords;
    }

    public String label() {
        return label;
    }

    /** The reason as the person is told it in their app ("You were discharged on …: your treatment was complete"). */
    public String plainWords() {
        return plainWords;
    }
}

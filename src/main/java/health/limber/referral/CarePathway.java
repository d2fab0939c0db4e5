package health.limber.referral;

/** Where triage sends an accepted referral (DOMAIN.md section 1). */
public enum CarePathway {
    URGENT_ONWARD_REFERRAL("Urgent onward referral", false),
    ONE_STOP_CLINIC("One-stop clinic at a hub", true),
    PHYSIOTHERAPY("Physiotherapy", true),
    GROUP_CLASS("Group class at a hub", true),
    DIGITAL_SELF_MANAGEMENT("Digital self-management with a home exercise programme", true),
    ADVICE_AND_DISCHARGE("Advice and discharge", false);

    private final String label;
    private final boolean joinsWaitingList;

    CarePathway(String label, boolean joinsWaitingList) {
        this.label = label;
        this.joinsWaitingList = joinsWaitingList;
    }

    public String label() {
        return label;
    }

    /**
     * Whether the person waits for care from this service. Otherwise the triage decision itself ends
     * the clock (onward referral or discharge back to the GP).
     */
    public boolean joinsWaitingList() {
        return joinsWaitingList;
    }
}

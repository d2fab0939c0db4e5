package health.limber.patient;

/** Work status, as asked at referral and follow-up (return to work is a programme outcome). */
public enum WorkStatus {
    EMPLOYED_WORKING("Employed and working"),
    EMPLOYED_OFF_SICK("Employed and off sick"),
    UNEMPLOYED_SEEKING_WORK("Unemployed and seeking work"),
    INACTIVE_ILL_HEALTH("Not working because of ill health"),
    RETIRED("Retired"),
    STUDENT("Student"),
    OTHER("Other");

    private final String label;

    WorkStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

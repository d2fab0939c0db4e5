package health.limber.waitinglist;

/**
 * The kind of care whose first definitive contact stopped a clock (DOMAIN.md §3a), kept on the stop
 * so reports can say how many people were seen through each route. A stop made by an import, a
 * validation or a discharge before treatment has none.
 */
public enum KindOfCare {
    ONE_TO_ONE_PHYSIOTHERAPY("1:1 physiotherapy"),
    ONE_STOP_CLINIC("One-stop clinic day"),
    GROUP_CLASS("Group class"),
    DIGITAL_SELF_MANAGEMENT("Digital self-management"),
    ADVICE_AND_DISCHARGE("Advice and discharge at triage");

    private final String label;

    KindOfCare(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package health.limber.clinic.planner;

/** A clinic day that cannot be planned as given; the message names the element and the rule. */
public class InstanceException extends RuntimeException {

    private final String element;

    public InstanceException(String element, String rule) {
        super(element + ": " + rule);
        this.element = element;
    }

    /** Where the problem is, e.g. {@code practitioners[2] (P3).available[1]}. */
    public String element() {
        return element;
    }
}

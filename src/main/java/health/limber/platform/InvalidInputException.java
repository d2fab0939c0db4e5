package health.limber.platform;

/**
 * A value a person typed breaks a rule. {@code field} names the input (as on the form or in the
 * API body); the message is a sentence the person can act on, in NHS.UK style.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

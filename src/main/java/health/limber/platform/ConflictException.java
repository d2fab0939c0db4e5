package health.limber.platform;

/**
 * A write that lost a race or would break a uniqueness rule (stale edit, duplicate NHS number).
 * {@code current} carries the newer state so the page or API can show it.
 */
public class ConflictException extends RuntimeException {

    private final String field;
    private final transient Object current;

    public ConflictException(String field, String message, Object current) {
        super(message);
        this.field = field;
        this.current = current;
    }

    public String field() {
        return field;
    }

    public Object current() {
        return current;
    }
}

package health.limber.platform;

/**
 * A client key (an {@code Idempotency-Key} header or a form's key) sent again with a different
 * request: a client bug, not a retry, so it is refused (422) and nothing is stored.
 */
public class IdempotencyKeyReusedException extends InvalidInputException {

    public IdempotencyKeyReusedException() {
        super("Idempotency-Key", "This key was already used for a different request: use a new key for a new request");
    }
}

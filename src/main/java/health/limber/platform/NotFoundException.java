package health.limber.platform;

/** The thing asked for does not exist (or is not for this person to know about). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}

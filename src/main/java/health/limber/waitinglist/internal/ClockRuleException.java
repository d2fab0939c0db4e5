package health.limber.waitinglist.internal;



/** A clock change that the rules do not allow (stopping a stopped clock, stopping before the start, ...). */
public class ClockRuleException extends RuntimeException {

    public ClockRuleException(String message) {
        super(message);
    }
}

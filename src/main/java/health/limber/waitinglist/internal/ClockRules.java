package health.limber.waitinglist.internal;



/**
 * Service-level clock settings. Patient pauses were abolished nationally in 2015, so local pauses
 * are off unless a service configures {@code limber.waiting-list.local-pauses=true}.
 */
public record ClockRules(boolean localPauses) {

    public static final ClockRules NATIONAL = new ClockRules(false);
}

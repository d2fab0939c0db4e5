package health.limber.platform;

import org.slf4j.MDC;

/** The id of the request being served, for audit events and logs. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";

    private RequestIds() {}

    /** The current request's id, or {@code null} outside a web request (CLI, scheduled jobs). */
    public static String current() {
        return MDC.get(MDC_KEY);
    }
}

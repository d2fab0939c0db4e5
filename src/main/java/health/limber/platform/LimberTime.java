package health.limber.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The service's time zone: NHS business dates are dates in England. */
public final class LimberTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private LimberTime() {}

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}

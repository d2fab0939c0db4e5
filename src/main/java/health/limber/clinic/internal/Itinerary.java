package health.limber.clinic.internal;

import health.limber.clinic.Hub;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A patient's one-stop visit: where, when, whom they see and why, in order. */
public record Itinerary(UUID clinicDayId, Hub hub, LocalDate day, List<Stop> stops, String response) {

    /** One appointment of the visit. */
    public record Stop(UUID appointmentId, int start, int end, String service, String purpose, String practitioner, String room,
                       boolean stepFree) {}

    public int arriveBy() {
        return stops.get(0).start() - 10;
    }

    public int leaveAt() {
        return stops.get(stops.size() - 1).end();
    }
}

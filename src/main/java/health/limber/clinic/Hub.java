package health.limber.clinic;

import java.util.List;
import java.util.UUID;

/** A community hub where clinics and classes run, with its rooms. */
public record Hub(UUID id, String icbCode, String providerCode, String name, String addressLine, String town,
                  String postcode, boolean stepFree, String openingHours, List<Room> rooms) {

    /** A room and the services it can host. */
    public record Room(UUID id, String name, boolean stepFree, List<String> services) {}
}

package health.limber.clinic;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import health.limber.platform.TypedId;
import java.util.Objects;
import java.util.UUID;

/**
 * The id of a published appointment on a clinic day. A typed id, so that one kind of id cannot be passed where another is meant (a wrong
 * id in the wrong place can show or change the wrong person's care). It reads and writes as the
 * plain UUID: in JSON, in addresses ({@link #valueOf}) and in pages ({@link #toString}).
 */
public record AppointmentId(@JsonValue UUID value) implements TypedId {

    public AppointmentId {
        Objects.requireNonNull(value, "appointmentId");
    }

    @JsonCreator
    public static AppointmentId of(UUID value) {
        return new AppointmentId(value);
    }

    /** The id, or null when there is none (a person not yet linked to a record, say). */
    public static AppointmentId ofNullable(UUID value) {
        return value == null ? null : new AppointmentId(value);
    }

    /** The UUID of an id that may be null, as a database column takes it. */
    public static UUID uuidOf(AppointmentId id) {
        return id == null ? null : id.value();
    }

    /** From text, as in an address; not a UUID: {@link IllegalArgumentException}. */
    public static AppointmentId valueOf(String text) {
        return new AppointmentId(UUID.fromString(text.strip()));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

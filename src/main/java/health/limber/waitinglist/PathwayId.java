package health.limber.waitinglist;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import health.limber.platform.TypedId;
import java.util.Objects;
import java.util.UUID;

/**
 * The id of a waiting-list pathway (not its WLMDS identifier, which is PathwayKey). A typed id, so that one kind of id cannot be passed where another is meant (a wrong
 * id in the wrong place can show or change the wrong person's care). It reads and writes as the
 * plain UUID: in JSON, in addresses ({@link #valueOf}) and in pages ({@link #toString}).
 */
public record PathwayId(@JsonValue UUID value) implements TypedId {

    public PathwayId {
        Objects.requireNonNull(value, "pathwayId");
    }

    @JsonCreator
    public static PathwayId of(UUID value) {
        return new PathwayId(value);
    }

    /** The id, or null when there is none (a person not yet linked to a record, say). */
    public static PathwayId ofNullable(UUID value) {
        return value == null ? null : new PathwayId(value);
    }

    /** The UUID of an id that may be null, as a database column takes it. */
    public static UUID uuidOf(PathwayId id) {
        return id == null ? null : id.value();
    }

    /** From text, as in an address; not a UUID: {@link IllegalArgumentException}. */
    public static PathwayId valueOf(String text) {
        return new PathwayId(UUID.fromString(text.strip()));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

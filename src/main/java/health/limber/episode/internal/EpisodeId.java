package health.limber.episode.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import health.limber.platform.TypedId;
import java.util.Objects;
import java.util.UUID;

/**
 * The id of an episode of care. A typed id, so that one kind of id cannot be passed where another is meant (a wrong
 * id in the wrong place can show or change the wrong person's care). It reads and writes as the
 * plain UUID: in JSON, in addresses ({@link #valueOf}) and in pages ({@link #toString}).
 */
public record EpisodeId(@JsonValue UUID value) implements TypedId {

    public EpisodeId {
        Objects.requireNonNull(value, "episodeId");
    }

    @JsonCreator
    public static EpisodeId of(UUID value) {
        return new EpisodeId(value);
    }

    /** The id, or null when there is none (a person not yet linked to a record, say). */
    public static EpisodeId ofNullable(UUID value) {
        return value == null ? null : new EpisodeId(value);
    }

    /** The UUID of an id that may be null, as a database column takes it. */
    public static UUID uuidOf(EpisodeId id) {
        return id == null ? null : id.value();
    }

    /** From text, as in an address; not a UUID: {@link IllegalArgumentException}. */
    public static EpisodeId valueOf(String text) {
        return new EpisodeId(UUID.fromString(text.strip()));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

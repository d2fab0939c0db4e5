package health.limber.exercise.internal;

import health.limber.exercise.ExerciseLibrary;
import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.platform.InvalidInputException;
import health.limber.platform.NotFoundException;
import health.limber.platform.Storage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Video and pictures a service uploads for an exercise, with the licence it holds them under.
 * The type is read from the file's first bytes (MP4, WebM, PNG, JPEG), never from its name; files
 * go through the {@link Storage} interface. Seen by the uploading organisation and its patients.
 */
@Service
@Transactional
public class ExerciseMedia {

    /** Licences a service may hold media under. */
    public static final List<String> LICENCES = List.of("Made by our service", "Creative Commons CC BY 4.0", "Creative Commons CC BY-SA 4.0",
            "Used with the owner's written permission");
    public static final long MAX_BYTES = 50L * 1024 * 1024;

    private final JdbcClient jdbc;
    private final Storage storage;
    private final ExerciseLibrary library;
    private final CurrentActor currentActor;
    private final Clock clock;

    ExerciseMedia(JdbcClient jdbc, Storage storage, ExerciseLibrary library, CurrentActor currentActor, Clock clock) {
        this.jdbc = jdbc;
        this.storage = storage;
        this.library = library;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    public record Media(UUID id, String exerciseId, String contentType, String licence, String credit) {
        public boolean isVideo() {
            return contentType.startsWith("video/");
        }
    }

    public Media upload(String exerciseId, byte[] content, String licence, String credit) {
        Actor actor = currentActor.get();
        if (actor.role() != Role.CLINICIAN && actor.role() != Role.SERVICE_MANAGER) {
            throw new AccessDeniedException("Only clinicians and service managers add media");
        }
        library.findInMyLibrary(exerciseId, ExerciseLibrary.ENGLISH).orElseThrow(() -> new NotFoundException("exercise " + exerciseId));
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "Choose a video or picture to upload");
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidInputException("file", "The file must be smaller than 50 MB");
        }
        String type = type(content);
        if (type == null) {
            throw new InvalidInputException("file", "The file must be an MP4 or WebM video, or a PNG or JPEG picture");
        }
        if (licence == null || !LICENCES.contains(licence)) {
            throw new InvalidInputException("licence", "Choose the licence you hold the file under");
        }
        if (credit == null || credit.isBlank() || credit.length() > 200) {
            throw new InvalidInputException("credit", "Say who made it (up to 200 characters)");
        }
        UUID id = UUID.randomUUID();
        String key = "exercises/" + exerciseId + "/" + id;
        try {
            storage.put(key, new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.sql("""
                insert into exercise_media (id, exercise_id, organisation_code, storage_key, content_type, licence, credit, uploaded_by, uploaded_at)
                values (:id, :e, :o, :key, :type, :licence, :credit, :by, :at)""")
                .param("id", id).param("e", exerciseId).param("o", actor.organisationCode()).param("key", key).param("type", type)
                .param("licence", licence).param("credit", credit.strip()).param("by", actor.username()).param("at", Timestamp.from(clock.instant()))
                .update();
        return new Media(id, exerciseId, type, licence, credit.strip());
    }

    /** Media of an exercise for the reader: staff see their organisation's; patients see media of their own service. */
    @Transactional(readOnly = true)
    public List<Media> of(String exerciseId) {
        String organisation = organisation();
        if (organisation == null) {
            return List.of();
        }
        return jdbc.sql("select id, exercise_id, content_type, licence, credit from exercise_media where exercise_id = :e and organisation_code = :o order by uploaded_at")
                .param("e", exerciseId).param("o", organisation)
                .query((rs, n) -> new Media(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))).list();
    }

    public record Opened(Media media, InputStream content) {}

    @Transactional(readOnly = true)
    public Opened open(UUID id) {
        String organisation = organisation();
        var row = jdbc.sql("select exercise_id, content_type, licence, credit, storage_key, organisation_code from exercise_media where id = :id")
                .param("id", id).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)})
                .optional().filter(r -> r[5].equals(organisation)).orElseThrow(() -> new NotFoundException("media " + id));
        try {
            return new Opened(new Media(id, row[0], row[1], row[2], row[3]), storage.open(row[4]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A patient's service is the organisation that set up their programmes. */
    private String organisation() {
        Actor actor = currentActor.get();
        if (!actor.isPatient()) {
            return actor.organisationCode();
        }
        return jdbc.sql("""
                select organisation_code from programme where patient_id = :p and organisation_code is not null
                order by start_date desc fetch first 1 rows only""")
                .param("p", actor.patientId()).query(String.class).optional().orElse(null);
    }

    static String type(byte[] bytes) {
        if (starts(bytes, 0, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (starts(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(bytes, 4, 'f', 't', 'y', 'p')) {
            return "video/mp4";
        }
        if (starts(bytes, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return "video/webm";
        }
        return null;
    }

    private static boolean starts(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return !Arrays.equals(expected, new int[0]);
    }
}

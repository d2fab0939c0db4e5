package health.limber.platform;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where uploaded files live (referral letters, exercise media): the filesystem by default, an
 * S3-compatible store in a multi-instance deployment. Keys are made by the application.
 */
public interface Storage {

    /** Stores the bytes under the key, replacing nothing: a key is written once. */
    void put(String key, InputStream content) throws IOException;

    InputStream open(String key) throws IOException;

    /** Removes a file whose database row was never committed. */
    void delete(String key) throws IOException;
}

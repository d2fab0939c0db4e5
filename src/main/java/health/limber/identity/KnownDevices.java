package health.limber.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Devices a member of staff has signed in from: a random token in a cookie, of which only a hash is
 * kept. A sign-in from a known device is not held up by the waits an attacker elsewhere has caused
 * for that username.
 */
@Component
class KnownDevices {

    static final String COOKIE = "LIMBER_STAFF_DEVICE";
    static final int DAYS = 180;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    KnownDevices(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean isKnown(String username, String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return false;
        }
        return jdbc.sql("select count(*) from known_device where username = :u and device_hash = :h")
                .param("u", username).param("h", hash(token)).query(Integer.class).single() > 0;
    }

    /** Remembers this device for the username (a token it already has, or a new one); returns the token to keep in the cookie. */
    String remember(String username, String existingToken) {
        if (isKnown(username, existingToken)) {
            jdbc.sql("update known_device set last_used = :at where username = :u and device_hash = :h")
                    .param("at", Timestamp.from(clock.instant())).param("u", username).param("h", hash(existingToken)).update();
            return existingToken;
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into known_device (username, device_hash, last_used) values (:u, :h, :at)")
                .param("u", username).param("h", hash(token)).param("at", Timestamp.from(clock.instant())).update();
        return token;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

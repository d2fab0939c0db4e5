package health.limber.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * API writes sent with an {@code Idempotency-Key}: the first reply (status, Location and body) is
 * stored in the same transaction as the change, and a replay with the same key returns it as it was.
 * The same key with a different body is refused (422): it is a client bug, not a retry.
 */
@Component
public class IdempotentRequests {

    /** Keys are the client's: a UUID is recommended, any 8–100 visible characters are accepted. */
    private static final String KEY_PATTERN = "[\\x21-\\x7e]{8,100}";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;

    IdempotentRequests(JdbcClient jdbc, PlatformTransactionManager transactions, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
        this.clock = clock;
    }

    /**
     * Runs {@code work} once per (principal, key); a replay returns the stored reply.
     *
     * @param requestBody the request as received, to tell a retry from a different request
     */
    public ResponseEntity<String> once(String principal, String key, String requestBody, Supplier<ResponseEntity<?>> work) {
        if (key == null) {
            return serialise(work.get());
        }
        if (!key.matches(KEY_PATTERN)) {
            throw new InvalidInputException("Idempotency-Key", "The Idempotency-Key header must be 8 to 100 visible characters, for example a UUID");
        }
        String hash = sha256(requestBody);
        try {
            return transaction.execute(status -> {
                Optional<ResponseEntity<String>> earlier = replay(principal, key, hash);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
                ResponseEntity<String> reply = serialise(work.get());
                jdbc.sql("""
                                insert into idempotent_request (principal, idem_key, request_hash, status, location, body, created_at)
                                values (:principal, :key, :hash, :status, :location, :body, :at)""")
                        .param("principal", principal).param("key", key).param("hash", hash)
                        .param("status", reply.getStatusCode().value())
                        .param("location", reply.getHeaders().getLocation() == null ? null : reply.getHeaders().getLocation().toString())
                        .param("body", reply.getBody()).param("at", Timestamp.from(clock.instant()))
                        .update();
                return reply;
            });
        } catch (DuplicateKeyException raced) {
            // a concurrent request with the same key committed first: answer as it did
            return replay(principal, key, hash).orElseThrow(() -> raced);
        }
    }

    private Optional<ResponseEntity<String>> replay(String principal, String key, String hash) {
        return jdbc.sql("select request_hash, status, location, body from idempotent_request where principal = :principal and idem_key = :key")
                .param("principal", principal).param("key", key)
                .query((rs, n) -> {
                    if (!rs.getString(1).equals(hash)) {
                        throw new IdempotencyKeyReusedException();
                    }
                    var builder = ResponseEntity.status(HttpStatus.valueOf(rs.getInt(2))).contentType(MediaType.APPLICATION_JSON)
                            .header("Idempotent-Replayed", "true");
                    if (rs.getString(3) != null) {
                        builder.header(HttpHeaders.LOCATION, rs.getString(3));
                    }
                    return builder.body(rs.getString(4));
                })
                .optional();
    }

    private ResponseEntity<String> serialise(ResponseEntity<?> reply) {
        var builder = ResponseEntity.status(reply.getStatusCode()).contentType(MediaType.APPLICATION_JSON);
        if (reply.getHeaders().getLocation() != null) {
            builder.location(reply.getHeaders().getLocation());
        }
        return builder.body(json.writeValueAsString(reply.getBody()));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

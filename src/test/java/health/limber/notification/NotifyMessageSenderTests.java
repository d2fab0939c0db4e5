package health.limber.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The GOV.UK Notify adapter against a local stand-in for Notify's API: path, signed token, body. */
class NotifyMessageSenderTests {

    static final String SERVICE = "26785a09-ab16-4eb0-8407-a37497a57506";
    static final String SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0";

    HttpServer server;
    final AtomicReference<String> path = new AtomicReference<>();
    final AtomicReference<String> authorization = new AtomicReference<>();
    final AtomicReference<String> body = new AtomicReference<>();
    int status = 201;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            path.set(exchange.getRequestURI().getPath());
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] reply = "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    NotifyMessageSender sender() {
        return new NotifyMessageSender("limber_test-" + SERVICE + "-" + SECRET, "http://127.0.0.1:" + server.getAddress().getPort(),
                "sms-template", "email-template", Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));
    }

    OutboxMessage message(Channel channel, String address) {
        return new OutboxMessage(UUID.randomUUID(), "k", UUID.randomUUID(), "QHL", channel, address, "Your visit", "Please arrive by 09:50.",
                Instant.now(), "SENDING", null, null);
    }

    @Test
    void aTextMessageIsPostedWithATokenSignedByTheKeysSecret() throws Exception {
        sender().send(message(Channel.SMS, "07700 900123"));
        assertThat(path.get()).isEqualTo("/v2/notifications/sms");
        assertThat(body.get()).contains("\"phone_number\":\"07700 900123\"").contains("\"template_id\":\"sms-template\"")
                .contains("\"body\":\"Please arrive by 09:50.\"");
        String[] token = authorization.get().substring("Bearer ".length()).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(token[1]), StandardCharsets.UTF_8);
        assertThat(claims).isEqualTo("{\"iss\":\"" + SERVICE + "\",\"iat\":" + Instant.parse("2026-11-24T10:00:00Z").getEpochSecond() + "}");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal((token[0] + "." + token[1]).getBytes(StandardCharsets.UTF_8)));
        assertThat(token[2]).isEqualTo(expected);
    }

    @Test
    void anEmailGoesToTheEmailEndpointAndARefusalIsReportedAsAFailure() {
        sender().send(message(Channel.EMAIL, "ada@example.org"));
        assertThat(path.get()).isEqualTo("/v2/notifications/email");
        assertThat(body.get()).contains("\"email_address\":\"ada@example.org\"");
        status = 400;
        assertThatThrownBy(() -> sender().send(message(Channel.EMAIL, "ada@example.org"))).hasMessageContaining("GOV.UK Notify answered 400");
    }
}

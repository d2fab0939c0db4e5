package health.limber.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends outbox messages through GOV.UK Notify when {@code limber.notification.notify.api-key} is
 * set: one text-message template and one email template in Notify, each with the placeholders
 * {@code ((subject))} and {@code ((body))}. Each request carries a JSON Web Token signed (HS256)
 * with the API key's secret, as Notify's API asks; the outbox's id is sent as the reference.
 */
@Component
@Primary
@ConditionalOnProperty(name = "limber.notification.notify.api-key")
class NotifyMessageSender implements MessageSender {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String serviceId;
    private final String secret;
    private final String smsTemplate;
    private final String emailTemplate;
    private final Clock clock;

    NotifyMessageSender(@Value("${limber.notification.notify.api-key}") String apiKey,
                        @Value("${limber.notification.notify.base-url:https://api.notifications.service.gov.uk}") String baseUrl,
                        @Value("${limber.notification.notify.sms-template-id:}") String smsTemplate,
                        @Value("${limber.notification.notify.email-template-id:}") String emailTemplate, Clock clock) {
        if (apiKey.length() < 74) {
            throw new IllegalStateException("limber.notification.notify.api-key is not a GOV.UK Notify API key");
        }
        this.serviceId = apiKey.substring(apiKey.length() - 73, apiKey.length() - 37);
        this.secret = apiKey.substring(apiKey.length() - 36);
        this.baseUrl = baseUrl;
        this.smsTemplate = smsTemplate;
        this.emailTemplate = emailTemplate;
        this.clock = clock;
    }

    @Override
    public void send(OutboxMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean sms = message.channel() == Channel.SMS;
        body.put(sms ? "phone_number" : "email_address", message.address());
        body.put("template_id", sms ? smsTemplate : emailTemplate);
        body.put("personalisation", Map.of("subject", message.subject(), "body", message.body()));
        body.put("reference", message.id().toString());
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v2/notifications/" + (sms ? "sms" : "email")))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("GOV.UK Notify answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("GOV.UK Notify could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending to GOV.UK Notify", e);
        }
    }

    /** {"typ":"JWT","alg":"HS256"} . {"iss": service id, "iat": now} signed with the key's secret. */
    String token() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"typ\":\"JWT\",\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = url.encodeToString(("{\"iss\":\"" + serviceId + "\",\"iat\":" + clock.instant().getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = url.encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.UTF_8)));
            return header + "." + claims + "." + signature;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package health.limber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import health.limber.identity.AccessCodes;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/** Headers over HTTPS, the device cookie's SameSite, and an API description that lists the errors each operation really gives. */
@IntegrationTest
class HardeningIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired DemoFixtures demo;
    @Autowired AccessCodes accessCodes;
    @LocalServerPort int port;

    @Test
    void overHttpsPagesSendStrictTransportSecurityAndEveryPageAPermissionsPolicy() throws Exception {
        var secure = mvc.perform(get("/sign-in").secure(true)).andReturn().getResponse();
        assertThat(secure.getHeader("Strict-Transport-Security")).contains("max-age=31536000").contains("includeSubDomains");
        assertThat(secure.getHeader("Permissions-Policy")).contains("camera=()").contains("geolocation=()");
        var plain = mvc.perform(get("/sign-in")).andReturn().getResponse();
        assertThat(plain.getHeader("Strict-Transport-Security")).as("never over plain HTTP").isNull();
        assertThat(plain.getHeader("Permissions-Policy")).isNotNull();
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @Test
    void thePatientsRememberedDeviceCookieIsSameSiteLaxAndHttpOnly() throws Exception {
        var patient = demo.patient("QOP", 8);
        String code = accessCodes.issue(patient.id(), "test").code();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String form = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/patient/sign-in")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF.matcher(form);
        assertThat(token.find()).isTrue();
        String body = "code=" + code + "&dobDay=" + patient.birthDate().getDayOfMonth() + "&dobMonth=" + patient.birthDate().getMonthValue()
                + "&dobYear=" + patient.birthDate().getYear() + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        var reply = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/patient/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        String device = reply.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("LIMBER_DEVICE=")).findFirst().orElseThrow();
        assertThat(device).contains("SameSite=Lax").contains("HttpOnly");
    }

    @Test
    void theApiDescriptionListsEachOperationsErrorsAsProblemJsonAndMarksFieldsThatMayBeNull() throws Exception {
        String docs = mvc.perform(get("/api-docs").with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD))).andReturn().getResponse()
                .getContentAsString();
        var tree = new tools.jackson.databind.ObjectMapper().readTree(docs);
        var read = tree.path("paths").path("/api/patients/{id}").path("get").path("responses");
        for (String status : new String[] {"401", "403", "404", "500"}) {
            assertThat(read.path(status).path("content").has("application/problem+json")).as(status).isTrue();
        }
        var write = tree.path("paths").path("/api/referrals").path("post").path("responses");
        assertThat(write.path("415").path("content").has("application/problem+json")).isTrue();
        assertThat(write.path("422").isMissingNode()).isFalse();
        assertThat(docs).contains("\"Problem\"");
        assertThat(docs).as("optional fields are marked as possibly null").containsPattern("\"null\"|\"nullable\"\\s*:\\s*true");
    }
}

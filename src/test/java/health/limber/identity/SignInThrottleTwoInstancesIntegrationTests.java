package health.limber.identity;

import static org.assertj.core.api.Assertions.assertThat;

import health.limber.IntegrationTest;
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
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The wait after failed sign-ins holds across app instances (they share the database): five wrong
 * passwords on one instance make the right one wait on another, as a person would meet it behind a
 * load balancer.
 */
@IntegrationTest
class SignInThrottleTwoInstancesIntegrationTests {

    @LocalServerPort int port;
    @Autowired Environment environment;
    @Autowired StaffAccounts accounts;
    @Autowired JdbcTemplate jdbc;

    @Test
    void failuresOnOneInstanceMakeTheNextTryWaitOnAnother() throws Exception {
        String organisation = jdbc.queryForObject("select code from provider order by code fetch first 1 rows only", String.class);
        accounts.createBySetup(new StaffAccounts.NewStaffUser("two.instances", "Two Instances", Role.CLINICIAN, organisation, "the-right-password"));
        try (var second = health.limber.SecondInstance.start(environment, 2, "--server.servlet.session.cookie.secure=false")) {
            int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
            for (int i = 0; i < 5; i++) {
                assertThat(signIn(port, "two.instances", "wrong-" + i)).isEqualTo("/sign-in?error=credentials");
            }
            assertThat(signIn(secondPort, "two.instances", "the-right-password")).isEqualTo("/sign-in?error=throttled");
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    /** Signs in as a browser would (the form's token, its session cookie) and returns where the reply sends the person. */
    static String signIn(int port, String username, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String form = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF.matcher(form);
        assertThat(token.find()).as("the sign-in form carries a CSRF token").isTrue();
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> reply = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = reply.headers().firstValue("Location").orElse("");
        return URI.create(location).getRawPath() + (URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location).getRawQuery());
    }
}

package health.limber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every error under /api is problem+json with a 4xx status saying what was wrong, never a 500, an
 * HTML page or a framework's default body: wrong content type, a null body, a huge page number,
 * blanks or control characters where an id belongs, on every API route found in the route list.
 */
@IntegrationTest
class ApiErrorsIntegrationTests {

    @Autowired MockMvc mvc;
    @LocalServerPort int port;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping routes;

    record Route(RequestMethod method, String pattern) {}

    List<Route> apiRoutes() {
        List<Route> found = new ArrayList<>();
        routes.getHandlerMethods().forEach((mapping, handler) -> mapping.getPatternValues().stream().filter(p -> p.startsWith("/api/"))
                .forEach(pattern -> mapping.getMethodsCondition().getMethods().forEach(method -> found.add(new Route(method, pattern)))));
        return found;
    }

    @Test
    void aWrongContentTypeOrANullBodyIsAClear4xxOnEveryJsonWrite() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Route route : apiRoutes()) {
            if (route.method() != RequestMethod.POST && route.method() != RequestMethod.PUT) {
                continue;
            }
            String path = route.pattern().replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000001");
            for (var request : List.of(
                    MockMvcRequestBuilders.request(org.springframework.http.HttpMethod.valueOf(route.method().name()), path)
                            .contentType("text/plain").content("hello"),
                    MockMvcRequestBuilders.request(org.springframework.http.HttpMethod.valueOf(route.method().name()), path)
                            .contentType("application/json").content("null"))) {
                var reply = mvc.perform(request.with(httpBasic("manager.qhl", DemoFixtures.PASSWORD))).andReturn().getResponse();
                if (reply.getStatus() >= 500 || !String.valueOf(reply.getContentType()).startsWith("application/problem+json")) {
                    wrong.add(route + " " + reply.getStatus() + " " + reply.getContentType());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void blanksAndControlCharactersWhereAnIdBelongsAreNotFoundNeverAServerError() throws Exception {
        List<String> wrong = new ArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        String auth = "Basic " + java.util.Base64.getEncoder().encodeToString(("manager.qhl:" + DemoFixtures.PASSWORD).getBytes());
        for (Route route : apiRoutes()) {
            if (route.method() != RequestMethod.GET || !route.pattern().contains("{")) {
                continue;
            }
            for (String id : List.of("%20", "%09", "%00", "%0A", "%E2%80%AE", "not-an-id")) {
                String path = route.pattern().replaceAll("\\{[^}]+}", id);
                var reply = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", auth).build(),
                        HttpResponse.BodyHandlers.ofString());
                String type = reply.headers().firstValue("Content-Type").orElse("");
                if (reply.statusCode() >= 500 || reply.statusCode() < 400 || !type.startsWith("application/problem+json")) {
                    wrong.add(path + " " + reply.statusCode() + " " + type);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aHugePageNumberIsAnEmptyPageOrAClearRefusal() throws Exception {
        for (String path : List.of("/api/waiting-list/pathways?page=2147483647", "/api/waiting-list/validation-due?page=2147483647",
                "/api/waiting-list/pathways?page=-1", "/api/referrals?page=2147483647")) {
            var reply = mvc.perform(MockMvcRequestBuilders.get(path).with(httpBasic("manager.qhl", DemoFixtures.PASSWORD))).andReturn().getResponse();
            assertThat(reply.getStatus()).as(path).isIn(200, 400);
        }
    }
}

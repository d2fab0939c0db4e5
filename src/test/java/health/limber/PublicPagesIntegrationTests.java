package health.limber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** What a member of the public meets before signing in: mistyped addresses, the self-referral's first pages. */
@IntegrationTest
class PublicPagesIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    @Test
    void anUnknownAddressIsPageNotFoundForEveryoneNeverTheStaffSignIn() throws Exception {
        for (String path : List.of("/self-referal", "/selfreferral", "/nothing/here", "/my-exercises", "/api/nothing")) {
            var anonymous = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(anonymous.getStatus()).as(path).isEqualTo(404);
            assertThat(anonymous.getRedirectedUrl()).as(path).isNull();
        }
        String page = mvc.perform(get("/self-referal")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Page not found").contains("href=\"/self-referral\"").contains("href=\"/sign-in\"");
        assertThat(mvc.perform(get("/nothing/here").with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        // a real page still asks for sign-in
        assertThat(mvc.perform(get("/programmes")).andReturn().getResponse().getRedirectedUrl()).endsWith("/sign-in");
        assertThat(mvc.perform(get("/my/exercises")).andReturn().getResponse().getRedirectedUrl()).endsWith("/patient/sign-in");
        assertThat(mvc.perform(post("/referrals/new").with(csrf())).andReturn().getResponse().getStatus()).isIn(302, 401, 403, 405);
    }

    @Test
    void theGpPracticeSearchShowsItsResultsWithoutAnErrorAndThePageHasAHeading() throws Exception {
        String practice = jdbc.queryForObject("select code from gp_practice where icb_code = 'QHL' order by code fetch first 1 rows only", String.class);
        var first = mvc.perform(get("/self-referral/gp")).andReturn().getResponse();
        Cookie[] session = first.getCookies();
        var age = mvc.perform(post("/self-referral/age").with(csrf()).cookie(session)
                .param("birthDate-day", "4").param("birthDate-month", "5").param("birthDate-year", "1980")).andReturn().getResponse();
        Cookie[] cookies = age.getCookies().length > 0 ? age.getCookies() : session;
        String empty = mvc.perform(get("/self-referral/gp").cookie(cookies)).andReturn().getResponse().getContentAsString();
        assertThat(empty).contains("<h1").contains("Which GP practice are you registered with?").doesNotContain("There is a problem");
        String results = mvc.perform(post("/self-referral/gp").with(csrf()).cookie(cookies).param("practiceSearch", practice))
                .andReturn().getResponse().getContentAsString();
        assertThat(results).contains("<h1").contains("Select your GP practice")
                .as("finding practices is not a mistake").doesNotContain("There is a problem").doesNotContain("nhsuk-error-message");
    }
}

package health.limber.outcome;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import health.limber.BrowserTest;
import health.limber.DemoFixtures;
import health.limber.IntegrationTest;
import health.limber.TestClock;
import health.limber.identity.AccessCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * In Debian's Chromium: a patient answers the pain score and "activities that matter" (PSFS) on a
 * phone, one question per page, and the clinician sees both scores on the episode.
 */
@IntegrationTest
class OutcomeBrowserIntegrationTests extends BrowserTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired DemoFixtures demo;
    @Autowired AccessCodes accessCodes;

    @Test
    void aPatientAnswersPainAndPsfsOnAPhoneAndTheClinicianSeesTheScoresOnTheEpisode() throws Exception {
        OutcomeJourneys journeys = new OutcomeJourneys(mvc, jdbc, clock, demo);
        OutcomeJourneys.Accepted accepted = journeys.accepted("PHYSIOTHERAPY");
        String code = accessCodes.issue(accepted.patient(), "browser-test").code();
        try (BrowserContext phone = phone()) {
            Page page = phone.newPage();
            signInPatient(page, new DemoFixtures.PatientRef(accepted.patient(), accepted.nhsNumber(), OutcomeJourneys.BORN, "Outcome"), code);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tell us how you are getting on")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Answer Pain score")).click();
            assertThat(page.locator(".nhsuk-caption-l")).containsText("Pain score, question 1 of 1");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and continue")).click();
            assertThat(page.locator("h1")).hasText("Check your answers");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send your answers")).click();
            assertThat(page.locator(".nhsuk-error-summary")).containsText("it is needed");
            page.locator(".nhsuk-error-summary a").first().click();
            page.getByLabel("6", new Page.GetByLabelOptions().setExact(true)).check();
            assertThat(pageWidth(page)).as("nothing scrolls sideways on a phone").isLessThanOrEqualTo(390);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and continue")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send your answers")).click();
            assertThat(page.locator("[role=status]")).containsText("Your answers to Pain score have been sent");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Answer Activities that matter to you")).click();
            page.locator("#activity-name-0").fill("Climbing the stairs at home");
            page.locator("#activity-rating-0").fill("4");
            page.locator("#activity-name-1").fill("Carrying shopping");
            page.locator("#activity-rating-1").fill("5");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and continue")).click();
            assertThat(page.locator("main")).containsText("Carrying shopping");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send your answers")).click();
            assertThat(page.locator("[role=status]")).containsText("have been sent");
            page.navigate(url("/my/questionnaires/scores"));
            assertThat(page.locator("main")).containsText("Pain (0–10): 6 (Moderate)");
        }
        try (BrowserContext desktop = desktop()) {
            Page page = desktop.newPage();
            signInStaff(page, OutcomeJourneys.CLINICIAN);
            page.navigate(url("/episodes/" + accepted.episode()));
            assertThat(page.locator("#questionnaires")).containsText("Pain (0–10) 6 (Moderate)");
            assertThat(page.locator("#questionnaires")).containsText("Activity score (mean, 0–10) 4.5");
        }
    }
}

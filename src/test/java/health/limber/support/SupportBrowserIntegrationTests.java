package health.limber.support;

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
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * In Debian's Chromium: a patient asks for help with work in the app on a phone; the employment
 * adviser finds it on their worklist, records a contact and a return to work; the clinician sees
 * the referral and the outcome on the episode's timeline.
 */
@IntegrationTest
class SupportBrowserIntegrationTests extends BrowserTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired DemoFixtures demo;
    @Autowired AccessCodes accessCodes;

    @Test
    void aPatientAsksForHelpWithWorkAnAdviserWorksItAndTheClinicianSeesItOnTheTimeline() throws Exception {
        SupportJourneys journeys = new SupportJourneys(mvc, jdbc, clock, demo);
        SupportJourneys.Accepted accepted = journeys.accepted(false);
        String code = accessCodes.issue(accepted.patient(), "browser-test").code();
        try (BrowserContext phone = phone()) {
            Page page = phone.newPage();
            signInPatient(page, new DemoFixtures.PatientRef(accepted.patient(), accepted.nhsNumber(), SupportJourneys.BORN, "Worksupport"), code);
            page.navigate(url("/my/support"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask for help")).click();
            assertThat(page.locator(".nhsuk-error-summary")).containsText("help with work or with money");
            page.getByLabel("Work: staying in work, going back, or finding work").check();
            page.getByLabel("Tell us a little about it").fill("Off work for six weeks and worried about going back to the warehouse");
            assertThat(pageWidth(page)).as("nothing scrolls sideways on a phone").isLessThanOrEqualTo(390);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask for help")).click();
            assertThat(page.locator("[role=status]")).containsText("An adviser will contact you");
            assertThat(page.locator("main")).containsText("Employment adviser (this service)");
        }
        String today = LocalDate.now(clock).toString();
        try (BrowserContext desktop = desktop()) {
            Page page = desktop.newPage();
            signInStaff(page, SupportJourneys.ADVISER);
            page.navigate(url("/support"));
            String nhs = health.limber.patient.NhsNumber.parse(accepted.nhsNumber()).formatted();
            assertThat(page.locator("main")).containsText(nhs);
            page.locator("tr:has-text('" + nhs + "') a").first().click();
            assertThat(page.locator("#patient-banner")).containsText("Jamie Worksupport");
            assertThat(page.locator("main")).containsText("worried about going back to the warehouse");
            assertThat(page.locator("main")).not().containsText("Back pain");
            page.locator("#contactOn").fill(today);
            page.locator("#mode").selectOption("PHONE");
            page.locator("#minutes").fill("40");
            page.locator("#notes").fill("Talked through a phased return with the manager");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the contact")).click();
            assertThat(page.locator("[role=status]")).containsText("Contact recorded");
            page.locator("#kind").selectOption("RETURNED_TO_WORK");
            page.locator("#outcomeOn").fill(today);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the outcome")).click();
            assertThat(page.locator("[role=status]")).containsText("Outcome recorded");
            assertThat(page.locator("main")).containsText("Employed and working");
        }
        try (BrowserContext desktop = desktop()) {
            Page page = desktop.newPage();
            signInStaff(page, SupportJourneys.CLINICIAN);
            page.navigate(url("/episodes/" + accepted.episode()));
            assertThat(page.locator("main")).containsText("Referred to Employment adviser (this service)");
            assertThat(page.locator("main")).containsText("Returned to work");
        }
        assertThat(jdbc.queryForObject("select count(*) from support_contact c join support_referral r on r.id = c.referral_id where r.patient_id = ?",
                Integer.class, accepted.patient())).isEqualTo(1);
    }
}

package health.limber;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import health.limber.identity.AccessCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * End to end in Debian's Chromium (never a downloaded browser): a clinician signs in, finds a demo
 * patient by NHS number and opens the record; the patient then signs in with an access code and sees
 * that read in "who has viewed my record". Outside CI the test is skipped if Chromium is not installed;
 * in CI ({@code CI=true}) a missing browser fails it.
 */
@IntegrationTest
class BrowserIntegrationTests {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static Playwright playwright;
    static Browser browser;

    @LocalServerPort int port;
    @Autowired DemoFixtures demo;
    @Autowired AccessCodes accessCodes;

    @BeforeAll
    static void launch() {
        boolean ci = "true".equals(System.getenv("CI"));
        if (!ci) {
            assumeTrue(Files.isExecutable(CHROMIUM), "Debian's chromium is not installed; CI installs it");
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aClinicianFindsAPatientByNhsNumberAndThePatientSeesThatRead() {
        var patient = demo.patient("QHL", 1);
        String formatted = patient.nhsNumber().substring(0, 3) + " " + patient.nhsNumber().substring(3, 6) + " "
                + patient.nhsNumber().substring(6);

        try (BrowserContext staff = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = staff.newPage();
            page.navigate(url("/sign-in"));
            page.getByLabel("Username").fill("clinician.qhl");
            page.getByLabel("Password").fill(DemoFixtures.PASSWORD);
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page.locator("h1")).containsText("Hello");

            page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Find a patient").setExact(true)).first().click();
            page.getByLabel("NHS number").fill(formatted);
            page.locator("form:has(#nhsNumber) button").click();
            assertThat(page.locator("#results")).containsText(formatted);
            page.locator("#results a").first().click();
            assertThat(page.locator("h1")).isVisible();
            assertThat(page.locator("main")).containsText(formatted);
        }

        String code = accessCodes.issue(patient.id(), "browser-test").code();
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = phone.newPage();
            page.navigate(url("/patient/sign-in"));
            page.getByLabel("Access code").fill(code);
            page.getByLabel("Day").fill(String.valueOf(patient.birthDate().getDayOfMonth()));
            page.getByLabel("Month").fill(String.valueOf(patient.birthDate().getMonthValue()));
            page.getByLabel("Year").fill(String.valueOf(patient.birthDate().getYear()));
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Continue")).click();
            page.navigate(url("/my/record-access"));
            assertThat(page.locator("table")).containsText("Sam Okoro");
            assertThat(page.locator("table")).containsText("Opened your record");
            assertThat(page.locator("table")).containsText("Found your record in a search");
        }
    }
}

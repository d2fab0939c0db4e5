package health.limber;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test shares: Debian's Chromium (never a downloaded browser) driven by
 * Playwright, each test in a fresh profile (a new context), sign-in as a person would, and axe-core
 * for accessibility. Outside CI the tests are skipped if Chromium is not installed; in CI
 * ({@code CI=true}) a missing browser fails them.
 */
public abstract class BrowserTest {

    protected static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    protected static Playwright playwright;
    protected static Browser browser;

    @LocalServerPort
    protected int port;

    @BeforeAll
    public static void launch() {
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
    public static void close() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A new profile: no cookies, no cache, no service worker. */
    protected static BrowserContext phone() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844));
    }

    protected static BrowserContext desktop() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
    }

    /** Signs a patient in with an access code and their date of birth, as a person would. */
    protected void signInPatient(Page page, DemoFixtures.PatientRef patient, String code) {
        page.navigate(url("/patient/sign-in"));
        page.getByLabel("Access code").fill(code);
        page.getByLabel("Day").fill(String.valueOf(patient.birthDate().getDayOfMonth()));
        page.getByLabel("Month").fill(String.valueOf(patient.birthDate().getMonthValue()));
        page.getByLabel("Year").fill(String.valueOf(patient.birthDate().getYear()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
    }

    protected void signInStaff(Page page, String username) {
        page.navigate(url("/sign-in"));
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(DemoFixtures.PASSWORD);
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click());
        assertThat(page.locator("h1")).containsText("Hello");
    }

    /**
     * The serious and critical WCAG 2.2 AA violations axe-core finds on the page as it is now, as
     * "rule: target" lines (empty when there are none).
     */
    protected static List<String> seriousAccessibilityProblems(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")).analyze();
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .flatMap(rule -> rule.getNodes().stream().map(node -> rule.getId() + ": " + node.getTarget() + " " + page.url()))
                .collect(Collectors.toList());
    }

    /** What sticks out past the window's right edge (outside boxes that scroll on purpose), to say why a page is too wide. */
    protected static String widest(Page page) {
        return String.valueOf(page.evaluate("""
                () => Array.from(document.querySelectorAll('body *'))
                  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                            && !(e.parentElement && e.parentElement.closest('.nhsuk-table-responsive, .limber-timeline')))
                  .slice(0, 3).map(e => e.tagName + '.' + e.className + ' "' + (e.textContent || '').trim().slice(0, 40) + '"').join('; ')"""));
    }

    /** The page is no wider than the window: nothing needs scrolling sideways. */
    protected static int pageWidth(Page page) {
        return (Integer) page.evaluate("() => document.documentElement.scrollWidth");
    }
}

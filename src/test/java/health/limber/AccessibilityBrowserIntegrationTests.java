package health.limber;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import health.limber.identity.AccessCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pages people use most, at a phone's width (390 px) and a computer's (1280 px), checked with
 * axe-core (WCAG 2.2 AA and best practice): no serious or critical problem, and nothing wider than
 * the window (a table or the clinic-day drawing may scroll inside its own labelled box).
 */
@IntegrationTest
class AccessibilityBrowserIntegrationTests extends BrowserTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired DemoFixtures demo;
    @Autowired AccessCodes accessCodes;

    private String first(String sql) {
        return jdbc.queryForObject(sql + " fetch first 1 rows only", String.class);
    }

    List<String> staffPages() {
        return List.of("/", "/patients", "/patients/" + first("select cast(id as varchar) from patient where icb_code = 'QHL' order by nhs_number"),
                "/referrals", "/referrals/tasks",
                "/referrals/" + first("select cast(id as varchar) from referral where icb_code = 'QHL' and red_flag_level <> 'NONE' order by reference"),
                "/waiting-list", "/waiting-list/compare", "/waiting-list/pathways", "/waiting-list/validation",
                "/waiting-list/pathways/" + first("select cast(id as varchar) from pathway where commissioner_code = 'QHL' order by pathway_identifier"),
                "/programmes", "/programmes/" + first("select cast(id as varchar) from programme where icb_code = 'QHL' order by start_date"),
                "/clinic-days", "/clinic-days/" + first("""
                        select cast(d.id as varchar) from clinic_day d join hub h on h.id = d.hub_id where h.icb_code = 'QHL' and d.status = 'PUBLISHED'
                        order by d.clinic_date"""),
                "/clinic-days/" + first("""
                        select cast(d.id as varchar) from clinic_day d join hub h on h.id = d.hub_id where h.icb_code = 'QHL' and d.status = 'DRAFT'
                        order by d.clinic_date"""),
                "/classes", "/classes/" + first("""
                        select cast(c.id as varchar) from class_course c join hub h on h.id = c.hub_id where h.icb_code = 'QHL' order by c.first_date"""),
                "/exercises", "/hubs", "/episodes", "/outcomes", "/support", "/support/report",
                "/support/referrals/" + first("select cast(id as varchar) from support_referral where icb_code = 'QHL' and status = 'IN_PROGRESS' order by referred_at"),
                "/support/new?episode=" + first("select cast(id as varchar) from episode where icb_code = 'QHL' and discharged_on is null order by reference"),
                "/patients/" + first("select cast(id as varchar) from patient where icb_code = 'QHL' order by nhs_number") + "/questionnaires/new?instrument=psfs",
                "/episodes/" + first("select cast(id as varchar) from episode where icb_code = 'QHL' and discharged_on is null order by reference"),
                "/patients/" + first("select cast(id as varchar) from patient where icb_code = 'QHL' order by nhs_number") + "/ethnic-category",
                "/episodes/" + first("select cast(id as varchar) from episode where icb_code = 'QHL' and discharged_on is not null order by reference"),
                "/appointments", "/appointments/sessions",
                "/appointments/book?referral=" + first("select cast(referral_id as varchar) from one_to_one_referral where icb_code = 'QHL' order by reference"),
                "/appointments/" + first("select cast(a.id as varchar) from one_to_one_appointment a join one_to_one_referral r on r.referral_id = a.referral_id "
                        + "where r.icb_code = 'QHL' order by a.slot_date, a.start_minute"));
    }

    static final List<String> PATIENT_PAGES = List.of("/my", "/my/exercises", "/my/exercises/history", "/my/clinic-day", "/my/record", "/my/care", "/my/appointments",
            "/my/questionnaires", "/my/questionnaires/scores", "/my/support");

    static final List<String> PUBLIC_PAGES = List.of("/", "/self-referral", "/self-referral/age", "/patient/sign-in", "/sign-in", "/no-such-page");

    private List<String> check(Page page, List<String> paths, int width) {
        List<String> problems = new ArrayList<>();
        page.setViewportSize(width, 900);
        for (String path : paths) {
            page.navigate(url(path));
            problems.addAll(seriousAccessibilityProblems(page));
            int wide = pageWidth(page);
            if (wide > width) {
                problems.add("page is " + wide + " px wide at " + width + " px: " + path + " (" + widest(page) + ")");
            }
        }
        return problems;
    }

    private List<String> atBothWidths(Function<Integer, List<String>> run) {
        List<String> problems = new ArrayList<>(run.apply(390));
        problems.addAll(run.apply(1280));
        return problems;
    }

    /** The check itself can fail: a page with an unlabelled button and an image without a text alternative is caught. */
    @Test
    void theCheckFindsSeriousProblemsWhenThereAreSome() {
        try (BrowserContext context = desktop()) {
            Page page = context.newPage();
            page.setContent("<html lang='en'><head><title>t</title></head><body><main><h1>t</h1><img src='x.png'><button></button></main></body></html>");
            assertThat(seriousAccessibilityProblems(page)).anyMatch(p -> p.startsWith("image-alt")).anyMatch(p -> p.startsWith("button-name"));
        }
    }

    @Test
    void staffPagesHaveNoSeriousAccessibilityProblemsAndFitAPhone() {
        List<String> pages = staffPages();
        try (BrowserContext context = desktop()) {
            Page page = context.newPage();
            signInStaff(page, "manager.qhl");
            assertThat(atBothWidths(width -> check(page, pages, width))).isEmpty();
        }
        String open = first("select cast(id as varchar) from episode where icb_code = 'QHL' and discharged_on is null order by reference");
        List<String> clinicianOnly = List.of("/episodes/" + open, "/episodes/" + open + "/fit-notes/new");
        try (BrowserContext context = desktop()) {
            Page page = context.newPage();
            signInStaff(page, "clinician.qhl");
            assertThat(atBothWidths(width -> check(page, clinicianOnly, width))).as("the discharge form and fit notes, which only a clinician sees").isEmpty();
        }
        try (BrowserContext context = desktop()) {
            Page page = context.newPage();
            signInStaff(page, "adviser.work.qhl");
            assertThat(atBothWidths(width -> check(page, List.of("/", "/support"), width))).as("the adviser's pages").isEmpty();
        }
        try (BrowserContext context = desktop()) {
            Page page = context.newPage();
            signInStaff(page, "analyst.programme");
            assertThat(atBothWidths(width -> check(page, List.of("/", "/outcomes", "/support/report?by=hub", "/reports/cohorts", "/reports/cohorts/COHORT_1",
                    "/reports/cohorts/COHORT_2/equity"), width)))
                    .as("the reports of an analyst of all 17 ICBs, whose ICB list has the longest names").isEmpty();
        }
        try (BrowserContext context = desktop()) {
            Page page = context.newPage();
            signInStaff(page, "admin.qhl");
            assertThat(atBothWidths(width -> check(page, List.of("/admin/support-services", "/admin/cohorts", "/admin/cohorts/COHORT_2"), width)))
                    .as("the support services and cohort pages").isEmpty();
        }
    }

    @Test
    void patientAndPublicPagesHaveNoSeriousAccessibilityProblemsAndFitAPhone() {
        try (BrowserContext context = phone()) {
            Page page = context.newPage();
            assertThat(atBothWidths(width -> check(page, PUBLIC_PAGES, width))).isEmpty();
            var patient = demo.patient("QHL", 0);
            signInPatient(page, patient, accessCodes.issue(patient.id(), "axe").code());
            String exercise = first("""
                    select i.exercise_id from programme_item i join programme p on p.id = i.programme_id and i.version = p.version
                    where p.patient_id = '%s' order by p.start_date desc, i.position""".formatted(patient.id()));
            List<String> pages = new ArrayList<>(PATIENT_PAGES);
            pages.add("/my/exercises/" + exercise);
            assertThat(atBothWidths(width -> check(page, pages, width))).isEmpty();
        }
    }
}

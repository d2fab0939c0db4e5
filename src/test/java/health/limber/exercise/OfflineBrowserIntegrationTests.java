package health.limber.exercise;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import health.limber.BrowserTest;
import health.limber.DemoFixtures;
import health.limber.IntegrationTest;
import health.limber.TestClock;
import health.limber.identity.AccessCodes;
import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.patient.PatientId;
import health.limber.platform.LimberTime;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A patient's phone without a connection, in a fresh profile at 390 px: one visit is enough for the
 * exercises to work offline, and every session saved offline is stored once, on its own day.
 */
@IntegrationTest
class OfflineBrowserIntegrationTests extends BrowserTest {

    @Autowired DemoFixtures demo;
    @Autowired AccessCodes accessCodes;
    @Autowired TestClock clock;
    @Autowired ProgrammeManagement programmes;
    @Autowired CurrentActor currentActor;
    @Autowired JdbcTemplate jdbc;

    /** A programme that started five days ago, for a patient of an ICB no other browser test uses. */
    private UUID programmeFor(DemoFixtures.PatientRef patient, String icb) {
        String username = "physio." + icb.toLowerCase();
        String organisation = jdbc.queryForObject("select organisation_code from staff_user where username = ?", String.class, username);
        var clinician = new Actor(username, "Physio", Role.CLINICIAN, organisation, Set.of(icb), null);
        LocalDate start = LimberTime.today(clock).minusDays(5);
        return currentActor.runAs(clinician, () -> programmes.create(PatientId.of(patient.id()), "ankle-fracture-after-cast", start, null, null)).value();
    }

    private String icb(int position) {
        return jdbc.queryForList("select code from icb order by code", String.class).get(position);
    }

    @Test
    void theExercisesWorkOfflineAfterASingleVisit() {
        var patient = demo.patient(icb(3), 1);
        programmeFor(patient, icb(3));
        try (BrowserContext phone = phone()) {
            Page page = phone.newPage();
            signInPatient(page, patient, accessCodes.issue(patient.id(), "browser-test").code());
            page.navigate(url("/my/exercises"));
            page.waitForFunction("() => document.documentElement.dataset.offlineReady === 'true'");

            phone.setOffline(true);
            page.navigate(url("/my/exercises"));
            assertThat(page.locator("h1")).containsText("Your exercises today");
            List<String> exercises = page.locator("a.limber-today__link").all().stream().map(link -> link.getAttribute("href")).toList();
            assertThat(exercises).isNotEmpty();
            for (String exercise : exercises) {
                page.navigate(url(exercise));
                assertThat(page.locator("#log")).isVisible();
                assertThat(page.locator("h1")).not().containsText("Your exercises today");
            }
        }
    }

    @Test
    void twoOfflineSessionsOfOneExerciseWithAReloadBetweenAreBothStoredEachOnItsOwnDay() {
        var patient = demo.patient(icb(4), 1);
        UUID programme = programmeFor(patient, icb(4));
        LocalDate today = LimberTime.today(clock);
        try (BrowserContext phone = phone()) {
            Page page = phone.newPage();
            signInPatient(page, patient, accessCodes.issue(patient.id(), "browser-test").code());
            page.navigate(url("/my/exercises"));
            page.waitForFunction("() => document.documentElement.dataset.offlineReady === 'true'");

            phone.setOffline(true);
            page.clock().setFixedTime(today.minusDays(2).atTime(LocalTime.of(18, 30)).atZone(LimberTime.ZONE).toInstant().toEpochMilli());
            page.navigate(url("/my/exercises/ankle-pumps"));
            page.locator("#outcome-DONE").check();
            page.locator("#pain").selectOption("3");
            page.locator("#log button[type=submit]").click();
            assertThat(page.locator("#offline-status")).containsText("1 log is saved on this phone");

            page.clock().setFixedTime(today.minusDays(1).atTime(LocalTime.of(9, 15)).atZone(LimberTime.ZONE).toInstant().toEpochMilli());
            page.reload();
            page.locator("#outcome-PARTLY").check();
            page.locator("#log button[type=submit]").click();
            assertThat(page.locator("#offline-status")).containsText("2 logs are saved on this phone");
            assertThat(jdbc.queryForObject("select count(*) from session_log where programme_id = ?", Integer.class, programme)).isZero();

            phone.setOffline(false);
            page.evaluate("() => window.dispatchEvent(new Event('online'))");
            assertThat(page.locator("#offline-status")).containsText("Your saved logs have been sent");
        }
        List<String> stored = jdbc.queryForList("select log_date || ' ' || outcome from session_log where programme_id = ? order by log_date",
                String.class, programme);
        assertThat(stored).containsExactly(today.minusDays(2) + " DONE", today.minusDays(1) + " PARTLY");
        assertThat(jdbc.queryForObject("select count(*) from session_log where programme_id = ? and done_at is not null", Integer.class, programme))
                .as("each log carries the moment it was done").isEqualTo(2);
    }
}

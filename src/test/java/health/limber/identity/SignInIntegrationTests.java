package health.limber.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import health.limber.DemoFixtures;
import health.limber.IntegrationTest;
import health.limber.TestClock;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Hazard H-02 (someone else signs in as a person): password lockout, single-use expiring access codes, remembered devices. */
@IntegrationTest
class SignInIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired DemoFixtures demo;
    @Autowired StaffAccounts accounts;
    @Autowired AccessCodes accessCodes;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    MvcResult staffSignIn(String username, String password) throws Exception {
        return mvc.perform(post("/sign-in").with(csrf()).param("username", username).param("password", password)).andReturn();
    }

    String newStaff(String username) {
        String organisation = jdbc.queryForObject("select code from provider order by code fetch first 1 rows only", String.class);
        accounts.create(new StaffAccounts.NewStaffUser(username, "Test Person", Role.CLINICIAN, organisation, "correct-horse-battery"));
        return username;
    }

    @Test
    void fiveFailedSignInsLockTheAccountForFifteenMinutesEvenWithTheRightPassword() throws Exception {
        String user = newStaff("lock.test");
        for (int i = 0; i < 4; i++) {
            assertThat(staffSignIn(user, "wrong-password-" + i).getResponse().getRedirectedUrl()).isEqualTo("/sign-in?error=credentials");
        }
        assertThat(staffSignIn(user, "wrong-password-5").getResponse().getRedirectedUrl()).isEqualTo("/sign-in?error=credentials");
        assertThat(staffSignIn(user, "correct-horse-battery").getResponse().getRedirectedUrl()).isEqualTo("/sign-in?error=locked");
        // The lock is a column on the account, so a restart or another instance sees it too.
        assertThat(jdbc.queryForObject("select locked_until is not null from staff_user where username = ?", Boolean.class, user)).isTrue();
        assertThat(mvc.perform(get("/sign-in?error=locked")).andReturn().getResponse().getContentAsString())
                .contains("There is a problem").contains("locked after 5 failed sign-ins");

        clock.advance(Duration.ofMinutes(14));
        assertThat(staffSignIn(user, "correct-horse-battery").getResponse().getRedirectedUrl()).isEqualTo("/sign-in?error=locked");
        clock.advance(Duration.ofMinutes(2));
        assertThat(staffSignIn(user, "correct-horse-battery").getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(jdbc.queryForObject("select failed_attempts from staff_user where username = ?", Integer.class, user)).isZero();
    }

    @Test
    void fourFailuresThenASuccessDoNotLock() throws Exception {
        String user = newStaff("nolock.test");
        for (int i = 0; i < 4; i++) {
            staffSignIn(user, "nope-" + i);
        }
        assertThat(staffSignIn(user, "correct-horse-battery").getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(staffSignIn(user, "nope-again").getResponse().getRedirectedUrl()).isEqualTo("/sign-in?error=credentials");
        assertThat(jdbc.queryForObject("select failed_attempts from staff_user where username = ?", Integer.class, user)).isEqualTo(1);
    }

    @Test
    void aDisabledAccountCannotSignIn() throws Exception {
        String user = newStaff("disabled.test");
        accounts.setEnabled(accounts.findByUsername(user).orElseThrow().id(), false);
        assertThat(staffSignIn(user, "correct-horse-battery").getResponse().getRedirectedUrl()).isEqualTo("/sign-in?error=disabled");
    }

    @Test
    void anAccessCodeWorksOnceWithTheRightDateOfBirthAndTheDeviceIsRemembered() throws Exception {
        var patient = demo.patient("QOP", 2);
        String code = accessCodes.issue(patient.id(), "test").code();
        var dob = patient.birthDate();

        MvcResult wrongDob = patientSignIn(code.toLowerCase(), dob.getDayOfMonth(), dob.getMonthValue(), dob.getYear() - 1);
        assertThat(wrongDob.getResponse().getRedirectedUrl()).isEqualTo("/patient/sign-in?error=credentials");

        // Typed in lower case with a space, as people do.
        MvcResult signedIn = patientSignIn(code.substring(0, 4).toLowerCase() + " " + code.substring(4),
                dob.getDayOfMonth(), dob.getMonthValue(), dob.getYear());
        assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/my");
        Cookie device = signedIn.getResponse().getCookie("LIMBER_DEVICE");
        assertThat(device).isNotNull();
        assertThat(device.getMaxAge()).isEqualTo((int) Duration.ofDays(30).toSeconds());
        assertThat(device.isHttpOnly()).isTrue();

        // The remembered device alone (no session) signs the patient in.
        assertThat(mvc.perform(get("/my/record").cookie(device)).andReturn().getResponse().getStatus()).isEqualTo(200);

        MvcResult reused = patientSignIn(code, dob.getDayOfMonth(), dob.getMonthValue(), dob.getYear());
        assertThat(reused.getResponse().getRedirectedUrl()).isEqualTo("/patient/sign-in?error=expired");
    }

    @Test
    void anAccessCodeExpiresAfterThirtyDays() throws Exception {
        var patient = demo.patient("QOP", 3);
        String code = accessCodes.issue(patient.id(), "test").code();
        clock.advance(Duration.ofDays(30).plusMinutes(1));
        var dob = patient.birthDate();
        assertThat(patientSignIn(code, dob.getDayOfMonth(), dob.getMonthValue(), dob.getYear()).getResponse().getRedirectedUrl())
                .isEqualTo("/patient/sign-in?error=expired");
    }

    @Test
    void aNewCodeWithdrawsTheOldOne() throws Exception {
        var patient = demo.patient("QOP", 4);
        String first = accessCodes.issue(patient.id(), "test").code();
        String second = accessCodes.issue(patient.id(), "test").code();
        var dob = patient.birthDate();
        assertThat(patientSignIn(first, dob.getDayOfMonth(), dob.getMonthValue(), dob.getYear()).getResponse().getRedirectedUrl())
                .isEqualTo("/patient/sign-in?error=expired");
        assertThat(patientSignIn(second, dob.getDayOfMonth(), dob.getMonthValue(), dob.getYear()).getResponse().getRedirectedUrl())
                .isEqualTo("/my");
    }

    @Test
    void fiveWrongDatesOfBirthLockTheCode() throws Exception {
        var patient = demo.patient("QOP", 5);
        String code = accessCodes.issue(patient.id(), "test").code();
        var dob = patient.birthDate();
        for (int i = 1; i <= 5; i++) {
            patientSignIn(code, dob.getDayOfMonth(), dob.getMonthValue(), dob.getYear() - i);
        }
        assertThat(patientSignIn(code, dob.getDayOfMonth(), dob.getMonthValue(), dob.getYear()).getResponse().getRedirectedUrl())
                .isEqualTo("/patient/sign-in?error=locked");
    }

    @Test
    void codesUseNoLookAlikeCharacters() {
        var patient = demo.patient("QOP", 6);
        for (int i = 0; i < 50; i++) {
            String code = accessCodes.issue(patient.id(), "test").code();
            assertThat(code).hasSize(8).doesNotContainAnyWhitespaces();
            assertThat(Arrays.stream(code.split("")).noneMatch(c -> "0O1IL2Z5S8B".contains(c))).as(code).isTrue();
        }
    }

    @Test
    void formsRefusePostsWithoutACsrfToken() throws Exception {
        int status = mvc.perform(post("/sign-in").param("username", "clinician.qhl").param("password", DemoFixtures.PASSWORD))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicy() throws Exception {
        String csp = mvc.perform(get("/sign-in")).andReturn().getResponse().getHeader("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").contains("style-src 'self'").doesNotContain("unsafe-inline");
    }

    MvcResult patientSignIn(String code, int day, int month, int year) throws Exception {
        return mvc.perform(post("/patient/sign-in").with(csrf()).param("code", code).param("dobDay", String.valueOf(day))
                .param("dobMonth", String.valueOf(month)).param("dobYear", String.valueOf(year))).andReturn();
    }
}

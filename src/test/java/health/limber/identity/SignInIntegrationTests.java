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

/** Hazard H-02 (someone else signs in as a person): waits after failures (never a lock), single-use expiring access codes, remembered devices. */
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

    /** Each test signs in from its own address, so failures counted against one address never spill into another test. */
    String address = "10.0.0." + new java.util.Random().nextInt(250);

    org.springframework.test.web.servlet.request.RequestPostProcessor from(String remoteAddress) {
        return request -> {
            request.setRemoteAddr(remoteAddress);
            return request;
        };
    }

    MvcResult staffSignIn(String username, String password, Cookie... cookies) throws Exception {
        var request = post("/sign-in").with(csrf()).with(from(address)).param("username", username).param("password", password);
        if (cookies.length > 0) {
            request.cookie(cookies);
        }
        return mvc.perform(request).andReturn();
    }

    String newStaff(String username) {
        String organisation = jdbc.queryForObject("select code from provider order by code fetch first 1 rows only", String.class);
        accounts.createBySetup(new StaffAccounts.NewStaffUser(username, "Test Person", Role.CLINICIAN, organisation, "correct-horse-battery"));
        return username;
    }

    @Test
    void afterFiveFailuresEachTryWaitsLongerAndAnUnknownUsernameIsTreatedTheSame() throws Exception {
        String user = newStaff("wait.test");
        for (int i = 0; i < 5; i++) {
            assertThat(staffSignIn(user, "wrong-password-" + i).getResponse().getRedirectedUrl()).isEqualTo("/sign-in?error=credentials");
        }
        assertThat(staffSignIn(user, "correct-horse-battery").getResponse().getRedirectedUrl())
                .as("the right password must wait too, so a guess cannot be confirmed").isEqualTo("/sign-in?error=throttled");
        // the same for a username nobody has: the page never tells a real account from an unknown one
        for (int i = 0; i < 5; i++) {
            assertThat(staffSignIn("nobody.here", "wrong-password-" + i).getResponse().getRedirectedUrl()).isEqualTo("/sign-in?error=credentials");
        }
        assertThat(staffSignIn("nobody.here", "anything-at-all").getResponse().getRedirectedUrl()).isEqualTo("/sign-in?error=throttled");
        assertThat(mvc.perform(get("/sign-in?error=throttled")).andReturn().getResponse().getContentAsString())
                .contains("Too many failed sign-ins").doesNotContain("locked");

        clock.advance(Duration.ofSeconds(31));
        assertThat(staffSignIn(user, "correct-horse-battery").getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(jdbc.queryForObject("select count(*) from sign_in_throttle where scope = 'ACCOUNT' and subject = ?", Integer.class, user))
                .as("a successful sign-in forgets the username's failures").isZero();
    }

    @Test
    void theRealUserGetsInFromADeviceTheyHaveUsedWhileAnAttackerIsMadeToWait() throws Exception {
        String user = newStaff("known.device");
        Cookie device = staffSignIn(user, "correct-horse-battery").getResponse().getCookie("LIMBER_STAFF_DEVICE");
        assertThat(device).isNotNull();
        assertThat(device.isHttpOnly()).isTrue();
        String attacker = address;
        address = "10.9.9.9";
        for (int i = 0; i < 6; i++) {
            staffSignIn(user, "guess-" + i);
        }
        assertThat(staffSignIn(user, "correct-horse-battery").getResponse().getRedirectedUrl()).isEqualTo("/sign-in?error=throttled");
        address = attacker;
        assertThat(staffSignIn(user, "correct-horse-battery", device).getResponse().getRedirectedUrl())
                .as("from the device they signed in on before").isEqualTo("/");
    }

    @Test
    void manyFailuresFromOneAddressSlowDownEveryUsernameTriedFromIt() throws Exception {
        for (int i = 0; i < 20; i++) {
            staffSignIn("spray." + i, "Summer2026!");
        }
        assertThat(staffSignIn("clinician.qhl", DemoFixtures.PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/sign-in?error=throttled");
        address = "10.200.0.1";
        assertThat(staffSignIn("clinician.qhl", DemoFixtures.PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void fourFailuresThenASuccessDoNotHoldTheAccountUp() throws Exception {
        String user = newStaff("nowait.test");
        for (int i = 0; i < 4; i++) {
            staffSignIn(user, "nope-" + i);
        }
        assertThat(staffSignIn(user, "correct-horse-battery").getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(staffSignIn(user, "nope-again").getResponse().getRedirectedUrl()).isEqualTo("/sign-in?error=credentials");
    }

    @Test
    void aDisabledAccountCannotSignInAndIsRefusedLikeAWrongPassword() throws Exception {
        String user = newStaff("disabled.test");
        jdbc.update("update staff_user set enabled = false where username = ?", user);
        assertThat(staffSignIn(user, "correct-horse-battery").getResponse().getRedirectedUrl()).isEqualTo("/sign-in?error=credentials");
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
        MvcResult reusedWrongDate = patientSignIn(code, dob.getDayOfMonth(), dob.getMonthValue(), dob.getYear() - 2);
        assertThat(reused.getResponse().getRedirectedUrl()).as("a used code does not say whether the date of birth was right")
                .isEqualTo(reusedWrongDate.getResponse().getRedirectedUrl()).isEqualTo("/patient/sign-in?error=credentials");
    }

    @Test
    void anAccessCodeExpiresAfterThirtyDays() throws Exception {
        var patient = demo.patient("QOP", 3);
        String code = accessCodes.issue(patient.id(), "test").code();
        clock.advance(Duration.ofDays(30).plusMinutes(1));
        var dob = patient.birthDate();
        assertThat(patientSignIn(code, dob.getDayOfMonth(), dob.getMonthValue(), dob.getYear()).getResponse().getRedirectedUrl())
                .isEqualTo("/patient/sign-in?error=credentials");
    }

    @Test
    void aNewCodeWithdrawsTheOldOne() throws Exception {
        var patient = demo.patient("QOP", 4);
        String first = accessCodes.issue(patient.id(), "test").code();
        String second = accessCodes.issue(patient.id(), "test").code();
        var dob = patient.birthDate();
        assertThat(patientSignIn(first, dob.getDayOfMonth(), dob.getMonthValue(), dob.getYear()).getResponse().getRedirectedUrl())
                .isEqualTo("/patient/sign-in?error=credentials");
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
                .as("a locked code is refused like a wrong one").isEqualTo("/patient/sign-in?error=credentials");
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
    void anAuthorizationHeaderDoesNotExcuseARequestSignedInByItsSessionCookieFromCsrf() throws Exception {
        var patient = demo.patient("QOP", 7);
        Cookie[] cookies = demo.signInPatient(mvc, patient);
        int before = jdbc.queryForObject("select count(*) from usefulness_rating", Integer.class);
        var reply = mvc.perform(post("/my/exercises/rate").cookie(cookies).header("Authorization", "Basic bm9ib2R5Om5vdGhpbmc=")
                .param("clientKey", "csrf-check").param("change", "7")).andReturn().getResponse();
        assertThat(reply.getStatus()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from usefulness_rating", Integer.class)).isEqualTo(before);
        // an integrator's call authenticated by the header alone needs no token
        assertThat(mvc.perform(post("/api/referrals").header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString(("clinician.qhl:" + DemoFixtures.PASSWORD).getBytes())).contentType("application/json").content("{}"))
                .andReturn().getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicy() throws Exception {
        String csp = mvc.perform(get("/sign-in")).andReturn().getResponse().getHeader("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").contains("style-src 'self'").doesNotContain("unsafe-inline");
    }

    MvcResult patientSignIn(String code, int day, int month, int year) throws Exception {
        return mvc.perform(post("/patient/sign-in").with(csrf()).with(from(address)).param("code", code).param("dobDay", String.valueOf(day))
                .param("dobMonth", String.valueOf(month)).param("dobYear", String.valueOf(year))).andReturn();
    }
}

package health.limber.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import health.limber.DemoFixtures;
import health.limber.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Administrators manage staff accounts and read the audit log; nobody else can. */
@IntegrationTest
class AdminPagesIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired DemoFixtures demo;
    @Autowired StaffAccounts accounts;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    String organisationOf(String username) {
        return jdbc.queryForObject("select organisation_code from staff_user where username = ?", String.class, username);
    }

    int accountEvents(String action, String outcome) {
        return jdbc.queryForObject("select count(*) from audit_event where action = ? and outcome = ?", Integer.class, action, outcome);
    }

    @Test
    void anAdministratorManagesOnlyTheirOwnOrganisationsAccountsAndEveryAttemptIsAudited() throws Exception {
        String own = organisationOf("admin.qhl");
        String programmeTeam = organisationOf("analyst.programme");
        var otherPhysio = accounts.findByUsername("physio.qjk").orElseThrow();

        assertThat(page("/admin/users", "admin.qhl")).contains("clinician.qhl").doesNotContain("physio.qjk").doesNotContain("analyst.programme");
        assertThat(page("/admin/users/new", "admin.qhl")).contains("value=\"" + own + "\"").doesNotContain("value=\"" + programmeTeam + "\"");

        int deniedBefore = accountEvents("ACCOUNT_CREATE", "DENIED");
        var intoTheProgrammeTeam = mvc.perform(post("/admin/users").with(csrf()).with(httpBasic("admin.qhl", DemoFixtures.PASSWORD))
                        .param("username", "sneaky.clinician").param("displayName", "Sneaky").param("role", "CLINICIAN")
                        .param("organisationCode", programmeTeam).param("password", "a-long-first-password"))
                .andReturn().getResponse();
        assertThat(intoTheProgrammeTeam.getStatus()).isEqualTo(403);
        assertThat(accounts.findByUsername("sneaky.clinician")).isEmpty();
        assertThat(accountEvents("ACCOUNT_CREATE", "DENIED")).isEqualTo(deniedBefore + 1);

        String before = jdbc.queryForObject("select password_hash from staff_user where username = 'physio.qjk'", String.class);
        for (String action : new String[] {"/password", "/enabled", "/role", "/unlock"}) {
            var refused = mvc.perform(post("/admin/users/" + otherPhysio.id() + action).with(csrf()).with(httpBasic("admin.qhl", DemoFixtures.PASSWORD))
                    .param("password", "taken-over-password").param("enabled", "false").param("role", "ADMIN")).andReturn().getResponse();
            assertThat(refused.getStatus()).as(action).isEqualTo(404);
        }
        assertThat(mvc.perform(get("/admin/users/" + otherPhysio.id()).with(httpBasic("admin.qhl", DemoFixtures.PASSWORD))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        var untouched = accounts.findByUsername("physio.qjk").orElseThrow();
        assertThat(untouched.enabled()).isTrue();
        assertThat(untouched.role()).isEqualTo(Role.CLINICIAN);
        assertThat(jdbc.queryForObject("select password_hash from staff_user where username = 'physio.qjk'", String.class)).isEqualTo(before);
        assertThat(mvc.perform(post("/admin/users").with(csrf()).with(httpBasic("admin.qhl", DemoFixtures.PASSWORD))
                        .param("username", "made.system").param("displayName", "System").param("role", "SYSTEM_ADMIN")
                        .param("organisationCode", own).param("password", "a-long-first-password"))
                .andReturn().getResponse().getContentAsString()).contains("only with ./limber setup");
    }

    @Test
    void aResetPasswordMustBeChangedAtTheNextSignInAndEveryAccountActionIsAudited() throws Exception {
        String own = organisationOf("admin.qhl");
        mvc.perform(post("/admin/users").with(csrf()).with(httpBasic("admin.qhl", DemoFixtures.PASSWORD))
                .param("username", "reset.me").param("displayName", "Rita Reset").param("role", "CLINICIAN")
                .param("organisationCode", own).param("password", "first-password-given"));
        var user = accounts.findByUsername("reset.me").orElseThrow();
        for (String[] step : new String[][] {{"/role", "role", "SERVICE_MANAGER"}, {"/unlock", "x", "y"}, {"/password", "password", "second-password-given"},
                {"/enabled", "enabled", "false"}, {"/enabled", "enabled", "true"}}) {
            mvc.perform(post("/admin/users/" + user.id() + step[0]).with(csrf()).with(httpBasic("admin.qhl", DemoFixtures.PASSWORD)).param(step[1], step[2]));
        }
        assertThat(jdbc.queryForList("select action from audit_event where resource_type = 'StaffAccount' and resource_id like 'reset.me%' "
                        + "and actor = 'admin.qhl' and outcome = 'ALLOWED'", String.class))
                .contains("ACCOUNT_CREATE", "ACCOUNT_ROLE_CHANGE", "ACCOUNT_UNLOCK", "ACCOUNT_PASSWORD_RESET", "ACCOUNT_DISABLE", "ACCOUNT_ENABLE");

        var signIn = mvc.perform(post("/sign-in").with(csrf()).with(r -> { r.setRemoteAddr("10.77.0.1"); return r; })
                .param("username", "reset.me").param("password", "second-password-given")).andReturn().getResponse();
        assertThat(signIn.getRedirectedUrl()).isEqualTo("/sign-in/new-password");
        assertThat(mvc.perform(get("/api/patients").param("nhsNumber", "9990000018").with(httpBasic("reset.me", "second-password-given")))
                .andReturn().getResponse().getStatus()).as("not even the API until the password is changed").isEqualTo(401);
        var chosen = mvc.perform(post("/sign-in/new-password").with(csrf()).param("username", "reset.me").param("currentPassword", "second-password-given")
                .param("newPassword", "only-rita-knows-this").param("confirmPassword", "only-rita-knows-this")).andReturn().getResponse();
        assertThat(chosen.getRedirectedUrl()).isEqualTo("/sign-in");
        var after = mvc.perform(post("/sign-in").with(csrf()).with(r -> { r.setRemoteAddr("10.77.0.1"); return r; })
                .param("username", "reset.me").param("password", "only-rita-knows-this")).andReturn().getResponse();
        assertThat(after.getRedirectedUrl()).isEqualTo("/");
    }

    String page(String path, String user) throws Exception {
        var response = mvc.perform(get(path).with(httpBasic(user, DemoFixtures.PASSWORD))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    @Test
    void anAdministratorCreatesAnAccountResetsItsPasswordAndDisablesIt() throws Exception {
        var created = mvc.perform(post("/admin/users").with(csrf()).with(httpBasic("admin.qhl", DemoFixtures.PASSWORD))
                        .param("username", "New.Physio").param("displayName", "Nia Physio").param("role", "CLINICIAN")
                        .param("organisationCode", "RZA").param("password", "a-long-first-password"))
                .andReturn().getResponse();
        assertThat(created.getRedirectedUrl()).isEqualTo("/admin/users");
        var user = accounts.findByUsername("new.physio").orElseThrow();
        assertThat(page("/admin/users", "admin.qhl")).contains("Nia Physio");

        var reset = mvc.perform(post("/admin/users/" + user.id() + "/password").with(csrf())
                .with(httpBasic("admin.qhl", DemoFixtures.PASSWORD)).param("password", "short")).andReturn().getResponse();
        assertThat(reset.getContentAsString()).contains("Password must be at least 12 characters");

        mvc.perform(post("/admin/users/" + user.id() + "/enabled").with(csrf())
                .with(httpBasic("admin.qhl", DemoFixtures.PASSWORD)).param("enabled", "false"));
        assertThat(accounts.findByUsername("new.physio").orElseThrow().enabled()).isFalse();
    }

    @Test
    void aTakenUsernameIsRefusedBesideTheField() throws Exception {
        String page = mvc.perform(post("/admin/users").with(csrf()).with(httpBasic("admin.qhl", DemoFixtures.PASSWORD))
                        .param("username", "clinician.qhl").param("displayName", "Copy").param("role", "CLINICIAN")
                        .param("organisationCode", "RZA").param("password", "a-long-first-password"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("That username is already taken").contains("There is a problem");
    }

    @Test
    void theAuditViewerFiltersByPatientUserAndDate() throws Exception {
        var patient = demo.patient("QHL", 2);
        page("/api/patients/" + patient.id(), "clinician.qhl");
        String filtered = page("/admin/audit?patient=" + patient.id() + "&user=clinician.qhl&from=2020-01-01", "admin.qhl");
        assertThat(filtered).contains("READ Patient").contains("clinician.qhl");
        assertThat(page("/admin/audit?from=not-a-date", "admin.qhl")).contains("Enter the from date as yyyy-mm-dd");
        assertThat(page("/admin/users/new", "admin.qhl")).contains("Create a staff account");
    }

    @Test
    void anAdministratorSeesOnlyTheirOwnOrganisationsAuditEvents() throws Exception {
        var other = demo.patient("QJK", 1);
        page("/api/patients/" + other.id(), "clinician.qjk");
        var own = demo.patient("QHL", 3);
        page("/api/patients/" + own.id(), "clinician.qhl");
        assertThat(page("/admin/audit?user=clinician.qjk", "admin.qhl")).doesNotContain(other.id().toString());
        assertThat(page("/admin/audit?user=clinician.qhl", "admin.qhl")).contains(own.id().toString());
        assertThat(page("/admin/audit?user=clinician.qjk", "admin.qjk")).contains(other.id().toString());
    }

    @Test
    void administratorsAndAnalystsDoNotSeePatientsMessagesButTheCareTeamDoes() throws Exception {
        for (String user : new String[] {"admin.qhl", "analyst.qhl"}) {
            assertThat(mvc.perform(get("/messages").with(httpBasic(user, DemoFixtures.PASSWORD))).andReturn().getResponse().getStatus())
                    .as(user).isEqualTo(403);
        }
        assertThat(mvc.perform(get("/messages").with(httpBasic("manager.qhl", DemoFixtures.PASSWORD))).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }

    @Test
    void onlyAdministratorsReachAdminPages() throws Exception {
        for (String user : new String[] {"clinician.qhl", "manager.qhl", "analyst.qhl"}) {
            int status = mvc.perform(get("/admin/audit").with(httpBasic(user, DemoFixtures.PASSWORD))).andReturn().getResponse().getStatus();
            assertThat(status).as(user).isEqualTo(403);
        }
    }
}

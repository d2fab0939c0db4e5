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
    void onlyAdministratorsReachAdminPages() throws Exception {
        for (String user : new String[] {"clinician.qhl", "manager.qhl", "analyst.qhl"}) {
            int status = mvc.perform(get("/admin/audit").with(httpBasic(user, DemoFixtures.PASSWORD))).andReturn().getResponse().getStatus();
            assertThat(status).as(user).isEqualTo(403);
        }
    }
}

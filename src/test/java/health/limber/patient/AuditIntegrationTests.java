package health.limber.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import health.limber.DemoFixtures;
import health.limber.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Hazard H-03: every read or change of a patient's record writes exactly one audit event, which cannot be altered. */
@IntegrationTest
class AuditIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired DemoFixtures demo;
    @Autowired JdbcTemplate jdbc;

    @Test
    void eachPatientEndpointWritesExactlyOneEventWithTheRightFields() throws Exception {
        var patient = demo.patient("QHL", 9);
        record Call(String action, org.springframework.test.web.servlet.RequestBuilder request) {}
        var calls = java.util.List.of(
                new Call("READ", get("/api/patients/" + patient.id()).header("X-Purpose-Of-Use", "ADMINISTRATION")
                        .with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD))),
                new Call("SEARCH", get("/api/patients").param("nhsNumber", patient.nhsNumber())
                        .with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD))),
                new Call("READ", get("/patients/" + patient.id()).with(httpBasic("manager.qhl", DemoFixtures.PASSWORD))),
                new Call("ISSUE_ACCESS_CODE", post("/api/patients/" + patient.id() + "/access-code")
                        .with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD))));
        for (Call call : calls) {
            int before = demo.auditCount(patient.id());
            var response = mvc.perform(call.request()).andReturn().getResponse();
            assertThat(response.getStatus()).as(call.action()).isEqualTo(200);
            assertThat(demo.auditCount(patient.id())).as(call.action()).isEqualTo(before + 1);
            Map<String, Object> event = jdbc.queryForMap(
                    "select * from audit_event where patient_id = ? order by occurred_at desc, id fetch first 1 rows only", patient.id());
            assertThat(event.get("action")).isEqualTo(call.action());
            assertThat(event.get("outcome")).isEqualTo("ALLOWED");
            assertThat(event.get("request_id")).isEqualTo(response.getHeader("X-Request-Id"));
            assertThat((String) event.get("actor")).isIn("clinician.qhl", "manager.qhl");
            assertThat(event.get("resource_id")).isEqualTo(patient.id().toString());
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_event where patient_id = ? and purpose = 'ADMINISTRATION'",
                Integer.class, patient.id())).isEqualTo(1);
    }

    @Test
    void aRefusedReadIsAuditedAsDenied() throws Exception {
        var patient = demo.patient("QUY", 9);
        int before = demo.auditCount(patient.id());
        mvc.perform(get("/api/patients/" + patient.id()).with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD)));
        assertThat(demo.auditCount(patient.id())).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select outcome from audit_event where patient_id = ? and actor = 'clinician.qhl'",
                String.class, patient.id())).isEqualTo("DENIED");
    }

    @Test
    void auditRowsCannotBeChangedOrDeletedEvenThroughSql() throws Exception {
        var patient = demo.patient("QHL", 10);
        mvc.perform(get("/api/patients/" + patient.id()).with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD)));
        assertThatThrownBy(() -> jdbc.update("update audit_event set actor = 'someone-else' where patient_id = ?", patient.id()))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event where patient_id = ?", patient.id()))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(demo.auditCount(patient.id())).isGreaterThanOrEqualTo(1);
    }

    @Test
    void thePatientSeesWhoLookedAtTheirRecord() throws Exception {
        var patient = demo.patient("QHL", 11);
        mvc.perform(get("/api/patients/" + patient.id()).with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD)));
        var cookies = demo.signInPatient(mvc, patient);
        String page = mvc.perform(get("/my/record-access").cookie(cookies).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Sam Okoro").contains("Opened your record");
    }
}

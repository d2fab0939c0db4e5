package health.limber.waitinglist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import health.limber.DemoFixtures;
import health.limber.IntegrationTest;
import health.limber.waitinglist.internal.ImportMode;
import health.limber.waitinglist.internal.WaitingListImport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Validating a waiting pathway over the API: the worklist, each field checked by name, stale versions, retries. */
@IntegrationTest
class WaitingListValidationApiIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired WaitingListImport importer;
    @Autowired WaitingListManagement management;

    ResultActions validate(UUID id, String user, String key, String body) throws Exception {
        var request = post("/api/waiting-list/pathways/" + id + "/validations").with(httpBasic(user, DemoFixtures.PASSWORD))
                .contentType("application/json").content(body);
        return mvc.perform(key == null ? request : request.header("Idempotency-Key", key));
    }

    String body(String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic("manager.qhl", DemoFixtures.PASSWORD))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void aValidationIsRecordedOnceWithEachFieldCheckedAndAStaleVersionRefused() throws Exception {
        // a pathway that has waited 2,000 days and was never validated: the most overdue on the worklist
        String identifier = "VAL-API-" + System.nanoTime();
        String start = LocalDate.now().minusDays(2000).toString();
        String csv = WaitingListImportIntegrationTests.HEADER + String.join(",", identifier, "RZA", "9434765919", "1970-01-01", start, "GP",
                start, "", "", "ORTT", "650", "1", "RZA", "QHL", "") + "\n";
        assertThat(importer.run(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), ImportMode.ALL_OR_NOTHING, false,
                problem -> { }, bytes -> { }).committed()).isTrue();
        UUID id = management.find(new PathwayKey(identifier, "RZA")).orElseThrow().id().value();

        mvc.perform(get("/api/waiting-list/validation-due").with(httpBasic("manager.qhl", DemoFixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].identifier").value(identifier));
        mvc.perform(get("/api/waiting-list/validation-due").with(httpBasic("analyst.qhl", DemoFixtures.PASSWORD)))
                .andExpect(status().isForbidden());
        String dueOnTheList = "/api/waiting-list/pathways?icb=QHL&validationDue=true&minDays=1999&maxDays=2001";
        assertThat(body(dueOnTheList)).contains(identifier);
        assertThat(mvc.perform(get("/waiting-list/pathways").param("icb", "QHL").param("due", "true").param("band", "52 weeks or more").with(httpBasic("manager.qhl", DemoFixtures.PASSWORD)))
                .andReturn().getResponse().getContentAsString()).contains(identifier).contains("checked");

        validate(id, "manager.qhl", null, "{\"version\":0,\"outcome\":\"STILL_WAITING\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
        validate(id, "manager.qhl", null, "{\"version\":0,\"kind\":\"CLINICAL\",\"outcome\":\"GONE\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("outcome"));
        validate(id, "manager.qhl", null, "{\"version\":0,\"kind\":\"CLINICAL\",\"outcome\":\"STILL_WAITING\",\"priority\":9}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("priority"));
        validate(id, "manager.qhl", null, "{\"kind\":\"CLINICAL\",\"outcome\":\"STILL_WAITING\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("version"));
        validate(id, "manager.qhl", null, "{\"version\":0,\"kind\":\"CLINICAL\",\"outcome\":\"STILL_WAITING\",\"redFlags\":[\"NOT_A_FLAG\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("redFlags"));
        validate(id, "manager.qhl", null, "{\"version\":7,\"kind\":\"CLINICAL\",\"outcome\":\"STILL_WAITING\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.current.version").value(0));
        validate(id, "clinician.quy", null, "{\"version\":0,\"kind\":\"CLINICAL\",\"outcome\":\"STILL_WAITING\"}")
                .andExpect(status().isForbidden());
        assertThat(management.find(new PathwayKey(identifier, "RZA")).orElseThrow().events()).hasSize(1);

        String reprioritise = "{\"version\":0,\"kind\":\"CLINICAL\",\"outcome\":\"STILL_WAITING\",\"priority\":2}";
        String first = validate(id, "clinician.qhl", "validate-" + id, reprioritise)
                .andExpect(status().isOk()).andExpect(jsonPath("$.priority").value("URGENT")).andExpect(jsonPath("$.version").value(1))
                .andReturn().getResponse().getContentAsString();
        int events = management.find(new PathwayKey(identifier, "RZA")).orElseThrow().events().size();
        String retried = validate(id, "clinician.qhl", "validate-" + id, reprioritise)
                .andExpect(status().isOk()).andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn().getResponse().getContentAsString();
        assertThat(retried).isEqualTo(first);
        assertThat(management.find(new PathwayKey(identifier, "RZA")).orElseThrow().events()).hasSize(events);

        assertThat(body(dueOnTheList)).as("validated today: not due again until the next 12-week point").doesNotContain(identifier);

        validate(id, "manager.qhl", "remove-" + id, "{\"version\":1,\"kind\":\"PATIENT_CONTACT\",\"outcome\":\"MOVED_AWAY\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.waitingToday").value(false));
    }
}

package health.limber.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import health.limber.DemoFixtures;
import health.limber.IntegrationTest;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The patient API end to end: problem+json naming the field, nothing saved on bad input, optimistic locking. */
@IntegrationTest
class PatientApiIntegrationTests {

    static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    /** A fresh valid NHS number from the 999 test range that no demo patient uses. */
    static String freshNhsNumber() {
        while (true) {
            String nine = String.format("9998%05d", 50000 + SERIAL.incrementAndGet());
            int check = NhsNumber.checkDigitFor(nine);
            if (check >= 0) {
                return nine + check;
            }
        }
    }

    static String body(String nhsNumber, String birthDate, String postcode) {
        return """
                {"nhsNumber": "%s", "givenName": "Ada", "familyName": "Testperson", "birthDate": "%s", "sex": "FEMALE",
                 "postcode": "%s", "phone": "07700 900123", "preferredLanguage": "en", "interpreterNeeded": false,
                 "accessibilityNeeds": ["STEP_FREE"], "contactPreferences": ["SMS"], "icbCode": "QHL",
                 "workStatus": "EMPLOYED_OFF_SICK"}""".formatted(nhsNumber, birthDate, postcode);
    }

    ResultActions postPatient(String json) throws Exception {
        return mvc.perform(post("/api/patients").with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    int patientCount() {
        return jdbc.queryForObject("select count(*) from patient", Integer.class);
    }

    @Test
    void createsReadsAndFormatsThePatient() throws Exception {
        String nhs = freshNhsNumber();
        String spaced = nhs.substring(0, 3) + " " + nhs.substring(3, 6) + "-" + nhs.substring(6);
        String id = postPatient(body(spaced, "1970-05-04", "sw1a1aa"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.nhsNumber").value(nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6)))
                .andExpect(jsonPath("$.postcode").value("SW1A 1AA"))
                .andExpect(jsonPath("$.workStatusHistory.length()").value(1))
                .andReturn().getResponse().getContentAsString().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        mvc.perform(get("/api/patients/" + id).with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.familyName").value("Testperson"))
                .andExpect(jsonPath("$.accessibilityNeeds[0]").value("STEP_FREE"));
    }

    @Test
    void invalidNhsNumberIsRefusedNamingTheFieldAndNothingIsSaved() throws Exception {
        int before = patientCount();
        postPatient(body("943 476 5918", "1970-05-04", "LS1 4AP"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("nhsNumber"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("check digit")));
        assertThat(patientCount()).isEqualTo(before);
    }

    @Test
    void futureAndImpossibleDatesOfBirthAreRefused() throws Exception {
        postPatient(body(freshNhsNumber(), "2999-01-01", "LS1 4AP"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("birthDate"))
                .andExpect(jsonPath("$.errors[0].message").value("Date of birth must be today or in the past"));
        postPatient(body(freshNhsNumber(), "1980-02-30", "LS1 4AP"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("birthDate"))
                .andExpect(jsonPath("$.errors[0].message").value("Date of birth must be a real date"));
    }

    @Test
    void malformedPostcodeIsRefused() throws Exception {
        postPatient(body(freshNhsNumber(), "1980-02-03", "NOT A CODE"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("postcode"));
    }

    @Test
    void duplicateNhsNumberIsAConflictAndNothingIsSaved() throws Exception {
        String nhs = freshNhsNumber();
        postPatient(body(nhs, "1960-01-01", "LS1 4AP")).andExpect(status().isCreated());
        int before = patientCount();
        postPatient(body(nhs, "1961-01-01", "LS1 4AP"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("nhsNumber"));
        assertThat(patientCount()).isEqualTo(before);
    }

    @Test
    void aStaleEditIsRefusedWithTheNewerValues() throws Exception {
        String created = postPatient(body(freshNhsNumber(), "1955-07-07", "LS1 4AP"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        String edit = body(created.replaceAll(".*\"nhsNumber\":\"([^\"]+)\".*", "$1"), "1955-07-07", "LS1 4AP")
                .replace("}", ", \"version\": 0}");
        mvc.perform(put("/api/patients/" + id).with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(edit.replace("Testperson", "Firstedit")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(put("/api/patients/" + id).with(httpBasic("manager.qhl", DemoFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(edit.replace("Testperson", "Staleedit")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("version"))
                .andExpect(jsonPath("$.current.familyName").value("Firstedit"))
                .andExpect(jsonPath("$.current.version").value(1));
        assertThat(jdbc.queryForObject("select family_name from patient where id = ?", String.class, UUID.fromString(id)))
                .isEqualTo("Firstedit");
    }

    @Test
    void voidingKeepsTheRecordWithWhoWhenAndWhy() throws Exception {
        String created = postPatient(body(freshNhsNumber(), "1990-09-09", "LS1 4AP"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        mvc.perform(post("/api/patients/" + id + "/void").with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": 0, \"reason\": \"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/patients/" + id + "/void").with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": 0, \"reason\": \"Duplicate record\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.voided").value(true))
                .andExpect(jsonPath("$.voidedBy").value("clinician.qhl"))
                .andExpect(jsonPath("$.voidReason").value("Duplicate record"));
        assertThat(jdbc.queryForObject("select count(*) from patient where id = ?", Integer.class, UUID.fromString(id))).isEqualTo(1);
    }

    @Test
    void unknownRouteGivesAFriendlyPageWithoutAStackTrace() throws Exception {
        String page = mvc.perform(get("/no-such-page").with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD)))
                .andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Page not found").doesNotContain("Exception").doesNotContain("at health.limber");
        mvc.perform(get("/patients/not-a-uuid").with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/no-such-thing").with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}

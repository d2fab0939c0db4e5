package health.limber.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import health.limber.DemoFixtures;
import health.limber.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The staff pages show each broken rule beside its field and in the summary, and save nothing. */
@IntegrationTest
class PatientPagesIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired DemoFixtures demo;

    @Test
    void aPatientRecordLinksToThePersonsCareAndThePatientsHomeLeadsWithTodaysExercises() throws Exception {
        var patient = demo.patient("QHL", 0);
        String programme = jdbc.queryForObject("select cast(id as varchar) from programme where patient_id = ? order by start_date desc "
                + "fetch first 1 rows only", String.class, patient.id());
        String record = mvc.perform(get("/patients/" + patient.id()).with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        assertThat(record).contains("This person's care").contains("href=\"/programmes/" + programme + "\"");
        String pathway = jdbc.queryForList("select cast(id as varchar) from pathway where nhs_number = ?", String.class, patient.nhsNumber())
                .stream().findFirst().orElse(null);
        if (pathway != null) {
            assertThat(record).contains("href=\"/waiting-list/pathways/" + pathway + "\"");
        }

        var cookies = demo.signInPatient(mvc, patient);
        String home = mvc.perform(get("/my").cookie(cookies)).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("Today&#39;s exercises").contains("href=\"/my/exercises\"");
        assertThat(home.indexOf("Today&#39;s exercises")).as("today's exercises come before everything else")
                .isLessThan(home.indexOf("Your details"));
    }

    MockHttpServletRequestBuilder form(String path, String nhsNumber, String year) {
        return form(path, nhsNumber, year, "Tester");
    }

    MockHttpServletRequestBuilder form(String path, String nhsNumber, String year, String familyName) {
        return post(path).with(csrf()).with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD))
                .param("nhsNumber", nhsNumber).param("givenName", "Page").param("familyName", familyName)
                .param("dobDay", "3").param("dobMonth", "4").param("dobYear", year).param("sex", "MALE")
                .param("postcode", "B5 4AA").param("preferredLanguage", "en").param("icbCode", "QHL");
    }

    @Test
    void aFutureDateOfBirthIsShownBesideTheFieldAndNothingIsSaved() throws Exception {
        int before = jdbc.queryForObject("select count(*) from patient", Integer.class);
        var response = mvc.perform(form("/patients", PatientApiIntegrationTests.freshNhsNumber(), "2999"))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString())
                .contains("There is a problem")
                .contains("href=\"#dobDay\"")
                .contains("Date of birth must be today or in the past");
        assertThat(jdbc.queryForObject("select count(*) from patient", Integer.class)).isEqualTo(before);
    }

    @Test
    void aPatientAddedOnThePageCanBeEditedAndAStaleEditIsRefusedShowingTheNewerValues() throws Exception {
        String nhs = PatientApiIntegrationTests.freshNhsNumber();
        String location = mvc.perform(form("/patients", nhs, "1977")).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/patients/");

        String saved = mvc.perform(form(location, nhs, "1977", "Edited").param("version", "0"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(saved).isEqualTo(location);

        String stale = mvc.perform(form(location, nhs, "1977", "Stale").param("version", "0"))
                .andReturn().getResponse().getContentAsString();
        assertThat(stale).contains("Someone else changed this record").contains("value=\"Edited\"");

        String view = mvc.perform(get(location).with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        assertThat(view).contains("Page Edited");
    }

    @Test
    void voidingOnThePageNeedsAReason() throws Exception {
        String nhs = PatientApiIntegrationTests.freshNhsNumber();
        String location = mvc.perform(form("/patients", nhs, "1966")).andReturn().getResponse().getRedirectedUrl();
        String refused = mvc.perform(post(location + "/void").with(csrf()).with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD))
                .param("version", "0").param("reason", " ")).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Enter why this record is being voided");
        String done = mvc.perform(post(location + "/void").with(csrf()).with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD))
                .param("version", "0").param("reason", "Duplicate")).andReturn().getResponse().getRedirectedUrl();
        assertThat(done).isEqualTo(location);
        String view = mvc.perform(get(location).with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        assertThat(view).contains("This record was voided").contains("Duplicate");
    }

    @Test
    void searchingByNameAndDateOfBirthFindsThePatient() throws Exception {
        String nhs = PatientApiIntegrationTests.freshNhsNumber();
        mvc.perform(form("/patients", nhs, "1944", "Searchable"));
        String page = mvc.perform(get("/patients").with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD))
                        .param("familyName", "sea").param("dobDay", "3").param("dobMonth", "4").param("dobYear", "1944"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("1 patient found").contains("SEARCHABLE, Page");
    }
}

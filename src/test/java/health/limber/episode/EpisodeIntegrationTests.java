package health.limber.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import health.limber.DemoFixtures;
import health.limber.IntegrationTest;
import health.limber.TestClock;
import health.limber.patient.PatientApiIntegrationTestsAccess;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Episodes of care end to end: opened by triage's acceptance and linked to the patient and the
 * pathway; one timeline; discharge with its rules, the clock stop and the GP letter; PIFU inside and
 * after its window with no new clock; and who may see or change an episode.
 */
@IntegrationTest
class EpisodeIntegrationTests {

    static final String CLINICIAN = "clinician.qhl";

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired DemoFixtures demo;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A referral received three weeks ago, accepted today to the pathway with a new patient record; returns the episode. */
    record Accepted(UUID episode, UUID referral, String reference, UUID patient, String nhsNumber) {}

    Accepted accepted(String carePathway) throws Exception {
        String nhs = PatientApiIntegrationTestsAccess.freshNhsNumber();
        String received = LocalDate.now(clock).minusWeeks(3).toString();
        String response = mvc.perform(post("/api/referrals").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"source": "GP", "receivedOn": "%s", "gpPracticeCode": "Y01001", "nhsNumber": "%s", "givenName": "Jo",
                                 "familyName": "Episode", "birthDate": "1971-05-06", "phone": "07700 900123", "bodySites": ["KNEE"],
                                 "symptomDuration": "UNDER_6_WEEKS", "requestedUrgency": "ROUTINE", "reasonCode": "30989003", "redFlags": []}"""
                                .formatted(received, nhs)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID referral = UUID.fromString(response.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
        String reference = response.replaceAll(".*\"reference\":\"([^\"]+)\".*", "$1");
        mvc.perform(post("/api/referrals/" + referral + "/triage").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"outcome": "ACCEPT", "pathway": "%s", "priority": "ROUTINE", "reason": "Knee pain, physio", "patient": "new",
                                 "version": 0}""".formatted(carePathway)))
                .andExpect(status().isOk());
        var row = jdbc.queryForMap("select id, patient_id from episode where referral_id = ?", referral);
        return new Accepted((UUID) row.get("id"), referral, reference, (UUID) row.get("patient_id"), nhs);
    }

    ResultActions discharge(UUID episode, String body, String user) throws Exception {
        return mvc.perform(post("/api/episodes/" + episode + "/discharge").with(httpBasic(user, DemoFixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    String today() {
        return LocalDate.now(clock).toString();
    }

    int clockEvents(String reference) {
        return jdbc.queryForObject("select count(*) from clock_event e join pathway p on p.id = e.pathway_id where p.pathway_identifier = ?",
                Integer.class, reference);
    }

    @Test
    void acceptingAReferralOpensOneEpisodeLinkedToThePatientThePathwayAndTheKindOfCare() throws Exception {
        Accepted a = accepted("PHYSIOTHERAPY");
        var episode = jdbc.queryForMap("select * from episode where id = ?", a.episode());
        UUID pathway = jdbc.queryForObject("select id from pathway where pathway_identifier = ?", UUID.class, a.reference());
        assertThat(episode.get("pathway_id")).isEqualTo(pathway);
        assertThat(episode.get("kind_of_care")).isEqualTo("PHYSIOTHERAPY");
        assertThat(jdbc.queryForObject("select patient_id from referral where id = ?", UUID.class, a.referral())).isEqualTo(a.patient());
        assertThat(jdbc.queryForObject("select count(*) from episode where referral_id = ?", Integer.class, a.referral())).isEqualTo(1);

        mvc.perform(get("/api/episodes/" + a.episode()).with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.pathwayId").value(pathway.toString()))
                .andExpect(jsonPath("$.timeline[?(@.kind == 'Episode opened')]").exists())
                .andExpect(jsonPath("$.timeline[?(@.kind == 'Referral')].href").value("/referrals/" + a.referral()))
                .andExpect(jsonPath("$.timeline[?(@.kind == 'Waiting-list pathway')].href").value("/waiting-list/pathways/" + pathway));
        mvc.perform(get("/api/episodes").param("patient", a.patient().toString()).with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(a.episode().toString()));
    }

    @Test
    void theTimelineHoldsEveryRecordLinkedToTheEpisodeAndTheDischarge() throws Exception {
        Accepted a = accepted("DIGITAL_SELF_MANAGEMENT");
        String programme = mvc.perform(post("/api/programmes").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"patient\": \"" + a.patient() + "\", \"template\": \"knee-osteoarthritis\", \"startDate\": \"" + today() + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String programmeId = programme.replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1");
        discharge(a.episode(), "{\"version\": 0, \"reason\": \"TREATMENT_COMPLETE\", \"on\": \"" + today() + "\"}", CLINICIAN)
                .andExpect(status().isOk());
        mvc.perform(get("/api/episodes/" + a.episode()).with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)))
                .andExpect(jsonPath("$.timeline[*].kind").value(org.hamcrest.Matchers.hasItems("Episode opened", "Referral", "Waiting-list pathway",
                        "Exercise programme", "Discharged")))
                .andExpect(jsonPath("$.timeline[?(@.kind == 'Exercise programme')].href").value("/programmes/" + programmeId));
        String page = mvc.perform(get("/episodes/" + a.episode()).with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"patient-banner\"", "Treatment complete", "/programmes/" + programmeId, "discharge-summary.pdf");
        String record = mvc.perform(get("/patients/" + a.patient()).with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        assertThat(record).as("the episode and its letter are listed on the patient's record")
                .contains("/episodes/" + a.episode(), "/episodes/" + a.episode() + "/discharge-summary.pdf");
    }

    @Test
    void aDischargeStopsTheRunningClockFilesTheGpLetterAndARetryDischargesOnce() throws Exception {
        Accepted a = accepted("PHYSIOTHERAPY");
        String body = "{\"version\": 0, \"reason\": \"DECLINED_FURTHER_CARE\", \"on\": \"" + today() + "\", \"note\": \"Managing well with advice\"}";
        String first = mvc.perform(post("/api/episodes/" + a.episode() + "/discharge").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD))
                        .header("Idempotency-Key", "discharge-" + a.episode()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.discharge.reason").value("DECLINED_FURTHER_CARE"))
                .andExpect(jsonPath("$.discharge.by").value(CLINICIAN))
                .andExpect(jsonPath("$.version").value(1))
                .andReturn().getResponse().getContentAsString();
        String replay = mvc.perform(post("/api/episodes/" + a.episode() + "/discharge").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD))
                        .header("Idempotency-Key", "discharge-" + a.episode()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(header().string("Idempotent-Replayed", "true")).andReturn().getResponse().getContentAsString();
        assertThat(replay).isEqualTo(first);
        assertThat(jdbc.queryForObject("select count(*) from episode_letter where episode_id = ?", Integer.class, a.episode())).isEqualTo(1);

        var period = jdbc.queryForMap("select c.end_date, c.end_reason from clock_period c join pathway p on p.id = c.pathway_id "
                + "where p.pathway_identifier = ?", a.reference());
        assertThat(period.get("end_date")).hasToString(today());
        assertThat(period.get("end_reason")).isEqualTo("PATIENT_DECLINED");

        byte[] pdf = mvc.perform(get("/episodes/" + a.episode() + "/discharge-summary.pdf").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text;
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
        assertThat(text).contains("Discharge summary", "Jo Episode", "Declined further care", "Managing well with advice", "Physiotherapy");
    }

    @Test
    void aBadDischargeIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
        Accepted a = accepted("PHYSIOTHERAPY");
        String opened = LocalDate.now(clock).toString();
        discharge(a.episode(), "{\"version\": 0, \"on\": \"" + today() + "\"}", CLINICIAN)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        discharge(a.episode(), "{\"version\": 0, \"reason\": \"GONE\", \"on\": \"" + today() + "\"}", CLINICIAN)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        discharge(a.episode(), "{\"version\": 0, \"reason\": \"TREATMENT_COMPLETE\", \"on\": \"" + LocalDate.parse(opened).minusDays(1) + "\"}", CLINICIAN)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("on"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("before the episode opened")));
        discharge(a.episode(), "{\"version\": 0, \"reason\": \"TREATMENT_COMPLETE\", \"on\": \"" + LocalDate.parse(opened).plusDays(1) + "\"}", CLINICIAN)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("on"));
        discharge(a.episode(), "{\"version\": 0, \"reason\": \"TREATMENT_COMPLETE\", \"on\": \"7/12/2026\"}", CLINICIAN)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("on"));
        discharge(a.episode(), "{\"version\": 0, \"reason\": \"REFERRED_ON\", \"on\": \"" + today() + "\"}", CLINICIAN)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("referredTo"));
        discharge(a.episode(), "{\"version\": 0, \"reason\": \"PATIENT_INITIATED_FOLLOW_UP\", \"on\": \"" + today() + "\", \"followUpMonths\": 4}", CLINICIAN)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("followUpMonths"));
        discharge(a.episode(), "{\"reason\": \"TREATMENT_COMPLETE\", \"on\": \"" + today() + "\"}", CLINICIAN)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("version"));
        discharge(a.episode(), "{\"version\": 5, \"reason\": \"TREATMENT_COMPLETE\", \"on\": \"" + today() + "\"}", CLINICIAN)
                .andExpect(status().isConflict()).andExpect(jsonPath("$.current.version").value(0))
                .andExpect(jsonPath("$.current.status").value("OPEN"));
        discharge(a.episode(), "{\"version\": 0, \"reason\": \"TREATMENT_COMPLETE\", \"on\": \"" + today() + "\"}", "manager.qhl")
                .andExpect(status().isForbidden());
        String otherIcb = jdbc.queryForObject("select min(username) from staff_user where username like 'clinician.%' and username <> ?", String.class, CLINICIAN);
        discharge(a.episode(), "{\"version\": 0, \"reason\": \"TREATMENT_COMPLETE\", \"on\": \"" + today() + "\"}", otherIcb)
                .andExpect(status().isForbidden());

        assertThat(jdbc.queryForObject("select version from episode where id = ?", Long.class, a.episode())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from episode where id = ? and discharged_on is not null", Integer.class, a.episode())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from clock_period c join pathway p on p.id = c.pathway_id "
                + "where p.pathway_identifier = ? and c.end_date is null", Integer.class, a.reference())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from episode_letter where episode_id = ?", Integer.class, a.episode())).isZero();

        discharge(a.episode(), "{\"version\": 0, \"reason\": \"TREATMENT_COMPLETE\", \"on\": \"" + today() + "\"}", CLINICIAN).andExpect(status().isOk());
        discharge(a.episode(), "{\"version\": 1, \"reason\": \"TREATMENT_COMPLETE\", \"on\": \"" + today() + "\"}", CLINICIAN)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("episode"));
    }

    int discharged(String reason) throws Exception {
        String json = mvc.perform(get("/api/episodes/discharge-figures").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + reason + "\":(\\d+)").matcher(json);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    @Test
    void theShareMovedToPifuCountsEachDischargeByItsReasonInThePeriod() throws Exception {
        int pifuBefore = discharged("PATIENT_INITIATED_FOLLOW_UP");
        int completeBefore = discharged("TREATMENT_COMPLETE");
        Accepted a = accepted("PHYSIOTHERAPY");
        discharge(a.episode(), "{\"version\": 0, \"reason\": \"PATIENT_INITIATED_FOLLOW_UP\", \"on\": \"" + today() + "\"}", CLINICIAN)
                .andExpect(status().isOk());
        assertThat(discharged("PATIENT_INITIATED_FOLLOW_UP")).isEqualTo(pifuBefore + 1);
        assertThat(discharged("TREATMENT_COMPLETE")).isEqualTo(completeBefore);
        mvc.perform(get("/api/episodes/discharge-figures").param("from", today()).param("to", today()).with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)))
                .andExpect(jsonPath("$.byReason.PATIENT_INITIATED_FOLLOW_UP").isNumber())
                .andExpect(jsonPath("$.total").isNumber()).andExpect(jsonPath("$.pifuShare").isNumber());
        mvc.perform(get("/api/episodes/discharge-figures").param("from", "2026-13-01").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/episodes/discharge-figures").param("from", "2026-05-02").param("to", "2026-05-01")
                        .with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        String analyst = jdbc.queryForObject("select min(username) from staff_user where role = 'ANALYST'", String.class);
        mvc.perform(get("/api/episodes/discharge-figures").with(httpBasic(analyst, DemoFixtures.PASSWORD))).andExpect(status().isForbidden());
        assertThat(mvc.perform(get("/episodes").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD))).andReturn().getResponse().getContentAsString())
                .contains("moved to patient-initiated follow-up");
    }

    @Test
    void aFollowUpAskedForInsideThePifuWindowGoesOnTheEpisodeWithNoNewClockAndTheWindowLapses() throws Exception {
        Accepted a = accepted("PHYSIOTHERAPY");
        discharge(a.episode(), "{\"version\": 0, \"reason\": \"PATIENT_INITIATED_FOLLOW_UP\", \"on\": \"" + today() + "\", \"followUpMonths\": 3}",
                CLINICIAN)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FOLLOW_UP_WINDOW"))
                .andExpect(jsonPath("$.discharge.followUpUntil").value(LocalDate.now(clock).plusMonths(3).toString()));
        int eventsAfterDischarge = clockEvents(a.reference());
        int pathwaysBefore = jdbc.queryForObject("select count(*) from pathway", Integer.class);

        Cookie[] patient = demo.signInPatient(mvc, new DemoFixtures.PatientRef(a.patient(), a.nhsNumber(), LocalDate.of(1971, 5, 6), "Episode"));
        String care = mvc.perform(get("/my/care").cookie(patient)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(care).contains("Ask for a follow-up");
        clock.advance(Duration.ofDays(60));
        mvc.perform(post("/my/care/" + a.episode() + "/follow-up").cookie(patient).with(csrf()).param("what", "The knee is sore again on stairs"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/my/care/" + a.episode() + "/follow-up").cookie(patient).with(csrf()).param("what", "Asking twice"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from episode_follow_up where episode_id = ?", Integer.class, a.episode()))
                .as("asking again while the first waits does not ask twice").isEqualTo(1);
        assertThat(clockEvents(a.reference())).as("no new clock").isEqualTo(eventsAfterDischarge);
        assertThat(jdbc.queryForObject("select count(*) from pathway", Integer.class)).as("no new pathway").isEqualTo(pathwaysBefore);

        String list = mvc.perform(get("/episodes").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD))).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("The knee is sore again on stairs");
        UUID request = jdbc.queryForObject("select id from episode_follow_up where episode_id = ?", UUID.class, a.episode());
        mvc.perform(post("/api/episodes/" + a.episode() + "/follow-up-requests/" + request + "/answer").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": 2, \"answer\": \"\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("answer"));
        mvc.perform(post("/api/episodes/" + a.episode() + "/follow-up-requests/" + request + "/answer").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": 2, \"answer\": \"Follow-up booked for next Tuesday at 10:00\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/my/episodes").cookie(patient)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].followUps[0].answer").value("Follow-up booked for next Tuesday at 10:00"))
                .andExpect(jsonPath("$[0].followUps[0].answeredBy").doesNotExist());
        mvc.perform(get("/api/episodes/" + a.episode()).cookie(patient)).andExpect(status().isOk())
                .andExpect(jsonPath("$.discharge.by").doesNotExist()).andExpect(jsonPath("$.timeline").doesNotExist());

        clock.advance(Duration.ofDays(40));
        mvc.perform(post("/api/episodes/" + a.episode() + "/follow-up-requests").cookie(patient).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"what\": \"Too late\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("ended on")));
        mvc.perform(get("/api/my/episodes").cookie(patient)).andExpect(jsonPath("$[0].status").value("CLOSED"));
        assertThat(jdbc.queryForObject("select count(*) from episode_follow_up where episode_id = ?", Integer.class, a.episode())).isEqualTo(1);
    }

    String stop(String reference) {
        return jdbc.queryForObject("select c.end_reason || '/' || coalesce(c.stopped_by, '-') from clock_period c join pathway p on p.id = c.pathway_id "
                + "where p.pathway_identifier = ? and c.end_date is not null", String.class, reference);
    }

    int running(String reference) {
        return jdbc.queryForObject("select count(*) from clock_period c join pathway p on p.id = c.pathway_id "
                + "where p.pathway_identifier = ? and c.end_date is null", Integer.class, reference);
    }

    ResultActions programme(UUID patient, String purpose) throws Exception {
        return mvc.perform(post("/api/programmes").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"patient\": \"" + patient + "\", \"template\": \"knee-osteoarthritis\", \"startDate\": \"" + today() + "\""
                        + (purpose == null ? "" : ", \"purpose\": \"" + purpose + "\"") + "}"));
    }

    @Test
    void aStarterProgrammeStopsNoClockAndAProgrammeAgreedAtAnAssessmentStopsItAsDigitalSelfManagement() throws Exception {
        Accepted a = accepted("DIGITAL_SELF_MANAGEMENT");
        programme(a.patient(), "WAIT_WELL").andExpect(status().isCreated());
        programme(a.patient(), null).andExpect(status().isCreated());
        assertThat(running(a.reference())).as("a starter (wait well) programme is not treatment").isEqualTo(1);
        programme(a.patient(), "SOMETIMES").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("purpose"));

        programme(a.patient(), "TREATMENT").andExpect(status().isCreated());
        assertThat(running(a.reference())).isZero();
        assertThat(stop(a.reference())).isEqualTo("FIRST_TREATMENT/DIGITAL_SELF_MANAGEMENT");
        mvc.perform(get("/api/episodes/" + a.episode()).with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)))
                .andExpect(jsonPath("$.timeline[?(@.kind == 'Exercise programme')].detail").value(org.hamcrest.Matchers.hasItem(
                        org.hamcrest.Matchers.startsWith("Treatment agreed with the person at an assessment"))));
        String pathway = mvc.perform(get("/waiting-list/pathways/" + jdbc.queryForObject("select pathway_id from episode where id = ?", UUID.class,
                a.episode())).with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD))).andReturn().getResponse().getContentAsString();
        assertThat(pathway).contains("first treatment, seen through Digital self-management");
    }

    @Test
    void theCaseloadPageAsksWhatTheProgrammeIsForBeforeStartingIt() throws Exception {
        Accepted a = accepted("DIGITAL_SELF_MANAGEMENT");
        mvc.perform(post("/programmes").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)).with(csrf()).param("nhsNumber", a.nhsNumber())
                        .param("template", "knee-osteoarthritis").param("startDate", today()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("errors",
                        java.util.Map.of("purpose", "Choose whether this programme is the person's treatment, agreed at an assessment, "
                                + "or a starter programme while they wait")));
        assertThat(jdbc.queryForObject("select count(*) from programme where patient_id = ?", Integer.class, a.patient())).isZero();
        mvc.perform(post("/programmes").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)).with(csrf()).param("nhsNumber", a.nhsNumber())
                        .param("template", "knee-osteoarthritis").param("startDate", today()).param("purpose", "TREATMENT"))
                .andExpect(status().is3xxRedirection());
        assertThat(stop(a.reference())).isEqualTo("FIRST_TREATMENT/DIGITAL_SELF_MANAGEMENT");
    }

    @Test
    void adviceAndDischargeAtTriageStopsTheClockAsThatKindOfCareAndADischargeBeforeTreatmentAsNone() throws Exception {
        Accepted advised = accepted("ADVICE_AND_DISCHARGE");
        assertThat(stop(advised.reference())).isEqualTo("DISCHARGED/ADVICE_AND_DISCHARGE");
        Accepted discharged = accepted("PHYSIOTHERAPY");
        discharge(discharged.episode(), "{\"version\": 0, \"reason\": \"DID_NOT_ATTEND\", \"on\": \"" + today() + "\"}", CLINICIAN)
                .andExpect(status().isOk());
        assertThat(stop(discharged.reference())).as("a non-treatment stop: no kind of care").isEqualTo("DISCHARGED/-");
    }

    @Test
    void anotherPatientAnotherIcbAndAnAnalystCannotSeeTheEpisode() throws Exception {
        Accepted a = accepted("PHYSIOTHERAPY");
        Cookie[] someoneElse = demo.signInPatient(mvc, demo.patient("QHL", 3));
        mvc.perform(get("/api/episodes/" + a.episode()).cookie(someoneElse)).andExpect(status().isNotFound());
        mvc.perform(post("/my/care/" + a.episode() + "/follow-up").cookie(someoneElse).with(csrf()).param("what", "not mine"))
                .andExpect(status().isNotFound());
        String otherIcb = jdbc.queryForObject("select min(username) from staff_user where username like 'clinician.%' and username <> ?", String.class, CLINICIAN);
        mvc.perform(get("/api/episodes/" + a.episode()).with(httpBasic(otherIcb, DemoFixtures.PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(get("/episodes/" + a.episode()).with(httpBasic(otherIcb, DemoFixtures.PASSWORD))).andExpect(status().isForbidden());
        String analyst = jdbc.queryForObject("select min(username) from staff_user where role = 'ANALYST'", String.class);
        mvc.perform(get("/api/episodes/" + a.episode()).with(httpBasic(analyst, DemoFixtures.PASSWORD))).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where resource_type = 'Episode' and resource_id = ? and outcome = 'DENIED'",
                Integer.class, a.episode().toString())).isGreaterThanOrEqualTo(2);
    }
}

package health.limber.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import health.limber.DemoFixtures;
import health.limber.IntegrationTest;
import health.limber.TestClock;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Outcome questionnaires end to end: scheduled when triage opens the episode and at discharge, with
 * reminders; answered in the app one question at a time, on paper by a clinician, or through the
 * API; scored at once; a red-flag answer raises a task; bad and replayed input changes nothing.
 */
@IntegrationTest
class OutcomeIntegrationTests {

    static final String CLINICIAN = OutcomeJourneys.CLINICIAN;

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired DemoFixtures demo;
    @Autowired OutcomeSchedules schedules;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    OutcomeJourneys journeys() {
        return new OutcomeJourneys(mvc, jdbc, clock, demo);
    }

    OutcomeJourneys.Accepted accepted(String carePathway) throws Exception {
        return journeys().accepted(carePathway);
    }

    Cookie[] signIn(OutcomeJourneys.Accepted a) throws Exception {
        return journeys().signIn(a);
    }

    UUID due(OutcomeJourneys.Accepted a, String point, String instrument) {
        return journeys().due(a, point, instrument);
    }

    static String fhir(UUID patient, String instrument, String items) {
        return OutcomeJourneys.fhir(patient, instrument, items);
    }

    @Test
    void triageSchedulesBaselineAndSixWeeksByKindOfCareWithRemindersOnTheDayAndThreeAndSevenDaysLater() throws Exception {
        OutcomeJourneys.Accepted physio = accepted("PHYSIOTHERAPY");
        assertThat(jdbc.queryForList("select instrument from outcome_due where episode_id = ? and time_point = 'BASELINE' order by instrument",
                String.class, physio.episode())).containsExactly("msk-hq", "pain-nrs", "psfs", "work");
        assertThat(jdbc.queryForObject("select due_on from outcome_due where episode_id = ? and time_point = 'SIX_WEEKS' and instrument = 'msk-hq'",
                LocalDate.class, physio.episode())).isEqualTo(LocalDate.now(clock).plusWeeks(6));
        String prefix = "outcome:" + physio.patient() + ":" + physio.episode() + ":BASELINE:";
        assertThat(jdbc.queryForList("select dedupe_key from outbox_message where dedupe_key like ? order by send_after", String.class, prefix + "%"))
                .containsExactly(prefix + "0", prefix + "3", prefix + "7");
        OutcomeJourneys.Accepted oneStop = accepted("ONE_STOP_CLINIC");
        assertThat(jdbc.queryForList("select instrument from outcome_due where episode_id = ? and time_point = 'BASELINE'", String.class,
                oneStop.episode())).contains("phq-9", "gad-7");
    }

    @Test
    void aPatientAnswersOneQuestionPerPageCanStopAndResumeAndIsToldWhatIsMissing() throws Exception {
        OutcomeJourneys.Accepted a = accepted("PHYSIOTHERAPY");
        Cookie[] me = signIn(a);
        assertThat(mvc.perform(get("/my/questionnaires").cookie(me)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Pain score", "MSK-HQ");
        String location = mvc.perform(post("/my/questionnaires/due/" + due(a, "BASELINE", "pain-nrs")).cookie(me).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID response = UUID.fromString(location.split("/")[3]);
        assertThat(mvc.perform(post("/my/questionnaires/due/" + due(a, "BASELINE", "pain-nrs")).cookie(me).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl()).as("resumes the same response").isEqualTo(location);
        mvc.perform(post("/my/questionnaires/" + response + "/send").cookie(me).with(csrf()).param("version", "0"))
                .andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("it is needed")));
        mvc.perform(post("/my/questionnaires/" + response + "/1").cookie(me).with(csrf()).param("version", "0").param("pain", "11"))
                .andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("must be 10 or less, not 11")));
        mvc.perform(post("/my/questionnaires/" + response + "/1").cookie(me).with(csrf()).param("version", "0").param("pain", "6"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/my/questionnaires/" + response + "/send").cookie(me).with(csrf()).param("version", "1"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select score_value from outcome_score where response_id = ?", java.math.BigDecimal.class, response))
                .isEqualByComparingTo("6");
        assertThat(jdbc.queryForObject("select status from outcome_due where id = ?", String.class, due(a, "BASELINE", "pain-nrs"))).isEqualTo("RETURNED");
        assertThat(jdbc.queryForObject("select source from outcome_response where id = ?", String.class, response)).isEqualTo("PATIENT_APP");
        String prefix = "outcome:" + a.patient() + ":" + a.episode() + ":BASELINE:";
        assertThat(jdbc.queryForList("select status from outbox_message where dedupe_key like ?", String.class, prefix + "%"))
                .as("other baseline questionnaires are still due, so the reminders stand").doesNotContain("WITHDRAWN");

        OutcomeJourneys.Accepted other = accepted("PHYSIOTHERAPY");
        Cookie[] someoneElse = signIn(other);
        mvc.perform(get("/my/questionnaires/" + response + "/1").cookie(someoneElse)).andExpect(status().isForbidden());
        mvc.perform(post("/my/questionnaires/" + response + "/1").cookie(someoneElse).with(csrf()).param("version", "1").param("pain", "1"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/my/questionnaires/due/" + due(a, "BASELINE", "msk-hq")).cookie(someoneElse).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void psfsStartsWithTheActivitiesNamedLastTimeToBeReRated() throws Exception {
        OutcomeJourneys.Accepted a = accepted("PHYSIOTHERAPY");
        mvc.perform(post("/api/patients/" + a.patient() + "/questionnaire-responses").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD))
                        .header("Idempotency-Key", "psfs-1").param("dueId", due(a, "BASELINE", "psfs").toString())
                        .contentType("application/fhir+json").content(fhir(a.patient(), "psfs", """
                                {"linkId": "activity", "item": [{"linkId": "activity-name", "answer": [{"valueString": "Climbing stairs"}]},
                                  {"linkId": "activity-rating", "answer": [{"valueInteger": 3}]}]},
                                {"linkId": "activity", "item": [{"linkId": "activity-name", "answer": [{"valueString": "Kneeling"}]},
                                  {"linkId": "activity-rating", "answer": [{"valueInteger": 2}]}]}""")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.scores[0].value").value(2.5));
        clock.advance(Duration.ofDays(43));
        Cookie[] me = signIn(a);
        String location = mvc.perform(post("/my/questionnaires/due/" + due(a, "SIX_WEEKS", "psfs")).cookie(me).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        String page = mvc.perform(get(location).cookie(me)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"Climbing stairs\"", "value=\"Kneeling\"");
    }

    @Test
    void aClinicianEntersAPaperFormRecordedAsSuchAndTheEpisodeShowsItsScores() throws Exception {
        OutcomeJourneys.Accepted a = accepted("PHYSIOTHERAPY");
        var form = post("/patients/" + a.patient() + "/questionnaires").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)).with(csrf())
                .param("instrument", "msk-hq").param("key", "paper-1").param("due", due(a, "BASELINE", "msk-hq").toString());
        for (int i = 1; i <= 14; i++) {
            form.param(String.valueOf(i), i == 3 ? "" : "2");
        }
        mvc.perform(form).andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(org.hamcrest.Matchers.containsString("it is needed")));
        assertThat(jdbc.queryForObject("select count(*) from outcome_response where patient_id = ?", Integer.class, a.patient())).isZero();
        form.param("3", "4");
        mvc.perform(form).andExpect(status().is3xxRedirection());
        var row = jdbc.queryForMap("select source, entered_by from outcome_response where patient_id = ?", a.patient());
        assertThat(row).containsEntry("source", "PAPER").containsEntry("entered_by", CLINICIAN);
        String episode = mvc.perform(get("/episodes/" + a.episode()).with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(episode).contains("MSK-HQ score (0–56) 30", "paper form entered by clinician.qhl");
    }

    @Test
    void theApiKeepsOneResponsePerKeyAndRefusesBadAnswersAnotherPersonAndAReusedKey() throws Exception {
        OutcomeJourneys.Accepted a = accepted("PHYSIOTHERAPY");
        OutcomeJourneys.Accepted b = accepted("PHYSIOTHERAPY");
        String pain = fhir(a.patient(), "pain-nrs", "{\"linkId\": \"pain\", \"answer\": [{\"valueInteger\": 4}]}");
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/patients/" + a.patient() + "/questionnaire-responses").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD))
                    .header("Idempotency-Key", "k-1").contentType("application/fhir+json").content(pain)).andExpect(status().isCreated());
        }
        assertThat(jdbc.queryForObject("select count(*) from outcome_response where patient_id = ?", Integer.class, a.patient())).isEqualTo(1);
        mvc.perform(post("/api/patients/" + a.patient() + "/questionnaire-responses").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD))
                .header("Idempotency-Key", "k-1").contentType("application/fhir+json")
                .content(fhir(a.patient(), "pain-nrs", "{\"linkId\": \"pain\", \"answer\": [{\"valueInteger\": 5}]}")))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/patients/" + a.patient() + "/questionnaire-responses").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD))
                .header("Idempotency-Key", "k-2").contentType("application/fhir+json")
                .content(fhir(a.patient(), "pain-nrs", "{\"linkId\": \"pain\", \"answer\": [{\"valueInteger\": 12}]}, {\"linkId\": \"elbow\", \"answer\": [{\"valueInteger\": 1}]}")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[?(@.field == 'pain')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'elbow')]").exists());
        mvc.perform(post("/api/patients/" + b.patient() + "/questionnaire-responses").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD))
                .header("Idempotency-Key", "k-3").contentType("application/fhir+json").content(pain))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("subject"));
        mvc.perform(post("/api/patients/" + a.patient() + "/questionnaire-responses").with(httpBasic("clinician.quy", DemoFixtures.PASSWORD))
                .header("Idempotency-Key", "k-4").contentType("application/fhir+json").content(pain)).andExpect(status().isForbidden());
        mvc.perform(get("/api/patients/" + a.patient() + "/questionnaire-responses").with(httpBasic("clinician.quy", DemoFixtures.PASSWORD)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from outcome_response where patient_id in (?, ?)", Integer.class, a.patient(), b.patient()))
                .isEqualTo(1);
    }

    @Test
    void aSelfHarmAnswerInPhq9RaisesAnUrgentRedFlagTaskAtOnce() throws Exception {
        OutcomeJourneys.Accepted a = accepted("ONE_STOP_CLINIC");
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= 9; i++) {
            items.append(i > 1 ? "," : "").append("{\"linkId\": \"").append(i).append("\", \"answer\": [{\"valueCoding\": {\"code\": \"")
                    .append(i == 9 ? 1 : 0).append("\"}}]}");
        }
        mvc.perform(post("/api/patients/" + a.patient() + "/questionnaire-responses").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD))
                .header("Idempotency-Key", "phq").contentType("application/fhir+json").content(fhir(a.patient(), "phq-9", items.toString())))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.scores[0].value").value(1.0));
        var task = jdbc.queryForMap("select level, source, flags from red_flag_task where patient_id = ?", a.patient());
        assertThat(task).containsEntry("level", "URGENT").containsEntry("source", "QUESTIONNAIRE").containsEntry("flags", "SELF_HARM_THOUGHTS");
    }

    @Test
    void dischargeCancelsWhatHadNotFallenDueSchedulesDischargeAndFollowUpAndShowsWhatIsMissing() throws Exception {
        OutcomeJourneys.Accepted a = accepted("PHYSIOTHERAPY");
        String page = mvc.perform(get("/episodes/" + a.episode()).with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Questionnaires not returned", "MSK-HQ (start (baseline))");
        mvc.perform(post("/api/episodes/" + a.episode() + "/discharge").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0, \"reason\": \"TREATMENT_COMPLETE\", \"on\": \"" + LocalDate.now(clock) + "\"}"))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForList("select distinct status from outcome_due where episode_id = ? and time_point = 'SIX_WEEKS'", String.class,
                a.episode())).containsExactly("CANCELLED");
        assertThat(jdbc.queryForObject("select due_on from outcome_due where episode_id = ? and time_point = 'FOLLOW_UP' and instrument = 'msk-hq'",
                LocalDate.class, a.episode())).isEqualTo(LocalDate.now(clock).plusMonths(3));
        assertThat(jdbc.queryForList("select instrument from outcome_due where episode_id = ? and time_point = 'DISCHARGE'", String.class,
                a.episode())).contains("groc");
        assertThat(jdbc.queryForList("select status from outbox_message where dedupe_key like ?", String.class,
                "outcome:" + a.patient() + ":" + a.episode() + ":SIX_WEEKS:%")).containsOnly("WITHDRAWN");
    }

    @Test
    void whatIsNotAnsweredFourteenDaysAfterItFellDueIsNotReturned() throws Exception {
        OutcomeJourneys.Accepted a = accepted("GROUP_CLASS");
        clock.advance(Duration.ofDays(14));
        schedules.closeOverdue();
        assertThat(jdbc.queryForObject("select status from outcome_due where id = ?", String.class, due(a, "BASELINE", "msk-hq"))).isEqualTo("DUE");
        clock.advance(Duration.ofDays(1));
        schedules.closeOverdue();
        assertThat(jdbc.queryForObject("select status from outcome_due where id = ?", String.class, due(a, "BASELINE", "msk-hq"))).isEqualTo("NOT_RETURNED");
        assertThat(jdbc.queryForObject("select status from outcome_due where id = ?", String.class, due(a, "SIX_WEEKS", "msk-hq"))).isEqualTo("DUE");
    }

    @Test
    void stoppingRemindersWithdrawsThemAndNoneAreQueuedAfter() throws Exception {
        OutcomeJourneys.Accepted a = accepted("PHYSIOTHERAPY");
        Cookie[] me = signIn(a);
        mvc.perform(post("/my/questionnaires/reminders").cookie(me).with(csrf()).param("stop", "true")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForList("select distinct status from outbox_message where dedupe_key like ?", String.class,
                "outcome:" + a.patient() + ":%")).containsOnly("WITHDRAWN");
        mvc.perform(post("/api/episodes/" + a.episode() + "/discharge").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0, \"reason\": \"TREATMENT_COMPLETE\", \"on\": \"" + LocalDate.now(clock) + "\"}"))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForList("select dedupe_key from outbox_message where dedupe_key like ?", String.class,
                "outcome:" + a.patient() + ":" + a.episode() + ":DISCHARGE:%")).isEmpty();
    }

    @Test
    void aBrokenUploadIsRefusedWithThePathOfTheBadElementAndANewVersionReplacesTheRunningOne() throws Exception {
        String questionnaire = "{\"resourceType\": \"Questionnaire\", \"id\": \"pain-nrs\", \"version\": \"2\", \"title\": \"Pain score\", \"status\": \"active\","
                + " \"item\": [{\"linkId\": \"pain\", \"text\": \"Pain today, 0 to 10\", \"type\": \"integer\", \"required\": true}]}";
        mvc.perform(post("/api/questionnaires").with(httpBasic("admin.qhl", DemoFixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"questionnaire\": " + questionnaire + ", \"scoring\": {\"scores\": [{\"id\": \"pain\", \"method\": \"value\", \"items\": [\"ache\"]}]}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("scoring.scores[0].items names 'ache', which the questionnaire does not have"));
        mvc.perform(get("/api/questionnaires").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)))
                .andExpect(jsonPath("$[?(@.key == 'pain-nrs')].version").value("1"));
        mvc.perform(post("/api/questionnaires").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"questionnaire\": " + questionnaire + ", \"scoring\": {\"scores\": []}}"))
                .andExpect(status().isForbidden());
        assertThat(List.of(jdbc.queryForObject("select count(*) from outcome_questionnaire", Integer.class))).containsExactly(0);
    }
}

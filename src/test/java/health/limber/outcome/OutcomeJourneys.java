package health.limber.outcome;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import health.limber.DemoFixtures;
import health.limber.patient.PatientApiIntegrationTestsAccess;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** A person referred, accepted by triage (which opens their episode and schedules questionnaires), and what they answer. */
record OutcomeJourneys(MockMvc mvc, JdbcTemplate jdbc, Clock clock, DemoFixtures demo) {

    static final String CLINICIAN = "clinician.qhl";
    static final LocalDate BORN = LocalDate.of(1968, 2, 3);

    record Accepted(UUID episode, UUID patient, String nhsNumber) {}

    Accepted accepted(String carePathway) throws Exception {
        String nhs = PatientApiIntegrationTestsAccess.freshNhsNumber();
        String response = mvc.perform(post("/api/referrals").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"source": "GP", "receivedOn": "%s", "gpPracticeCode": "Y01001", "nhsNumber": "%s", "givenName": "Sam",
                                 "familyName": "Outcome", "birthDate": "%s", "phone": "07700 900456", "contactPreferences": ["SMS"], "bodySites": ["KNEE"],
                                 "symptomDuration": "UNDER_6_WEEKS", "requestedUrgency": "ROUTINE", "reasonCode": "30989003", "redFlags": []}"""
                                .formatted(LocalDate.now(clock).minusWeeks(2), nhs, BORN)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID referral = UUID.fromString(response.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
        mvc.perform(post("/api/referrals/" + referral + "/triage").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"outcome": "ACCEPT", "pathway": "%s", "priority": "ROUTINE", "reason": "Knee pain", "patient": "new", "version": 0}"""
                                .formatted(carePathway)))
                .andExpect(status().isOk());
        var row = jdbc.queryForMap("select id, patient_id from episode where referral_id = ?", referral);
        return new Accepted((UUID) row.get("id"), (UUID) row.get("patient_id"), nhs);
    }

    Cookie[] signIn(Accepted a) throws Exception {
        return demo.signInPatient(mvc, new DemoFixtures.PatientRef(a.patient(), a.nhsNumber(), BORN, "Outcome"));
    }

    UUID due(Accepted a, String point, String instrument) {
        return jdbc.queryForObject("select id from outcome_due where episode_id = ? and time_point = ? and instrument = ?", UUID.class,
                a.episode(), point, instrument);
    }

    static String fhir(UUID patient, String instrument, String items) {
        return """
                {"resourceType": "QuestionnaireResponse", "status": "completed", "subject": {"reference": "Patient/%s"},
                 "questionnaire": "https://limber.health/fhir/Questionnaire/%s", "item": [%s]}""".formatted(patient, instrument, items);
    }

    /** Posts a completed response through the API as the clinician. */
    ResultActions answer(Accepted a, String instrument, UUID due, String key, String items) throws Exception {
        var request = post("/api/patients/" + a.patient() + "/questionnaire-responses").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD))
                .header("Idempotency-Key", key).contentType("application/fhir+json").content(fhir(a.patient(), instrument, items));
        return mvc.perform(due == null ? request : request.param("dueId", due.toString()));
    }

    /** MSK-HQ answers with this total, spread as evenly as the items allow. */
    static String mskHq(int total) {
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= 14; i++) {
            int score = total / 14 + (i <= total % 14 ? 1 : 0);
            items.append(i > 1 ? "," : "").append("{\"linkId\": \"").append(i).append("\", \"answer\": [{\"valueCoding\": {\"code\": \"")
                    .append(score).append("\"}}]}");
        }
        return items.toString();
    }

    static String work(String status) {
        String rest = status.equals("EMPLOYED_WORKING") ? ", {\"linkId\": \"days-off\", \"answer\": [{\"valueInteger\": 0}]}, "
                + "{\"linkId\": \"hours\", \"answer\": [{\"valueDecimal\": 30}]}"
                : status.equals("EMPLOYED_OFF_SICK") ? ", {\"linkId\": \"days-off\", \"answer\": [{\"valueInteger\": 20}]}" : "";
        return "{\"linkId\": \"status\", \"answer\": [{\"valueCoding\": {\"code\": \"" + status + "\"}}]}" + rest
                + ", {\"linkId\": \"affected\", \"answer\": [{\"valueInteger\": 5}]}";
    }
}

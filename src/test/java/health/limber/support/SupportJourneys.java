package health.limber.support;

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

/** A person off work, referred and accepted by triage (which opens their episode), and what staff and advisers then do. */
record SupportJourneys(MockMvc mvc, JdbcTemplate jdbc, Clock clock, DemoFixtures demo) {

    static final String CLINICIAN = "clinician.qhl";
    static final String ADVISER = "adviser.work.qhl";
    static final String MONEY_ADVISER = "adviser.money.qhl";
    static final LocalDate BORN = LocalDate.of(1975, 6, 14);

    record Accepted(UUID episode, UUID patient, String nhsNumber, UUID referral) {}

    /** A QHL person off sick, accepted to physiotherapy; {@code wantsWorkHelp} as they said at referral. */
    Accepted accepted(boolean wantsWorkHelp) throws Exception {
        String nhs = PatientApiIntegrationTestsAccess.freshNhsNumber();
        String response = mvc.perform(post("/api/referrals").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"source": "GP", "receivedOn": "%s", "gpPracticeCode": "Y01001", "nhsNumber": "%s", "givenName": "Jamie",
                                 "familyName": "Worksupport", "birthDate": "%s", "phone": "07700 900123", "email": "jamie@example.org",
                                 "contactPreferences": ["SMS"], "bodySites": ["BACK"], "workStatus": "EMPLOYED_OFF_SICK",
                                 "symptomDuration": "UNDER_6_WEEKS", "requestedUrgency": "ROUTINE", "reasonCode": "30989003", "redFlags": []}"""
                                .formatted(LocalDate.now(clock).minusWeeks(2), nhs, BORN)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID referral = UUID.fromString(response.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
        mvc.perform(post("/api/referrals/" + referral + "/triage").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"outcome": "ACCEPT", "pathway": "PHYSIOTHERAPY", "priority": "ROUTINE", "reason": "Back pain",
                                 "wantsEmploymentSupport": %s, "patient": "new", "version": 0}""".formatted(wantsWorkHelp)))
                .andExpect(status().isOk());
        var row = jdbc.queryForMap("select id, patient_id from episode where referral_id = ?", referral);
        return new Accepted((UUID) row.get("id"), (UUID) row.get("patient_id"), nhs, referral);
    }

    Cookie[] signIn(Accepted a) throws Exception {
        return demo.signInPatient(mvc, new DemoFixtures.PatientRef(a.patient(), a.nhsNumber(), BORN, "Worksupport"));
    }

    /** Posts a support referral through the API as the user. */
    ResultActions refer(String user, Accepted a, String service, String extra) throws Exception {
        return mvc.perform(post("/api/support/referrals").with(httpBasic(user, DemoFixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"patientId": "%s", "serviceCode": "%s", "reason": "Worried about going back to work", "source": "CLINICIAN"%s}"""
                        .formatted(a.patient(), service, extra)));
    }

    ResultActions send(String user, String path, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).with(httpBasic(user, DemoFixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    UUID referralOf(Accepted a, String service) {
        return jdbc.queryForObject("select id from support_referral where episode_id = ? and service_code = ? order by referred_at desc "
                + "fetch first 1 rows only", UUID.class, a.episode(), service);
    }

    int referralsOf(Accepted a) {
        return jdbc.queryForObject("select count(*) from support_referral where patient_id = ?", Integer.class, a.patient());
    }
}

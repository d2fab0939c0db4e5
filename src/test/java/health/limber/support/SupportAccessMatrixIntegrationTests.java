package health.limber.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import health.limber.DemoFixtures;
import health.limber.IntegrationTest;
import health.limber.TestClock;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Hazard H-45 (who may see a person's support): every support endpoint, for every role including
 * both advisers, against a referral of the caller's own ICB, of another ICB, the caller's own (a
 * patient) and another patient's. Allowed means past the access check (a 400 or 409 for the test's
 * deliberately incomplete body counts as allowed); denied means 401/403 and no name in the body.
 */
@IntegrationTest
class SupportAccessMatrixIntegrationTests {

    enum Caller { CLINICIAN, SERVICE_MANAGER, ANALYST, ADMIN, EMPLOYMENT_ADVISER, DEBT_ADVISER, PATIENT, ANONYMOUS }

    enum Target { OWN_ICB, OTHER_ICB, OWN_RECORD, OTHER_PATIENT }

    /** What an endpoint is called on: a support referral, its episode and a fit note of the same person. */
    record Thing(UUID referral, UUID episode, UUID fitNote, String name) {}

    static final Set<Caller> SUPPORT_STAFF = Set.of(Caller.CLINICIAN, Caller.SERVICE_MANAGER, Caller.EMPLOYMENT_ADVISER, Caller.DEBT_ADVISER);
    static final Set<Caller> CARE_TEAM = Set.of(Caller.CLINICIAN, Caller.SERVICE_MANAGER);

    record Endpoint(String name, Set<Caller> staff, boolean patientMayUse, Function<Thing, MockHttpServletRequestBuilder> request) {}

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET /api/support/referrals/{id}", SUPPORT_STAFF, true, t -> get("/api/support/referrals/" + t.referral())),
            new Endpoint("GET /support/referrals/{id}", SUPPORT_STAFF, false, t -> get("/support/referrals/" + t.referral())),
            new Endpoint("GET /support/referrals/{id}/letter.pdf", SUPPORT_STAFF, false, t -> get("/support/referrals/" + t.referral() + "/letter.pdf")),
            new Endpoint("POST /api/support/referrals/{id}/contacts", SUPPORT_STAFF, false, t -> post("/api/support/referrals/" + t.referral() + "/contacts")
                    .contentType("application/json").content("{\"minutes\": 0}")),
            new Endpoint("POST /api/support/referrals/{id}/outcomes", SUPPORT_STAFF, false, t -> post("/api/support/referrals/" + t.referral() + "/outcomes")
                    .contentType("application/json").content("{}")),
            new Endpoint("POST /api/support/referrals/{id}/consent/withdraw", SUPPORT_STAFF, true,
                    t -> post("/api/support/referrals/" + t.referral() + "/consent/withdraw")),
            new Endpoint("POST /api/support/referrals (for the episode's person)", SUPPORT_STAFF, true, t -> post("/api/support/referrals")
                    .contentType("application/json").content("{\"episodeId\": \"%s\", \"patientId\": null}".formatted(t.episode()))),
            new Endpoint("GET /support/new?episode=", SUPPORT_STAFF, false, t -> get("/support/new").param("episode", t.episode().toString())),
            new Endpoint("GET /api/episodes/{id}/fit-notes", CARE_TEAM, false, t -> get("/api/episodes/" + t.episode() + "/fit-notes")),
            new Endpoint("POST /api/episodes/{id}/fit-notes", Set.of(Caller.CLINICIAN), false, t -> post("/api/episodes/" + t.episode() + "/fit-notes")
                    .contentType("application/json").content("{}")),
            new Endpoint("GET /episodes/{id}/fit-notes/new", CARE_TEAM, false, t -> get("/episodes/" + t.episode() + "/fit-notes/new")),
            new Endpoint("GET /support/fit-notes/{id}.pdf", CARE_TEAM, false, t -> get("/support/fit-notes/" + t.fitNote() + ".pdf")));

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired DemoFixtures demo;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Thing qhl(SupportJourneys journeys, SupportJourneys.Accepted a) throws Exception {
        UUID referral = journeys.referralOf(a, "IN_HOUSE_EMPLOYMENT");
        String note = journeys.send("clinician.qhl", "/api/episodes/" + a.episode() + "/fit-notes", """
                {"fitness": "NOT_FIT", "condition": "Low back pain", "startsOn": "%s", "endsOn": "%s"}"""
                .formatted(LocalDate.now(clock), LocalDate.now(clock).plusDays(13))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return new Thing(referral, a.episode(), UUID.fromString(note.replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1")), "Worksupport");
    }

    private Thing quy(SupportJourneys journeys) throws Exception {
        var row = jdbc.queryForMap("""
                select r.id, r.episode_id, p.family_name from support_referral r join episode e on e.id = r.episode_id join patient p on p.id = r.patient_id
                where r.icb_code = 'QUY' and e.discharged_on is null order by r.referred_at fetch first 1 rows only""");
        UUID episode = (UUID) row.get("episode_id");
        String note = journeys.send("clinician.quy", "/api/episodes/" + episode + "/fit-notes", """
                {"fitness": "NOT_FIT", "condition": "Neck pain", "startsOn": "%s", "endsOn": "%s", "endOther": true}"""
                .formatted(LocalDate.now(clock).plusDays(200), LocalDate.now(clock).plusDays(210))).andReturn().getResponse().getContentAsString();
        UUID fitNote = note.startsWith("{\"id\"") ? UUID.fromString(note.replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1"))
                : jdbc.queryForObject("select id from fit_note where episode_id = ? fetch first 1 rows only", UUID.class, episode);
        return new Thing((UUID) row.get("id"), episode, fitNote, (String) row.get("family_name"));
    }

    @Test
    void everySupportEndpointRoleAndTargetIsAllowedOrDeniedAsThePolicySays() throws Exception {
        SupportJourneys journeys = new SupportJourneys(mvc, jdbc, clock, demo);
        SupportJourneys.Accepted self = journeys.accepted(true);
        Thing ownIcb = qhl(journeys, journeys.accepted(true));
        Thing own = qhl(journeys, self);
        Thing otherPatient = qhl(journeys, journeys.accepted(true));
        Thing otherIcb = quy(journeys);
        Cookie[] patientCookies = journeys.signIn(self);

        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Endpoint endpoint : ENDPOINTS) {
            for (Caller caller : Caller.values()) {
                for (Target target : Target.values()) {
                    if ((caller == Caller.PATIENT) != (target == Target.OWN_RECORD || target == Target.OTHER_PATIENT)) {
                        continue;
                    }
                    Thing thing = switch (target) {
                        case OWN_ICB -> ownIcb;
                        case OTHER_ICB -> otherIcb;
                        case OWN_RECORD -> own;
                        case OTHER_PATIENT -> otherPatient;
                    };
                    boolean expected = caller == Caller.PATIENT ? target == Target.OWN_RECORD && endpoint.patientMayUse()
                            : target == Target.OWN_ICB && endpoint.staff().contains(caller);
                    var request = endpoint.request().apply(thing).with(csrf());
                    request = switch (caller) {
                        case CLINICIAN -> request.with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD));
                        case SERVICE_MANAGER -> request.with(httpBasic("manager.qhl", DemoFixtures.PASSWORD));
                        case ANALYST -> request.with(httpBasic("analyst.qhl", DemoFixtures.PASSWORD));
                        case ADMIN -> request.with(httpBasic("admin.qhl", DemoFixtures.PASSWORD));
                        case EMPLOYMENT_ADVISER -> request.with(httpBasic("adviser.work.qhl", DemoFixtures.PASSWORD));
                        case DEBT_ADVISER -> request.with(httpBasic("adviser.money.qhl", DemoFixtures.PASSWORD));
                        case PATIENT -> request.cookie(patientCookies);
                        case ANONYMOUS -> request;
                    };
                    var response = mvc.perform(request).andReturn().getResponse();
                    int status = response.getStatus();
                    boolean denied = status == 401 || status == 403 || status == 404 && target != Target.OWN_ICB && target != Target.OWN_RECORD
                            || (status == 302 && response.getRedirectedUrl() != null && response.getRedirectedUrl().contains("sign-in"));
                    boolean leaked = denied && response.getContentAsString().contains(thing.name());
                    if (expected == denied || leaked || status >= 500) {
                        wrong.add(endpoint.name() + " as " + caller + " on " + target + ": status " + status + (leaked ? " and the body names the person" : ""));
                    }
                    checked++;
                }
            }
        }
        System.out.println("Support access matrix: " + checked + " cases checked, " + wrong.size() + " wrong");
        assertThat(checked).isEqualTo(ENDPOINTS.size() * (7 * 2 + 2));
        assertThat(wrong).as("access decisions that break the policy").isEmpty();
    }
}

package health.limber.support;

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
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Work and money support end to end: referrals made at triage, by the person in the app, by a
 * clinician and by an adviser; consent to share with an outside service required, recorded and
 * withdrawable; contacts and outcomes with their rules; outcomes that update the work status
 * history; bad input refused with the field named and nothing saved (hazard H-45).
 */
@IntegrationTest
class SupportIntegrationTests {

    static final String CLINICIAN = SupportJourneys.CLINICIAN;
    static final String ADVISER = SupportJourneys.ADVISER;

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired DemoFixtures demo;
    @Autowired health.limber.clinic.AdviserVisits visits;
    @Autowired health.limber.identity.CurrentActor currentActor;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    SupportJourneys journeys() {
        return new SupportJourneys(mvc, jdbc, clock, demo);
    }

    @Test
    void askingForHelpAtReferralMakesAReferralToTheAdviserWhenTriageAccepts() throws Exception {
        var a = journeys().accepted(true);
        UUID id = journeys().referralOf(a, "IN_HOUSE_EMPLOYMENT");
        mvc.perform(get("/api/support/referrals/" + id).with(httpBasic(ADVISER, DemoFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("TRIAGE"))
                .andExpect(jsonPath("$.status").value("REFERRED"))
                .andExpect(jsonPath("$.person.workStatus").value("EMPLOYED_OFF_SICK"));
        String list = mvc.perform(get("/api/support/referrals").param("size", "200").with(httpBasic(ADVISER, DemoFixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(id.toString());
        String money = mvc.perform(get("/api/support/referrals").param("size", "200").with(httpBasic(SupportJourneys.MONEY_ADVISER, DemoFixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(money).as("a debt adviser's worklist has only money referrals").doesNotContain(id.toString());
        String home = mvc.perform(get("/").with(httpBasic(ADVISER, DemoFixtures.PASSWORD))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(home).contains("New referrals for help with work").contains("Clinical notes and scores are not shown to this role");
    }

    @Test
    void aWorklistPutsNewReferralsFirstThenTheOldest() throws Exception {
        String body = mvc.perform(get("/api/support/referrals").param("size", "200").with(httpBasic(ADVISER, DemoFixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var items = tools.jackson.databind.json.JsonMapper.builder().build().readTree(body).get("items");
        assertThat(items.size()).isGreaterThan(1);
        int lastRank = -1;
        String lastDate = "";
        for (var item : items) {
            int rank = item.get("status").asText().equals("REFERRED") ? 0 : 1;
            String date = item.get("referredOn").asText();
            assertThat(rank).isGreaterThanOrEqualTo(lastRank);
            if (rank == lastRank) {
                assertThat(date).isGreaterThanOrEqualTo(lastDate);
            }
            lastRank = rank;
            lastDate = date;
            assertThat(item.get("service").asText()).as("an employment adviser's list").doesNotContain("Money");
        }
    }

    @Test
    void anOutsideServiceNeedsConsentWhichIsRecordedAndCanBeWithdrawn() throws Exception {
        var a = journeys().accepted(false);
        int before = journeys().referralsOf(a);
        journeys().refer(CLINICIAN, a, "CONNECT_TO_WORK", "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("consent"));
        assertThat(journeys().referralsOf(a)).as("nothing saved").isEqualTo(before);

        String made = journeys().refer(CLINICIAN, a, "CONNECT_TO_WORK", ", \"consentGiven\": true, \"consentShared\": \"Name and phone\"")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.consent.recordedBy").value(CLINICIAN))
                .andExpect(jsonPath("$.consent.whatIsShared").value("Name and phone"))
                .andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(made.replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1"));
        Cookie[] person = journeys().signIn(a);
        mvc.perform(post("/my/support/" + id + "/withdraw").cookie(person).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/support/referrals/" + id).with(httpBasic(ADVISER, DemoFixtures.PASSWORD)))
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.closeReason").value("CONSENT_WITHDRAWN"))
                .andExpect(jsonPath("$.consent.withdrawnBy").exists());
        journeys().send(CLINICIAN, "/api/support/referrals/" + id + "/consent/withdraw", "")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("consent"));
    }

    @Test
    void anOutsideServiceWithAnEmailGetsTheReferralAndTheWithdrawalThroughTheOutbox() throws Exception {
        String code = "QHL_MONEY_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        journeys().send("admin.qhl", "/api/support/services", """
                {"code": "%s", "name": "Local money advice", "need": "DEBT", "icbCode": "QHL", "email": "referrals@money.example.org",
                 "description": "Free money advice in the area"}""".formatted(code)).andExpect(status().isCreated());
        var a = journeys().accepted(false);
        String made = journeys().refer(CLINICIAN, a, code, ", \"consentGiven\": true, \"consentShared\": \"Name, phone and the reason\"")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(made.replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1"));
        assertThat(jdbc.queryForObject("select address from outbox_message where dedupe_key = ?", String.class, "support-referral:" + id))
                .isEqualTo("referrals@money.example.org");
        journeys().send(CLINICIAN, "/api/support/referrals/" + id + "/consent/withdraw", "").andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where dedupe_key = ?", Integer.class, "support-withdrawn:" + id))
                .isEqualTo(1);
        mvc.perform(get("/support/referrals/" + id + "/letter.pdf").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentType("application/pdf"));
    }

    @Test
    void aServiceOfAnotherIcbADischargedEpisodeAndADuplicateAreRefused() throws Exception {
        String code = "QUY_WORK_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        journeys().send("admin.quy", "/api/support/services", """
                {"code": "%s", "name": "Bristol job club", "need": "EMPLOYMENT", "icbCode": "QUY", "phone": "0117 000 0000",
                 "description": "Weekly job club"}""".formatted(code)).andExpect(status().isCreated());
        var a = journeys().accepted(false);
        int before = journeys().referralsOf(a);
        journeys().refer(CLINICIAN, a, code, ", \"consentGiven\": true, \"consentShared\": \"Name\"")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("serviceCode"));
        journeys().refer(CLINICIAN, a, "IN_HOUSE_EMPLOYMENT", "").andExpect(status().isCreated());
        journeys().refer(CLINICIAN, a, "IN_HOUSE_EMPLOYMENT", "").andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("serviceCode"));
        mvc.perform(post("/api/episodes/" + a.episode() + "/discharge").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD))
                .contentType("application/json").content("""
                        {"version": 0, "reason": "TREATMENT_COMPLETE", "on": "%s"}""".formatted(LocalDate.now(clock)))).andExpect(status().isOk());
        journeys().refer(CLINICIAN, a, "IN_HOUSE_DEBT", "").andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("episodeId"));
        assertThat(journeys().referralsOf(a)).isEqualTo(before + 1);
        String someone = "{\"patientId\": \"%s\", \"serviceCode\": \"IN_HOUSE_DEBT\", \"reason\": \"x\", \"source\": \"CLINICIAN\"}";
        journeys().send(CLINICIAN, "/api/support/referrals", someone.formatted(demo.patient("QUY", 3).id()))
                .andExpect(status().isForbidden());
        journeys().send(CLINICIAN, "/api/support/referrals", someone.formatted(UUID.randomUUID())).andExpect(status().isNotFound());
    }

    @Test
    void aRetriedReferralWithTheSameKeyIsMadeOnce() throws Exception {
        var a = journeys().accepted(false);
        String body = """
                {"patientId": "%s", "serviceCode": "IN_HOUSE_DEBT", "reason": "Bills", "source": "ONE_STOP"}""".formatted(a.patient());
        String first = mvc.perform(post("/api/support/referrals").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)).header("Idempotency-Key", "k-1")
                .contentType("application/json").content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String second = mvc.perform(post("/api/support/referrals").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)).header("Idempotency-Key", "k-1")
                .contentType("application/json").content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(second.substring(0, 48)).isEqualTo(first.substring(0, 48));
        assertThat(journeys().referralsOf(a)).isEqualTo(1);
    }

    @Test
    void contactsAndOutcomesKeepTheirRulesAndAReturnToWorkIsInTheWorkHistory() throws Exception {
        var a = journeys().accepted(true);
        UUID id = journeys().referralOf(a, "IN_HOUSE_EMPLOYMENT");
        String path = "/api/support/referrals/" + id;
        LocalDate today = LocalDate.now(clock);
        journeys().send(ADVISER, path + "/outcomes", "{\"kind\": \"RETURNED_TO_WORK\", \"on\": \"%s\"}".formatted(today))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("status"));
        journeys().send(ADVISER, path + "/contacts", "{\"on\": \"%s\", \"mode\": \"PHONE\", \"minutes\": 30}".formatted(today.minusDays(1)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("contactOn"));
        journeys().send(ADVISER, path + "/contacts", "{\"on\": \"%s\", \"mode\": \"PHONE\", \"minutes\": 0}".formatted(today))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("minutes"));
        journeys().send(ADVISER, path + "/contacts", "{\"on\": \"%s\", \"mode\": \"FAX\", \"minutes\": 30}".formatted(today))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("mode"));
        assertThat(jdbc.queryForObject("select count(*) from support_contact where referral_id = ?", Integer.class, id)).isZero();

        journeys().send(ADVISER, path + "/contacts", "{\"on\": \"%s\", \"mode\": \"PHONE\", \"minutes\": 30, \"notes\": \"Talked about a phased return\"}"
                        .formatted(today)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS")).andExpect(jsonPath("$.firstContactOn").value(today.toString()));
        journeys().send(ADVISER, path + "/outcomes", "{\"kind\": \"RETURNED_TO_WORK\", \"on\": \"%s\"}".formatted(today))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcomes[0].kind").value("RETURNED_TO_WORK"))
                .andExpect(jsonPath("$.person.workStatus").value("EMPLOYED_WORKING"));
        mvc.perform(get("/api/patients/" + a.patient()).with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)))
                .andExpect(jsonPath("$.workStatus").value("EMPLOYED_WORKING"))
                .andExpect(jsonPath("$.workStatusHistory[-1].status").value("EMPLOYED_WORKING"))
                .andExpect(jsonPath("$.workStatusHistory[-1].recordedOn").value(today.toString()))
                .andExpect(jsonPath("$.workStatusHistory[-1].recordedBy").value(ADVISER));

        journeys().send(ADVISER, path + "/close", "{\"reason\": \"SUPPORT_GIVEN\"}").andExpect(status().isOk());
        journeys().send(ADVISER, path + "/outcomes", "{\"kind\": \"RETURNED_TO_WORK\", \"on\": \"%s\"}".formatted(today))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("status"));
        journeys().send(ADVISER, path + "/contacts", "{\"on\": \"%s\", \"mode\": \"PHONE\", \"minutes\": 30}".formatted(today))
                .andExpect(status().isConflict());
        assertThat(jdbc.queryForObject("select count(*) from support_outcome where referral_id = ?", Integer.class, id)).isEqualTo(1);
    }

    @Test
    void anAdviserCannotReadClinicalRecordsOrAnotherIcbsReferrals() throws Exception {
        var a = journeys().accepted(true);
        UUID id = journeys().referralOf(a, "IN_HOUSE_EMPLOYMENT");
        for (String path : new String[] {"/api/patients/" + a.patient(), "/api/episodes/" + a.episode(), "/api/referrals/" + a.referral(),
                "/api/patients/" + a.patient() + "/questionnaire-responses", "/episodes/" + a.episode(), "/patients/" + a.patient(),
                "/referrals/" + a.referral(), "/api/episodes/" + a.episode() + "/fit-notes"}) {
            int status = mvc.perform(get(path).with(httpBasic(ADVISER, DemoFixtures.PASSWORD))).andReturn().getResponse().getStatus();
            assertThat(status).as(path).isEqualTo(403);
        }
        mvc.perform(get("/api/support/referrals/" + id).with(httpBasic("adviser.work.quy", DemoFixtures.PASSWORD))).andExpect(status().isForbidden());
        int denied = jdbc.queryForObject("select count(*) from audit_event where patient_id = ? and outcome = 'DENIED' and actor = 'adviser.work.quy'",
                Integer.class, a.patient());
        assertThat(denied).isEqualTo(1);
        int reads = demo.auditCount(a.patient());
        mvc.perform(get("/support/referrals/" + id).with(httpBasic(ADVISER, DemoFixtures.PASSWORD))).andExpect(status().isOk());
        assertThat(demo.auditCount(a.patient())).as("the referral and the support part of the record, each read audited").isEqualTo(reads + 2);
    }

    @Test
    void aPersonAsksForHelpInTheAppOnlyFromTheServicesOwnAdvisers() throws Exception {
        var a = journeys().accepted(false);
        Cookie[] person = journeys().signIn(a);
        mvc.perform(post("/my/support").cookie(person).with(csrf()).param("reason", "Money worries")).andExpect(status().isOk());
        assertThat(journeys().referralsOf(a)).as("no need chosen: nothing saved").isZero();
        mvc.perform(post("/my/support").cookie(person).with(csrf()).param("need", "DEBT").param("reason", "Money worries").param("formKey", "f1"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/my/support").cookie(person).with(csrf()).param("need", "DEBT").param("reason", "Money worries").param("formKey", "f1"))
                .andExpect(status().is3xxRedirection());
        assertThat(journeys().referralsOf(a)).as("a double tap is one referral").isEqualTo(1);
        mvc.perform(post("/api/support/referrals").cookie(person).with(csrf()).contentType("application/json").content("""
                {"patientId": "%s", "serviceCode": "CONNECT_TO_WORK", "reason": "x", "source": "PATIENT", "consentGiven": true,
                 "consentShared": "all"}""".formatted(a.patient()))).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("serviceCode"));
        var other = journeys().accepted(false);
        mvc.perform(post("/api/support/referrals").cookie(person).with(csrf()).contentType("application/json").content("""
                {"patientId": "%s", "serviceCode": "IN_HOUSE_DEBT", "reason": "x", "source": "PATIENT"}""".formatted(other.patient())))
                .andExpect(status().isForbidden());
        String page = mvc.perform(get("/my/support").cookie(person)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Money and debt adviser (this service)");
    }

    @Test
    void anAdviserSeesTheOneStopVisitsOfThePractitionerLinkedToTheirSignInAndNoOneElses() {
        LocalDate today = LocalDate.now(clock);
        var work = visitsOf(ADVISER, today);
        assertThat(work).as("the demo links each hub's employment adviser to adviser.work.qhl").isNotEmpty();
        assertThat(work).allMatch(v -> v.service().equals("Employment adviser"));
        assertThat(visitsOf(SupportJourneys.MONEY_ADVISER, today)).allMatch(v -> v.service().equals("Debt and money adviser"));
        var hubsOfQhl = work.stream().map(health.limber.clinic.AdviserVisits.Visit::hub).collect(java.util.stream.Collectors.toSet());
        assertThat(visitsOf("adviser.work.quy", today)).noneMatch(v -> hubsOfQhl.contains(v.hub()));
        var clinician = new health.limber.identity.Actor(CLINICIAN, "Clinician", health.limber.identity.Role.CLINICIAN, "X", java.util.Set.of("QHL"), null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> currentActor.runAs(clinician, () -> visits.mine(today, today)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    private java.util.List<health.limber.clinic.AdviserVisits.Visit> visitsOf(String username, LocalDate today) {
        var row = jdbc.queryForMap("select display_name, role, organisation_code from staff_user where username = ?", username);
        java.util.Set<String> icbs = new java.util.HashSet<>(jdbc.queryForList("select icb_code from provider_icb where provider_code = ?", String.class,
                row.get("organisation_code")));
        var adviser = new health.limber.identity.Actor(username, (String) row.get("display_name"),
                health.limber.identity.Role.valueOf((String) row.get("role")), (String) row.get("organisation_code"), icbs, null);
        return currentActor.runAs(adviser, () -> visits.mine(today.minusDays(90), today.plusDays(90)));
    }
}

package health.limber.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import health.limber.DemoFixtures;
import health.limber.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Referrals end to end: API with Idempotency-Key, field-named problems, self-referral, triage and the clock. */
@IntegrationTest
class ReferralIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    static String body(String familyName, String receivedOn, List<String> redFlags) {
        return """
                {"source": "GP", "receivedOn": "%s", "gpPracticeCode": "%s", "givenName": "Ada", "familyName": "%s",
                 "birthDate": "1968-04-02", "phone": "07700 900123", "bodySites": ["BACK"], "symptomDuration": "UNDER_6_WEEKS",
                 "requestedUrgency": "ROUTINE", "reasonCode": "279039007", "redFlags": [%s]}"""
                .formatted(receivedOn, practice(), familyName, String.join(",", redFlags.stream().map(f -> "\"" + f + "\"").toList()));
    }

    static String practice() {
        return "Y01001";
    }

    ResultActions postReferral(String json, String key) throws Exception {
        var request = post("/api/referrals").with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request);
    }

    int referrals() {
        return jdbc.queryForObject("select count(*) from referral", Integer.class);
    }

    @Test
    void aReplayWithTheSameIdempotencyKeyReturnsTheFirstReplyAndCreatesNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        String json = body("Replay", "2026-01-05", List.of());
        String first = postReferral(json, key).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        int after = referrals();
        String second = postReferral(json, key).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true")).andReturn().getResponse().getContentAsString();
        assertThat(second).isEqualTo(first);
        assertThat(referrals()).isEqualTo(after);
        postReferral(body("Different", "2026-01-05", List.of()), key).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
    }

    @Test
    void badFieldsAreNamedInProblemJsonAndNothingIsSaved() throws Exception {
        int before = referrals();
        postReferral(body("Future", "2999-01-01", List.of()).replace("\"BACK\"", "\"ELBOWS\""), null)
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.containsString("application/problem+json")))
                .andExpect(jsonPath("$.errors[?(@.field == 'receivedOn')].message").value("The date the referral was received must be today or in the past"))
                .andExpect(jsonPath("$.errors[?(@.field == 'bodySites')]").exists());
        postReferral(body("Elsewhere", "2026-01-05", List.of()).replace(practice(), "Z99999"), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("gpPracticeCode"));
        assertThat(referrals()).isEqualTo(before);
    }

    @Test
    void aPracticeInAnIcbTheClinicianDoesNotServeIsToldWhoToContact() throws Exception {
        String otherIcbPractice = jdbc.queryForObject("select min(code) from gp_practice where icb_code = 'QNX'", String.class);
        postReferral(body("Outside", "2026-01-05", List.of()).replace(practice(), otherIcbPractice), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("111")));
    }

    @Test
    void aRedFlagReferralRaisesATaskAndCannotBeAcceptedAsRoutineWithoutAnOverride() throws Exception {
        String response = postReferral(body("Redflag", "2026-01-05", List.of("CES_SADDLE_NUMBNESS")), null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.redFlagLevel").value("EMERGENCY"))
                .andReturn().getResponse().getContentAsString();
        String id = response.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(jdbc.queryForObject("select count(*) from red_flag_task where referral_id = ? and status = 'OPEN'",
                Integer.class, UUID.fromString(id))).isEqualTo(1);

        String triage = """
                {"outcome": "ACCEPT", "pathway": "PHYSIOTHERAPY", "priority": "ROUTINE", "reason": "Seen", "patient": "new",
                 "nhsNumber": "%s", "version": 0%s}""";
        String nhs = health.limber.patient.PatientApiIntegrationTestsAccess.freshNhsNumber();
        mvc.perform(post("/api/referrals/" + id + "/triage").with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(triage.formatted(nhs, "")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("overrideReason"));
        assertThat(jdbc.queryForObject("select status from referral where id = ?", String.class, UUID.fromString(id))).isEqualTo("RECEIVED");

        mvc.perform(post("/api/referrals/" + id + "/triage").with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(triage.formatted(nhs, ", \"overrideReason\": \"Longstanding numbness, investigated by neurology in 2024\"")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'RED_FLAG_OVERRIDE' and resource_id = ?",
                Integer.class, id)).isEqualTo(1);
    }

    @Test
    void acceptingAReferralStartsTheWaitingListClockFromTheReceivedDate() throws Exception {
        String nhs = health.limber.patient.PatientApiIntegrationTestsAccess.freshNhsNumber();
        String response = postReferral(body("Clock", "2026-02-10", List.of()).replace("\"givenName\"", "\"nhsNumber\": \"" + nhs + "\", \"givenName\""), null)
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = response.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        String reference = response.replaceAll(".*\"reference\":\"([^\"]+)\".*", "$1");
        mvc.perform(post("/api/referrals/" + id + "/triage").with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"outcome": "ACCEPT", "pathway": "ONE_STOP_CLINIC", "priority": "SOON", "reason": "Complex, wants work support",
                                 "patient": "new", "wantsEmploymentSupport": true, "version": 0}"""))
                .andExpect(status().isOk());
        var pathway = jdbc.queryForMap("select p.id, p.commissioner_code from pathway p where p.pathway_identifier = ?", reference);
        assertThat(pathway.get("commissioner_code")).isEqualTo("QHL");
        assertThat(jdbc.queryForObject("select start_date from clock_period where pathway_id = ?", java.sql.Date.class, pathway.get("id")))
                .hasToString("2026-02-10");
    }

    @Test
    void theWorklistPutsEmergencyThenUrgentRedFlagsFirst() throws Exception {
        postReferral(body("Urgentflag", "2026-03-01", List.of("FEVER")), null).andExpect(status().isCreated());
        postReferral(body("Emergencyflag", "2026-03-02", List.of("CES_GAIT")), null).andExpect(status().isCreated());
        mvc.perform(get("/api/referrals").with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].redFlagLevel").value("EMERGENCY"))
                .andExpect(jsonPath("$.rows[?(@.redFlagLevel == 'NONE')]").exists());
        var levels = jdbc.queryForList("""
                select red_flag_rank from referral where status = 'RECEIVED' and icb_code = 'QHL'
                order by red_flag_rank, urgency_rank, received_on, reference""", Integer.class);
        assertThat(levels).isSorted();
    }

    @Test
    void analystsAndOtherIcbsCannotSeeReferrals() throws Exception {
        mvc.perform(get("/api/referrals").with(httpBasic("analyst.qhl", DemoFixtures.PASSWORD))).andExpect(status().isForbidden());
        String id = jdbc.queryForObject("select cast(id as varchar) from referral where icb_code = 'QNX' limit 1", String.class);
        mvc.perform(get("/api/referrals/" + id).with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD))).andExpect(status().isForbidden());
    }

    @Test
    void aDoubleSubmittedSelfReferralMakesOneReferral() throws Exception {
        Browser session = new Browser();
        aboutThePerson(session, "1980-05-04", "Doublesubmit", "07700 900456", "KNEE", "THREE_TO_12_MONTHS");
        answer(session, "emergency", "emergency", "NONE");
        answer(session, "urgent", "urgent", "NONE");
        theRest(session);
        int before = referrals();
        send(session, post("/self-referral/submit")).andExpect(redirectedUrl("/self-referral/confirmation"));
        // the second click arrives with the same session, after the first has gone through
        send(session, post("/self-referral/submit")).andExpect(status().is3xxRedirection());
        assertThat(referrals()).isEqualTo(before + 1);
        var row = jdbc.queryForMap("select source, instrument, score_total, risk_group, patient_id from referral where family_name = 'Doublesubmit'");
        assertThat(row.get("source")).isEqualTo("SELF");
        assertThat(row.get("instrument")).isEqualTo("START_MSK");
        assertThat(((Number) row.get("score_total")).intValue()).isEqualTo(9);
        assertThat(row.get("patient_id")).isNull();
    }

    @Test
    void anEmergencyAnswerRecordsTheSelfReferralAtOnceWithASameDayTask() throws Exception {
        Browser session = new Browser();
        aboutThePerson(session, "1975-05-04", "Emergencyonly", "07700 900789", "BACK", "UNDER_6_WEEKS");
        send(session, post("/self-referral/emergency").param("emergency", "CES_BLADDER_BOWEL"))
                .andExpect(redirectedUrl("/self-referral/urgent-care"));
        var task = jdbc.queryForMap("""
                select t.level, t.due_at, t.raised_at from red_flag_task t join referral r on r.id = t.referral_id
                where r.family_name = 'Emergencyonly'""");
        assertThat(task.get("level")).isEqualTo("EMERGENCY");
    }

    @Test
    void anUrgentAnswerRecordsTheReferralAndItsTaskAtOnceAndFinishingTheFormAddsTheRestToTheSameReferral() throws Exception {
        Browser session = new Browser();
        aboutThePerson(session, "1958-03-09", "Urgentearly", "07700 900321", "KNEE", "UNDER_6_WEEKS");
        answer(session, "emergency", "emergency", "NONE");
        send(session, post("/self-referral/urgent").param("urgent", "CANCER_HISTORY").param("urgent", "WEIGHT_LOSS"))
                .andExpect(redirectedUrl("/self-referral/urgent-advice"));

        // recorded before another question is answered: the person could close the browser now
        var early = jdbc.queryForMap("select id, red_flag_level, red_flags_yes, answers_complete, phone from referral where family_name = 'Urgentearly'");
        assertThat(early.get("red_flag_level")).isEqualTo("URGENT");
        assertThat((String) early.get("red_flags_yes")).contains("CANCER_HISTORY").contains("WEIGHT_LOSS");
        assertThat(early.get("answers_complete")).isEqualTo(false);
        assertThat(early.get("phone")).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from red_flag_task where referral_id = ? and level = 'URGENT'", Integer.class, early.get("id")))
                .isEqualTo(1);
        send(session, get("/self-referral/urgent-advice")).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(org.hamcrest.Matchers.containsString("Your reference is")));

        theRest(session);
        int before = referrals();
        send(session, post("/self-referral/submit")).andExpect(redirectedUrl("/self-referral/confirmation"));
        assertThat(referrals()).as("finishing adds to the referral already recorded").isEqualTo(before);
        var finished = jdbc.queryForMap("select instrument, score_total, answers_complete, work_status from referral where id = ?", early.get("id"));
        assertThat(finished.get("answers_complete")).isEqualTo(true);
        assertThat(finished.get("instrument")).isEqualTo("START_MSK");
        assertThat(finished.get("work_status")).isEqualTo("RETIRED");
        assertThat(jdbc.queryForObject("select count(*) from red_flag_task where referral_id = ?", Integer.class, early.get("id")))
                .as("one task, not a second on finishing").isEqualTo(1);
    }

    @Test
    void underSixteensAreToldWhereToGoAndNothingIsRecorded() throws Exception {
        Browser session = new Browser();
        int before = referrals();
        send(session, post("/self-referral/age")
                        .param("birthDate-day", "1").param("birthDate-month", "1").param("birthDate-year", "2015"))
                .andExpect(redirectedUrl("/self-referral/not-eligible?why=age"));
        assertThat(referrals()).isEqualTo(before);
    }

    @Test
    void theStaffPagesShowTheWorklistTasksTriagePageAndIntakeForm() throws Exception {
        var clinician = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("clinician.qhl");
        String emergency = jdbc.queryForObject("""
                select cast(id as varchar) from referral where icb_code = 'QHL' and red_flag_level = 'EMERGENCY' and status = 'RECEIVED' limit 1""", String.class);
        for (String page : List.of("/referrals", "/referrals/tasks", "/referrals/new", "/referrals/" + emergency, "/wait-well?sites=BACK",
                "/self-referral")) {
            var request = get(page);
            if (!page.startsWith("/wait") && !page.startsWith("/self")) {
                request.with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD));
            }
            mvc.perform(request).andExpect(status().isOk());
        }
        mvc.perform(get("/referrals").with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(org.hamcrest.Matchers.containsString("Emergency")));
    }

    /** Carries the session cookie from reply to request, as a browser does (sessions live in the database). */
    static final class Browser {
        jakarta.servlet.http.Cookie[] cookies = new jakarta.servlet.http.Cookie[0];

        org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder with(
                org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) {
            return cookies.length == 0 ? request : request.cookie(cookies);
        }

        ResultActions keep(ResultActions result) {
            var set = result.andReturn().getResponse().getCookie("LIMBER_SESSION");
            if (set != null) {
                cookies = new jakarta.servlet.http.Cookie[] {set};
            }
            return result;
        }
    }

    ResultActions send(Browser session, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        return session.keep(mvc.perform(session.with(request).with(csrf())));
    }

    /** Answers the self-referral's first pages, about the person and where it hurts, up to the red-flag questions. */
    void aboutThePerson(Browser session, String born, String familyName, String phone, String site, String duration) throws Exception {
        String[] date = born.split("-");
        answer(session, "age", "birthDate-day", date[2], "birthDate-month", date[1], "birthDate-year", date[0]);
        answer(session, "gp", "practiceSearch", practice(), "gpPracticeCode", practice());
        answer(session, "name", "givenName", "Pat", "familyName", familyName);
        answer(session, "nhs-number", "nhsNumber", "");
        answer(session, "contact", "phone", phone);
        answer(session, "where", "bodySites", site);
        answer(session, "how-long", "symptomDuration", duration);
    }

    /** Answers the rest of the form after the red-flag questions (a 10-item questionnaire). */
    void theRest(Browser session) throws Exception {
        theRest(session, "1");
    }

    /** The rest of the form, every questionnaire item answered with {@code value} ("0" scores low risk, "1" high). */
    void theRest(Browser session, String value) throws Exception {
        for (int i = 1; i <= 10; i++) {
            answer(session, "question-" + i, "question-" + i, value);
        }
        answer(session, "work", "workStatus", "RETIRED");
        answer(session, "support", "support", "NONE");
        answer(session, "language", "preferredLanguage", "en", "interpreterNeeded", "no");
        answer(session, "access", "accessibilityNeeds", "NONE");
        answer(session, "consent", "consentToContact", "yes");
    }

    void answer(Browser session, String step, String... pairs) throws Exception {
        var request = post("/self-referral/" + step);
        for (int i = 0; i < pairs.length; i += 2) {
            request.param(pairs[i], pairs[i + 1]);
        }
        send(session, request).andExpect(status().is3xxRedirection());
    }

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    String newReferralId() throws Exception {
        String response = postReferral(body("Letter", "2026-01-05", List.of()), null).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return response.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    ResultActions upload(String id, String filename, byte[] content) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/referrals/" + id + "/attachments")
                .file(new org.springframework.mock.web.MockMultipartFile("file", filename, "application/pdf", content))
                .with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD)));
    }

    int attachments(String id) {
        return jdbc.queryForObject("select count(*) from referral_attachment where referral_id = ?", Integer.class, UUID.fromString(id));
    }

    @Test
    void aLetterIsCheckedByItsContentStoredAndDownloadedWithTheSameBytes() throws Exception {
        String id = newReferralId();
        String href = upload(id, "../../GP letter.pdf", PDF).andExpect(status().isCreated())
                .andExpect(jsonPath("$.filename").value("GP letter.pdf"))
                .andExpect(jsonPath("$.contentType").value("application/pdf"))
                .andReturn().getResponse().getHeader("Location");
        byte[] back = mvc.perform(get(href).with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(back).isEqualTo(PDF);
        mvc.perform(get("/api/referrals/" + id).with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD)))
                .andExpect(jsonPath("$.attachments[0].href").value(href));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'READ' and resource_type = 'ReferralAttachment'",
                Integer.class)).isPositive();
    }

    @Test
    void anUnreadableOrOversizeOrEmptyLetterIsRefusedByNameAndNothingIsKept() throws Exception {
        String id = newReferralId();
        upload(id, "letter.pdf", "MZ\u0090 this is a program renamed".getBytes()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("must be a PDF, PNG or JPG")));
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        upload(id, "huge.pdf", big).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("The selected file must be smaller than 10 MB"));
        upload(id, "empty.pdf", new byte[0]).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("The selected file is empty"));
        assertThat(attachments(id)).isZero();
        assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("target/test-files/referrals", id))).isFalse();
    }

    @Test
    void aLetterSentWithABrokenReferralIsNotKept() throws Exception {
        int before = referrals();
        long files = storedFiles();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/referrals")
                        .file(new org.springframework.mock.web.MockMultipartFile("letter", "letter.pdf", "application/pdf", PDF))
                        .param("source", "GP").param("receivedOn", "2999-01-01").param("familyName", "Broken")
                        .with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("The date the referral was received must be today or in the past")));
        assertThat(referrals()).isEqualTo(before);
        assertThat(storedFiles()).isEqualTo(files);
    }

    @Test
    void aLetterSentWithAGoodReferralFromTheIntakeFormIsKeptWithIt() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/referrals")
                        .file(new org.springframework.mock.web.MockMultipartFile("letter", "scan.pdf", "application/pdf", PDF))
                        .param("source", "GP").param("receivedOn", "2026-01-05").param("gpPracticeCode", practice())
                        .param("givenName", "Lee").param("familyName", "Withletter").param("birthDate", "1970-01-01")
                        .param("phone", "07700 900111").param("bodySites", "KNEE").param("symptomDuration", "UNDER_6_WEEKS")
                        .param("requestedUrgency", "ROUTINE").param("reasonCode", "279039007")
                        .with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("""
                select a.filename from referral_attachment a join referral r on r.id = a.referral_id
                where r.family_name = 'Withletter'""", String.class)).isEqualTo("scan.pdf");
    }

    @Test
    void theIntakeFormNamesAnUnreadableLetterBesideTheField() throws Exception {
        int before = referrals();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/referrals")
                        .file(new org.springframework.mock.web.MockMultipartFile("letter", "letter.pdf", "application/pdf", "MZ".getBytes()))
                        .param("source", "GP").param("receivedOn", "2026-01-05").param("gpPracticeCode", practice())
                        .param("givenName", "Lee").param("familyName", "Badletter").param("birthDate", "1970-01-01")
                        .param("phone", "07700 900111").param("bodySites", "KNEE").param("symptomDuration", "UNDER_6_WEEKS")
                        .param("requestedUrgency", "ROUTINE").param("reasonCode", "279039007")
                        .with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("id=\"letter-error\"")));
        assertThat(referrals()).isEqualTo(before);
    }

    static long storedFiles() throws java.io.IOException {
        var root = java.nio.file.Path.of("target/test-files/referrals");
        if (!java.nio.file.Files.exists(root)) {
            return 0;
        }
        try (var walk = java.nio.file.Files.walk(root)) {
            return walk.filter(java.nio.file.Files::isRegularFile).count();
        }
    }

    @Autowired health.limber.TestClock clock;

    /** A finished self-referral with no red flag, a mobile the person agreed to texts on, and the questionnaire answered with {@code value}. */
    Browser selfReferred(String familyName, String site, String value, boolean texts) throws Exception {
        Browser session = new Browser();
        aboutThePerson(session, "1984-06-07", familyName, "07700 900654", site, "UNDER_6_WEEKS");
        if (texts) {
            answer(session, "contact", "phone", "07700 900654", "contactPreferences", "SMS");
        }
        answer(session, "emergency", "emergency", "NONE");
        answer(session, "urgent", "urgent", "NONE");
        theRest(session, value);
        send(session, post("/self-referral/submit")).andExpect(redirectedUrl("/self-referral/confirmation"));
        return session;
    }

    String page(Browser session, String path) throws Exception {
        return send(session, get(path)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theStarterProgrammeIsOfferedOnlyWithNoRedFlagAtLowOrMediumRiskWithSomewhereToSendTheCode() throws Exception {
        assertThat(page(selfReferred("Starteroffer", "BACK", "0", true), "/self-referral/confirmation")).contains("Start exercises now, while you wait")
                .contains("Non-specific low back pain".toLowerCase()).contains("your mobile by text message");
        assertThat(page(selfReferred("Starterhigh", "BACK", "1", true), "/self-referral/confirmation")).contains("Referral sent")
                .doesNotContain("Start exercises now");
        assertThat(page(selfReferred("Starternotext", "BACK", "0", false), "/self-referral/confirmation")).doesNotContain("Start exercises now");
        assertThat(page(selfReferred("Startermany", "MANY", "0", true), "/self-referral/confirmation")).doesNotContain("Start exercises now");

        // an urgent red flag answered yes: the form is finished to the end, and never offers it
        Browser flagged = new Browser();
        aboutThePerson(flagged, "1984-06-07", "Starterflag", "07700 900654", "BACK", "UNDER_6_WEEKS");
        answer(flagged, "contact", "phone", "07700 900654", "contactPreferences", "SMS");
        answer(flagged, "emergency", "emergency", "NONE");
        send(flagged, post("/self-referral/urgent").param("urgent", "CANCER_HISTORY")).andExpect(redirectedUrl("/self-referral/urgent-advice"));
        theRest(flagged, "0");
        send(flagged, post("/self-referral/submit")).andExpect(redirectedUrl("/self-referral/confirmation"));
        assertThat(page(flagged, "/self-referral/confirmation")).doesNotContain("Start exercises now");
        send(flagged, post("/self-referral/starter")).andExpect(redirectedUrl("/self-referral/starter"));
        assertThat(jdbc.queryForObject("select patient_id from referral where family_name = 'Starterflag'", java.util.UUID.class)).isNull();
    }

    @Test
    void takingTheStarterProgrammeMakesARecordAProgrammeToWaitWellAndACodeThatSignsInAndTriageSeesIt() throws Exception {
        Browser session = selfReferred("Startertaken", "KNEE", "0", true);
        send(session, post("/self-referral/starter")).andExpect(redirectedUrl("/self-referral/starter"));
        var referral = jdbc.queryForMap("select id, patient_id, reference from referral where family_name = 'Startertaken'");
        java.util.UUID patient = (java.util.UUID) referral.get("patient_id");
        assertThat(patient).isNotNull();
        assertThat(jdbc.queryForObject("select nhs_number from patient where id = ?", String.class, patient))
                .as("a typed NHS number is never used to make or find the record").isNull();
        assertThat(jdbc.queryForMap("select purpose, template, created_by from programme where patient_id = ?", patient))
                .containsEntry("purpose", "WAIT_WELL").containsEntry("template", "knee-osteoarthritis").containsEntry("created_by", "self-referral");
        String message = jdbc.queryForObject("select body from outbox_message where dedupe_key = ?", String.class, "starter-code:" + referral.get("id"));
        String code = message.replaceAll(".*access code ([A-Z0-9 ]+) and your date of birth.*", "$1");

        // a second try is refused, nothing is made twice
        send(session, post("/self-referral/starter")).andExpect(redirectedUrl("/self-referral/starter"));
        assertThat(jdbc.queryForObject("select count(*) from programme where patient_id = ?", Integer.class, patient)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from patient where family_name = 'Startertaken'", Integer.class)).isEqualTo(1);

        var signedIn = mvc.perform(post("/patient/sign-in").with(csrf()).param("code", code).param("dobDay", "7").param("dobMonth", "6")
                .param("dobYear", "1984")).andReturn();
        assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/my");
        mvc.perform(get("/my/exercises").cookie(signedIn.getResponse().getCookies())).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(org.hamcrest.Matchers.containsString("Knee")));

        mvc.perform(get("/referrals/" + referral.get("id")).with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(org.hamcrest.Matchers.containsString(
                        "Started a programme at self-referral")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(org.hamcrest.Matchers.containsString(
                        "exercised on 0 days so far")));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where patient_id = ? and actor = 'self-referral'", Integer.class, patient))
                .isGreaterThanOrEqualTo(2);
    }
}

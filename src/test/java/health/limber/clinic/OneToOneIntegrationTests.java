package health.limber.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import health.limber.DemoFixtures;
import health.limber.IntegrationTest;
import health.limber.TestClock;
import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.patient.PatientApiIntegrationTestsAccess;
import health.limber.platform.ConflictException;
import health.limber.referral.ReferralId;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * 1:1 appointments end to end: sessions and slots, booking from the waiting list (once, however
 * often retried), the slot finder's fit, the outcomes and the clock (DOMAIN.md §3a's first row and
 * §3's DNA rules), the person's own side, discharge, the refusals, and two app instances booking the
 * same slots at once.
 */
@IntegrationTest
class OneToOneIntegrationTests {

    static final String CLINICIAN = "clinician.qhl";
    static final String MANAGER = "manager.qhl";

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired DemoFixtures demo;
    @Autowired ClinicFixtures clinic;
    @Autowired OneToOneAppointments appointments;
    @Autowired CurrentActor currentActor;
    @Autowired Environment environment;
    @Autowired GroupClasses classes;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    record Accepted(UUID referral, String reference, UUID patient, String nhsNumber, UUID episode) {}

    /** A referral received three weeks ago, accepted today to physiotherapy with a new patient record. */
    Accepted accepted() throws Exception {
        return accepted("PHYSIOTHERAPY");
    }

    Accepted accepted(String carePathway) throws Exception {
        String nhs = PatientApiIntegrationTestsAccess.freshNhsNumber();
        String response = mvc.perform(post("/api/referrals").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"source": "GP", "receivedOn": "%s", "gpPracticeCode": "Y01001", "nhsNumber": "%s", "givenName": "Sam",
                                 "familyName": "Onetoone", "birthDate": "1968-02-03", "phone": "07700 900456", "bodySites": ["SHOULDER"],
                                 "symptomDuration": "UNDER_6_WEEKS", "requestedUrgency": "ROUTINE", "reasonCode": "30989003", "redFlags": []}"""
                                .formatted(LocalDate.now(clock).minusWeeks(3), nhs)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID referral = UUID.fromString(response.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
        String reference = response.replaceAll(".*\"reference\":\"([^\"]+)\".*", "$1");
        mvc.perform(post("/api/referrals/" + referral + "/triage").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"outcome": "ACCEPT", "pathway": "%s", "priority": "ROUTINE", "reason": "Shoulder",
                                 "patient": "new", "version": 0}""".formatted(carePathway)))
                .andExpect(status().isOk());
        var row = jdbc.queryForMap("select id, patient_id from episode where referral_id = ?", referral);
        return new Accepted(referral, reference, (UUID) row.get("patient_id"), nhs, (UUID) row.get("id"));
    }

    /** A telephone session of the signed-in user on a day, returning its slot ids in time order. */
    List<UUID> session(String user, LocalDate day, String start, String end, String type, String extra) throws Exception {
        mvc.perform(post("/api/sessions").with(httpBasic(user, DemoFixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"mode": "TELEPHONE", "icb": "QHL", "date": "%s", "start": "%s", "end": "%s", "type": "%s" %s}"""
                                .formatted(day, start, end, type, extra)))
                .andExpect(status().isCreated());
        return jdbc.queryForList("""
                select x.id from session_slot x join clinician_session s on s.id = x.session_id
                where s.session_date = ? and s.start_minute = ? and s.clinician = ? order by x.start_minute""", UUID.class,
                day, minutes(start), user.equals(MANAGER) && extra.contains("clinician") ? extra.replaceAll(".*\"clinician\": \"([^\"]+)\".*", "$1") : user);
    }

    static int minutes(String time) {
        return Integer.parseInt(time.substring(0, 2)) * 60 + Integer.parseInt(time.substring(3));
    }

    ResultActions book(UUID referral, UUID slot, String key) throws Exception {
        var request = post("/api/appointments").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"referral\": \"" + referral + "\", \"slot\": \"" + slot + "\"}");
        return mvc.perform(key == null ? request : request.header("Idempotency-Key", key));
    }

    ResultActions outcome(UUID appointment, long version, String outcome, String reason) throws Exception {
        return mvc.perform(post("/api/appointments/" + appointment + "/outcome").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": " + version + ", \"outcome\": \"" + outcome + "\"" + (reason == null ? "" : ", \"reason\": \"" + reason + "\"") + "}"));
    }

    UUID appointmentOf(UUID referral) {
        return jdbc.queryForObject("select id from one_to_one_appointment where referral_id = ? order by booked_at desc fetch first 1 rows only",
                UUID.class, referral);
    }

    java.util.Map<String, Object> clock(String reference) {
        return jdbc.queryForMap("""
                select c.end_date, c.end_reason, c.stopped_by from clock_period c join pathway p on p.id = c.pathway_id
                where p.pathway_identifier = ? order by c.start_date desc fetch first 1 rows only""", reference);
    }

    boolean waiting(UUID referral) throws Exception {
        return mvc.perform(get("/api/appointments/waiting?icb=QHL&limit=500").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString().contains(referral.toString());
    }

    @Test
    void bookedFromTheListOnceHoweverOftenRetriedAndAttendingTheAssessmentStopsTheClockAsOneToOnePhysiotherapy() throws Exception {
        Accepted a = accepted();
        jdbc.update("update patient set contact_by_sms = true where id = ?", a.patient());
        assertThat(waiting(a.referral())).isTrue();
        LocalDate day = LocalDate.now(clock).plusDays(41);
        List<UUID> slots = session(CLINICIAN, day, "09:00", "12:00", "ASSESSMENT", "");
        assertThat(slots).hasSize(4);

        String first = book(a.referral(), slots.get(1), "book-" + a.referral()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.start").value("09:45")).andExpect(jsonPath("$.status").value("BOOKED"))
                .andReturn().getResponse().getContentAsString();
        String again = book(a.referral(), slots.get(1), "book-" + a.referral()).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true")).andReturn().getResponse().getContentAsString();
        assertThat(again).isEqualTo(first);
        assertThat(jdbc.queryForObject("select count(*) from one_to_one_appointment where referral_id = ?", Integer.class, a.referral())).isEqualTo(1);
        assertThat(waiting(a.referral())).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where dedupe_key like ?", Integer.class,
                "appointment:" + appointmentOf(a.referral()) + "%")).isEqualTo(1);

        UUID appointment = appointmentOf(a.referral());
        outcome(appointment, 0, "ATTENDED", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outcome"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("from the appointment's start")));
        assertThat(clock(a.reference()).get("end_date")).isNull();

        clock.advance(Duration.ofDays(42));
        outcome(appointment, 0, "ATTENDED", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ATTENDED"));
        var stopped = clock(a.reference());
        assertThat(stopped.get("end_date")).hasToString(day.toString());
        assertThat(stopped.get("end_reason")).isEqualTo("FIRST_TREATMENT");
        assertThat(stopped.get("stopped_by")).isEqualTo("ONE_TO_ONE_PHYSIOTHERAPY");
        assertThat(jdbc.queryForObject("""
                select e.detail from clock_event e join pathway p on p.id = e.pathway_id where p.pathway_identifier = ? and e.type = 'STOP'""",
                String.class, a.reference())).isEqualTo("FIRST_TREATMENT:ONE_TO_ONE_PHYSIOTHERAPY:Appointment/" + appointment);

        outcome(appointment, 0, "DID_NOT_ATTEND", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.current.status").value("ATTENDED")).andExpect(jsonPath("$.current.version").value(1));
        mvc.perform(get("/episodes/" + a.episode()).with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("Physiotherapy assessment")));
        mvc.perform(get("/waiting-list/pathways/" + jdbc.queryForObject("select id from pathway where pathway_identifier = ?", UUID.class, a.reference()))
                        .with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("1:1 physiotherapy")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/patients/" + a.patient())));
        assertThat(jdbc.queryForObject("select patient_id from pathway where pathway_identifier = ?", UUID.class, a.reference())).isEqualTo(a.patient());
    }

    @Test
    void aCancellationLeavesTheClockRunningAndFreesTheSlotAndNotAttendingTheFirstAssessmentNullifiesTheClock() throws Exception {
        Accepted a = accepted();
        LocalDate day = LocalDate.now(clock).plusDays(43);
        List<UUID> slots = session(CLINICIAN, day, "13:00", "15:15", "ASSESSMENT", "");
        book(a.referral(), slots.get(0), null).andExpect(status().isCreated());
        UUID appointment = appointmentOf(a.referral());
        outcome(appointment, 0, "CANCELLED_BY_SERVICE", null).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        outcome(appointment, 0, "CANCELLED_BY_SERVICE", "Clinician unwell").andExpect(status().isOk());
        assertThat(clock(a.reference()).get("end_date")).isNull();
        assertThat(jdbc.queryForObject("select appointment_id from session_slot where id = ?", UUID.class, slots.get(0))).isNull();
        assertThat(jdbc.queryForObject("select count(*) from appointment_slot where appointment_id = ?", Integer.class, appointment)).isZero();
        assertThat(waiting(a.referral())).isTrue();

        book(a.referral(), slots.get(0), null).andExpect(status().isCreated());
        UUID rebooked = appointmentOf(a.referral());
        clock.advance(Duration.ofDays(44));
        outcome(rebooked, 0, "DID_NOT_ATTEND", null).andExpect(status().isOk());
        var period = clock(a.reference());
        assertThat(period.get("end_reason")).isEqualTo("DNA_NULLIFIED");
        assertThat(period.get("stopped_by")).isNull();
    }

    @Test
    void badBookingsAreRefusedNamingTheRuleAndChangeNothing() throws Exception {
        Accepted a = accepted();
        LocalDate day = LocalDate.now(clock).plusDays(45);
        List<UUID> mine = session(CLINICIAN, day, "09:00", "10:00", "FOLLOW_UP", "");
        List<UUID> theirs = session(MANAGER, day, "09:00", "10:00", "FOLLOW_UP",
                ", \"clinician\": \"locum.qhl\", \"clinicianName\": \"Pat Locum\"");
        assertThat(theirs).hasSize(2);
        int before = jdbc.queryForObject("select count(*) from one_to_one_appointment", Integer.class);

        book(a.referral(), mine.get(0), null).andExpect(status().isCreated());
        book(a.referral(), theirs.get(0), null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("slot"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Sam Onetoone is already booked at 09:00")));
        book(a.referral(), UUID.randomUUID(), null).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("slot"));
        mvc.perform(post("/api/appointments").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"slot\": \"" + theirs.get(1) + "\"}")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("referral"));
        assertThat(jdbc.queryForObject("select count(*) from one_to_one_appointment", Integer.class)).isEqualTo(before + 1);

        // a session in the past, a session overlapping the clinician's own, and a slot that has passed
        mvc.perform(post("/api/sessions").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\": \"TELEPHONE\", \"icb\": \"QHL\", \"date\": \"" + LocalDate.now(clock).minusDays(1)
                                + "\", \"start\": \"09:00\", \"end\": \"10:00\", \"type\": \"FOLLOW_UP\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("date"));
        mvc.perform(post("/api/sessions").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\": \"TELEPHONE\", \"icb\": \"QHL\", \"date\": \"" + day + "\", \"start\": \"09:30\", \"end\": \"11:00\", \"type\": \"FOLLOW_UP\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("start"));
        mvc.perform(post("/api/sessions").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\": \"TELEPHONE\", \"icb\": \"QKK\", \"date\": \"" + day + "\", \"start\": \"14:00\", \"end\": \"15:00\", \"type\": \"FOLLOW_UP\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("icb"));
        Accepted b = accepted();
        clock.advance(Duration.ofDays(46));
        book(b.referral(), theirs.get(1), null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("in the past")));
        assertThat(jdbc.queryForObject("select count(*) from one_to_one_appointment", Integer.class)).isEqualTo(before + 1);
    }

    @Test
    void dischargeCancelsWhatIsBookedRefusesANewAssessmentAndAllowsAFollowUpOnlyInsideThePifuWindow() throws Exception {
        Accepted a = accepted();
        LocalDate day = LocalDate.now(clock).plusDays(47);
        List<UUID> assessments = session(CLINICIAN, day, "09:00", "10:30", "ASSESSMENT", "");
        List<UUID> followUps = session(CLINICIAN, day, "14:00", "15:00", "FOLLOW_UP", "");
        book(a.referral(), assessments.get(0), null).andExpect(status().isCreated());
        UUID booked = appointmentOf(a.referral());
        mvc.perform(post("/api/episodes/" + a.episode() + "/discharge").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0, \"reason\": \"PATIENT_INITIATED_FOLLOW_UP\", \"on\": \"" + LocalDate.now(clock)
                                + "\", \"note\": \"Exercises going well\", \"followUpMonths\": 3}"))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select status from one_to_one_appointment where id = ?", String.class, booked)).isEqualTo("CANCELLED_BY_SERVICE");
        assertThat(waiting(a.referral())).isFalse();
        book(a.referral(), assessments.get(1), null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("referral"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("discharged")));
        book(a.referral(), followUps.get(0), null).andExpect(status().isCreated()).andExpect(jsonPath("$.type").value("FOLLOW_UP"));
        clock.advance(Duration.ofDays(100));
        Accepted other = accepted();
        List<UUID> later = session(CLINICIAN, LocalDate.now(clock).plusDays(3), "16:00", "17:00", "FOLLOW_UP", "");
        book(a.referral(), later.get(0), null).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("referral"));
        book(other.referral(), later.get(0), null).andExpect(status().isCreated());
    }

    @Test
    void theFinderOffersTheEarliestSlotsThatFitTheirLanguageStepFreeAccessAndHub() throws Exception {
        // late in the day, so that none of the demo's sessions of today is still ahead of tomorrow's 07:00 slots
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(clock.withZone(health.limber.platform.LimberTime.ZONE));
        java.time.ZonedDateTime late = now.toLocalDate().atTime(22, 0).atZone(health.limber.platform.LimberTime.ZONE);
        if (now.isBefore(late)) {
            clock.advance(java.time.Duration.between(now, late));
        }
        Accepted a = accepted();
        jdbc.update("update one_to_one_referral set language = 'pl', interpreter_needed = false, step_free = true where referral_id = ?", a.referral());
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
        UUID hub = clinic.newHub();
        UUID stepped = UUID.randomUUID();
        jdbc.update("insert into room (id, hub_id, name, step_free, services) values (?, ?, 'Upstairs', false, 'PHYSIO')", stepped, hub);
        mvc.perform(post("/api/sessions").with(httpBasic(MANAGER, DemoFixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\": \"IN_PERSON\", \"hub\": \"" + hub + "\", \"room\": \"" + stepped + "\", \"date\": \"" + tomorrow
                                + "\", \"start\": \"07:00\", \"end\": \"07:45\", \"type\": \"ASSESSMENT\", \"clinician\": \"finder.one\", \"languages\": \"en, pl\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/sessions").with(httpBasic(MANAGER, DemoFixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\": \"VIDEO\", \"icb\": \"QHL\", \"date\": \"" + tomorrow
                                + "\", \"start\": \"07:00\", \"end\": \"07:45\", \"type\": \"ASSESSMENT\", \"clinician\": \"finder.two\", \"languages\": \"en\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/sessions").with(httpBasic(MANAGER, DemoFixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\": \"TELEPHONE\", \"icb\": \"QHL\", \"date\": \"" + tomorrow
                                + "\", \"start\": \"07:15\", \"end\": \"08:00\", \"type\": \"ASSESSMENT\", \"clinician\": \"finder.three\", \"clinicianName\": \"Ola Nowak\", \"languages\": \"pl\"}"))
                .andExpect(status().isCreated());

        // the Polish-speaking clinician by telephone at 07:15 fits; the stepped room and the English-only video do not
        mvc.perform(get("/api/appointments/slots?referral=" + a.referral() + "&limit=1").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].clinicianName").value("Ola Nowak")).andExpect(jsonPath("$[0].start").value("07:15"));
        // with an interpreter booked, any language fits: the video slot at 07:00 is the earliest (the stepped room still does not)
        jdbc.update("update one_to_one_referral set interpreter_needed = true where referral_id = ?", a.referral());
        mvc.perform(get("/api/appointments/slots?referral=" + a.referral() + "&limit=1").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)))
                .andExpect(jsonPath("$[0].mode").value("VIDEO")).andExpect(jsonPath("$[0].start").value("07:00"));
        // no step-free need and in person only: the hub's room
        jdbc.update("update one_to_one_referral set step_free = false where referral_id = ?", a.referral());
        mvc.perform(get("/api/appointments/slots?referral=" + a.referral() + "&mode=IN_PERSON&limit=1").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)))
                .andExpect(jsonPath("$[0].hubId").value(hub.toString()));
        // another preferred hub rules the first hub's room out, leaving remote slots
        UUID elsewhere = clinic.newHub();
        jdbc.update("update one_to_one_referral set preferred_hub_id = ? where referral_id = ?", elsewhere, a.referral());
        String preferred = mvc.perform(get("/api/appointments/slots?referral=" + a.referral() + "&limit=50").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        assertThat(preferred).doesNotContain(hub.toString());
        mvc.perform(get("/api/appointments/slots?referral=" + a.referral() + "&mode=ANYWHERE").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("mode"));
    }

    @Test
    void thePersonSeesConfirmsAsksToChangeAndCancelsTheirOwnAppointmentAndNobodyElseCan() throws Exception {
        Accepted a = accepted();
        List<UUID> slots = session(CLINICIAN, LocalDate.now(clock).plusDays(49), "09:00", "10:30", "ASSESSMENT", "");
        book(a.referral(), slots.get(0), null).andExpect(status().isCreated());
        UUID appointment = appointmentOf(a.referral());
        Cookie[] own = demo.signInPatient(mvc, new DemoFixtures.PatientRef(a.patient(), a.nhsNumber(), LocalDate.of(1968, 2, 3), "Onetoone"));
        mvc.perform(get("/my/appointments").cookie(own)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Physiotherapy assessment")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("by telephone")));
        mvc.perform(get("/my").cookie(own)).andExpect(content().string(org.hamcrest.Matchers.containsString("Your next appointment")));
        mvc.perform(post("/my/appointments/" + appointment + "/respond").cookie(own).with(csrf()).param("version", "0").param("answer", "change"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select patient_response from one_to_one_appointment where id = ?", String.class, appointment)).isNull();
        mvc.perform(post("/my/appointments/" + appointment + "/respond").cookie(own).with(csrf()).param("version", "0").param("answer", "change")
                .param("comment", "Afternoons suit me better")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/my/appointments").cookie(own)).andExpect(jsonPath("$[0].patientResponse").value("CHANGE_REQUESTED"))
                .andExpect(jsonPath("$[0].version").value(1));
        String ics = mvc.perform(get("/my/appointments/" + appointment + ".ics").cookie(own)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(ics).contains("BEGIN:VEVENT", "SUMMARY:Physiotherapy assessment (telephone)", "UID:" + appointment + "@limber");

        mvc.perform(get("/api/appointments/" + appointment).with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.patientResponse").value("CHANGE_REQUESTED"));
        mvc.perform(get("/appointments/" + appointment).with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Asked to change it: Afternoons suit me better")));
        Cookie[] someoneElse = demo.signInPatient(mvc, demo.patient("QHL", 3));
        mvc.perform(get("/api/appointments/" + appointment).cookie(someoneElse)).andExpect(status().isNotFound());
        mvc.perform(get("/my/appointments/" + appointment + ".ics").cookie(someoneElse)).andExpect(status().isNotFound());
        mvc.perform(post("/api/my/appointments/" + appointment + "/cancel").cookie(someoneElse).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": 1, \"reason\": \"Not me\"}")).andExpect(status().isNotFound());
        mvc.perform(get("/api/appointments/" + appointment).with(httpBasic("clinician.quy", DemoFixtures.PASSWORD))).andExpect(status().isNotFound());
        mvc.perform(get("/api/appointments/waiting?icb=QHL").with(httpBasic("clinician.quy", DemoFixtures.PASSWORD))).andExpect(status().isNotFound());

        mvc.perform(post("/api/my/appointments/" + appointment + "/cancel").cookie(own).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": 0, \"reason\": \"Away\"}")).andExpect(status().isConflict());
        mvc.perform(post("/api/my/appointments/" + appointment + "/cancel").cookie(own).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": 1, \"reason\": \"Away that week\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED_BY_PATIENT"));
        assertThat(waiting(a.referral())).isTrue();
    }

    /**
     * Two app instances on one database (the second started here with the same datasource) and 200
     * people trying to book 20 slots at once, ten for each slot: each slot is booked once, and every
     * one of the 180 others is told which slot went.
     */
    @Test
    void twoHundredAttemptsOnTwentySlotsFromTwoInstancesBookEachSlotOnceAndTellEveryLoserWhichSlotWent() throws Exception {
        LocalDate day = LocalDate.now(clock).plusDays(51);
        List<UUID> slots = session(CLINICIAN, day, "07:00", "17:00", "FOLLOW_UP", "");
        assertThat(slots).hasSize(20);
        String provider = clinic.manager().organisationCode();
        List<ReferralId> people = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            UUID referral = UUID.randomUUID();
            jdbc.update("""
                    insert into one_to_one_referral (referral_id, reference, display_name, icb_code, provider_code, priority, received_on,
                        accepted_on, language, interpreter_needed, step_free)
                    values (?, ?, ?, 'QHL', ?, 'ROUTINE', ?, ?, 'en', false, false)""",
                    referral, ClinicFixtures.reference(), "Racer " + i, provider, LocalDate.of(2100, 1, 1), LocalDate.of(2100, 1, 1));
            people.add(ReferralId.of(referral));
        }
        Actor clinician = new Actor(CLINICIAN, "Test clinician", Role.CLINICIAN, provider, Set.of("QHL"), null);
        try (var second = health.limber.SecondInstance.start(environment, 4)) {
            List<OneToOneAppointments> instances = List.of(appointments, second.getBean(OneToOneAppointments.class));
            var pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                OneToOneAppointments instance = instances.get(i % 2);
                ReferralId person = people.get(i);
                UUID slot = slots.get(i % slots.size());
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        currentActor.runAs(clinician, () -> instance.book(person, slot));
                        return "booked";
                    } catch (ConflictException e) {
                        return e.getMessage();
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get());
            }
            pool.shutdown();
            assertThat(outcomes).filteredOn("booked"::equals).hasSize(20);
            assertThat(outcomes).filteredOn(o -> !o.equals("booked")).hasSize(180)
                    .allMatch(o -> o.startsWith("Someone else booked the slot at ") && o.contains(" first; nothing was booked"));
        }
        assertThat(jdbc.queryForObject("select count(*) from session_slot where id in (" + String.join(",", slots.stream().map(s -> "'" + s + "'").toList())
                + ") and appointment_id is not null", Integer.class)).isEqualTo(20);
        assertThat(jdbc.queryForObject("""
                select count(*) from one_to_one_appointment a join session_slot x on x.id = a.slot_id where x.session_id =
                (select session_id from session_slot where id = ?)""", Integer.class, slots.get(0))).isEqualTo(20);
        assertThat(jdbc.queryForObject("""
                select count(*) from (select resource, slot_date, slot_minute from appointment_slot group by resource, slot_date, slot_minute
                having count(*) > 1) doubled""", Integer.class)).isZero();
    }

    @Test
    void aFollowUpAskedForAfterAOneStopVisitIsBookedAsA1To1FollowUpOnTheSameEpisodeWithNoNewClock() throws Exception {
        Accepted a = accepted("ONE_STOP_CLINIC");
        mvc.perform(post("/api/episodes/" + a.episode() + "/discharge").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0, \"reason\": \"PATIENT_INITIATED_FOLLOW_UP\", \"on\": \"" + LocalDate.now(clock) + "\"}"))
                .andExpect(status().isOk());
        int clockEvents = jdbc.queryForObject("select count(*) from clock_event e join pathway p on p.id = e.pathway_id where p.pathway_identifier = ?",
                Integer.class, a.reference());
        // an open episode is booked from the 1:1 list, not here
        Accepted open = accepted();
        mvc.perform(post("/episodes/" + open.episode() + "/follow-ups/book").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/episodes/" + open.episode() + "#follow-ups"));

        mvc.perform(post("/episodes/" + a.episode() + "/follow-ups/book").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/appointments/book?type=FOLLOW_UP&referral=" + a.referral()));
        mvc.perform(get("/appointments/book?type=FOLLOW_UP&referral=" + a.referral()).with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("Book Sam Onetoone")));
        assertThat(waiting(a.referral())).isFalse();
        List<UUID> followUps = session(CLINICIAN, LocalDate.now(clock).plusDays(53), "09:00", "10:00", "FOLLOW_UP", "");
        List<UUID> assessments = session(CLINICIAN, LocalDate.now(clock).plusDays(53), "10:00", "10:45", "ASSESSMENT", "");
        book(a.referral(), assessments.get(0), null).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("referral"));
        book(a.referral(), followUps.get(0), null).andExpect(status().isCreated()).andExpect(jsonPath("$.type").value("FOLLOW_UP"));
        assertThat(jdbc.queryForObject("select count(*) from clock_event e join pathway p on p.id = e.pathway_id where p.pathway_identifier = ?",
                Integer.class, a.reference())).isEqualTo(clockEvents);
        mvc.perform(post("/episodes/" + a.episode() + "/follow-ups/book").with(httpBasic("clinician.quy", DemoFixtures.PASSWORD)).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aPersonInAClassIsNotBooked1To1AtTheSameTimeAndARoomHoldsOneCourseAtATime() throws Exception {
        Accepted a = accepted();
        ReferralId inClass = ReferralId.of(UUID.randomUUID());
        jdbc.update("""
                insert into class_referral (referral_id, reference, patient_id, display_name, icb_code, provider_code, accepted_on)
                values (?, ?, ?, 'Sam Onetoone', 'QHL', ?, ?)""", inClass.value(), ClinicFixtures.reference(), a.patient(), clinic.manager().organisationCode(),
                LocalDate.now(clock));
        UUID hub = clinic.newHub();
        List<UUID> rooms = jdbc.queryForList("select id from room where hub_id = ? order by name", UUID.class, hub);
        LocalDate day = LocalDate.now(clock).plusDays(57);
        UUID course = clinic.asManager(() -> classes.create(hub, rooms.get(0), "Back class", "", day, 6, 10 * 60, 60, 10));
        assertThat(clinic.asManager(() -> classes.book(course, inClass))).isEqualTo(ClassCourse.Status.BOOKED);

        // the same person, 1:1, during the class's third session: refused naming them
        List<UUID> slots = session(CLINICIAN, day.plusWeeks(2), "10:00", "11:00", "FOLLOW_UP", "");
        book(a.referral(), slots.get(1), null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Sam Onetoone is already booked at 10:30")));
        // the same room for another course at that time: refused naming the room
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> clinic.asManager(() -> classes.create(hub, rooms.get(0), "Knee class", "",
                day.plusWeeks(1), 4, 10 * 60 + 30, 60, 10))).isInstanceOf(health.limber.platform.InvalidInputException.class).hasMessageContaining("room");
        // another room at that time is free, but the person is in the first class then
        UUID other = clinic.asManager(() -> classes.create(hub, rooms.get(1), "Knee class", "", day.plusWeeks(1), 4, 10 * 60 + 30, 60, 10));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> clinic.asManager(() -> classes.book(other, inClass)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already has an appointment during the class");

        // leaving the first class frees their sessions: the 1:1 at 10:30 can be booked
        UUID booking = clinic.asManager(() -> classes.read(course)).onCourse().get(0).id();
        clinic.asManager(() -> {
            classes.cancel(course, booking, "Prefers 1:1 care");
            return null;
        });
        book(a.referral(), slots.get(1), null).andExpect(status().isCreated());
    }

    @Test
    void cancellingASessionCancelsWhatIsBookedInItPutsThePeopleBackOnTheListAndOffersItsSlotsNoMore() throws Exception {
        Accepted a = accepted();
        LocalDate day = LocalDate.now(clock).plusDays(59);
        List<UUID> slots = session(CLINICIAN, day, "13:00", "14:30", "ASSESSMENT", "");
        book(a.referral(), slots.get(0), null).andExpect(status().isCreated());
        UUID session = jdbc.queryForObject("select session_id from session_slot where id = ?", UUID.class, slots.get(0));
        mvc.perform(post("/api/sessions/" + session + "/cancel").with(httpBasic("clinician.quy", DemoFixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Off sick\"}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/sessions/" + session + "/cancel").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/sessions/" + session + "/cancel").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Off sick\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.appointmentsCancelled").value(1));
        assertThat(jdbc.queryForMap("select status, reason from one_to_one_appointment where referral_id = ?", a.referral()))
                .containsEntry("status", "CANCELLED_BY_SERVICE").containsEntry("reason", "Session cancelled: Off sick");
        assertThat(waiting(a.referral())).isTrue();
        String offered = mvc.perform(get("/api/appointments/slots?referral=" + a.referral() + "&limit=50").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        assertThat(offered).doesNotContain(slots.get(0).toString()).doesNotContain(slots.get(1).toString());
        book(a.referral(), slots.get(1), null).andExpect(status().isConflict());
        mvc.perform(post("/api/sessions/" + session + "/cancel").with(httpBasic(CLINICIAN, DemoFixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Again\"}")).andExpect(status().isBadRequest());
    }
}

package health.limber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import health.limber.exercise.ProgrammeManagement;
import health.limber.clinic.AppointmentType;
import health.limber.clinic.ClinicianSessions;
import health.limber.clinic.OneToOneAppointments;
import health.limber.clinic.SessionMode;
import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.patient.PatientId;
import health.limber.platform.LimberTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page that shows or changes one person's care says whose it is: name, NHS number and date of
 * birth (hazard H-27). The pages are found from the route list, not listed by hand: a new page with
 * an id in its address fails this test until it is put in one of the two lists below.
 */
@IntegrationTest
class PatientBannerIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired CurrentActor currentActor;
    @Autowired ProgrammeManagement programmes;
    @Autowired TestClock clock;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping routes;
    @Autowired ClinicianSessions sessions;
    @Autowired OneToOneAppointments oneToOne;

    /** Pages with an id in the address that are not about one person, and why. */
    static final Map<String, String> NOT_ONE_PERSON = Map.ofEntries(
            Map.entry("/admin/users/{id}", "a staff account"),
            Map.entry("/admin/cohorts/{code}", "a programme cohort"),
            Map.entry("/reports/cohorts/{code}", "a cohort report: counts of areas, no person"),
            Map.entry("/reports/cohorts/{code}.csv", "a cohort report: counts of areas, no person"),
            Map.entry("/reports/cohorts/{code}.pdf", "a cohort report: counts of areas, no person"),
            Map.entry("/reports/cohorts/{code}/equity", "a cohort's equity report: counts of groups, no person"),
            Map.entry("/reports/cohorts/{code}/equity.csv", "a cohort's equity report: counts of groups, no person"),
            Map.entry("/exercises/{id}", "an exercise in the library"),
            Map.entry("/exercises/media/{id}", "a picture or video of an exercise"),
            Map.entry("/my/exercises/media/{id}", "a picture or video of an exercise"),
            Map.entry("/my/exercises/{exercise}", "the patient's own page: they are signed in as themselves"),
            Map.entry("/my/clinic-day/{day}.ics", "the patient's own calendar file"),
            Map.entry("/my/appointments/{id}.ics", "the patient's own calendar file"),
            Map.entry("/my/questionnaires/{id}/{page}", "the patient's own questionnaire: they are signed in as themselves"),
            Map.entry("/my/questionnaires/{id}/check", "the patient's own questionnaire: they are signed in as themselves"),
            Map.entry("/clinic-days/{id}", "a clinic day of many people: each row carries date of birth and NHS number"),
            Map.entry("/classes/{id}", "a class of many people: each row carries date of birth and NHS number"),
            Map.entry("/self-referral/{step}", "the person's own form, before any record exists"),
            Map.entry("/referrals/{id}/attachments/{attachmentId}", "a letter, downloaded as a file"),
            Map.entry("/programmes/{id}/handout.pdf", "the printed handout, which names the patient (checked in ProgrammeIntegrationTests)"),
            Map.entry("/episodes/{id}/discharge-summary.pdf", "the letter to the GP, which names the patient (checked in EpisodeIntegrationTests)"),
            Map.entry("/support/referrals/{id}/letter.pdf", "the referral letter to an outside service, which names the person"),
            Map.entry("/support/fit-notes/{id}.pdf", "the printed fit note, which names the person"));

    /** Pages about one person, each with a way to open one for a QHL patient. */
    Map<String, Supplier<String>> onePerson() {
        Map<String, Supplier<String>> pages = new LinkedHashMap<>();
        Supplier<String> patient = () -> jdbc.queryForObject(
                "select cast(id as varchar) from patient where icb_code = 'QHL' and voided_at is null order by nhs_number fetch first 1 rows only", String.class);
        pages.put("/patients/{id}", () -> "/patients/" + patient.get());
        pages.put("/patients/{id}/edit", () -> "/patients/" + patient.get() + "/edit");
        pages.put("/patients/{id}/ethnic-category", () -> "/patients/" + patient.get() + "/ethnic-category");
        pages.put("/patients/{id}/void", () -> "/patients/" + patient.get() + "/void");
        pages.put("/patients/{id}/questionnaires/new", () -> "/patients/" + patient.get() + "/questionnaires/new");
        pages.put("/referrals/{id}", () -> "/referrals/" + jdbc.queryForObject(
                "select cast(id as varchar) from referral where icb_code = 'QHL' order by reference fetch first 1 rows only", String.class));
        pages.put("/waiting-list/pathways/{id}", () -> "/waiting-list/pathways/" + jdbc.queryForObject(
                "select cast(id as varchar) from pathway where commissioner_code = 'QHL' order by pathway_identifier fetch first 1 rows only", String.class));
        pages.put("/programmes/{id}", () -> "/programmes/" + programme());
        pages.put("/episodes/{id}", () -> "/episodes/" + jdbc.queryForObject(
                "select cast(id as varchar) from episode where icb_code = 'QHL' order by reference fetch first 1 rows only", String.class));
        pages.put("/appointments/{id}", () -> "/appointments/" + appointment());
        pages.put("/support/referrals/{id}", () -> "/support/referrals/" + jdbc.queryForObject(
                "select cast(id as varchar) from support_referral where icb_code = 'QHL' order by referred_at fetch first 1 rows only", String.class));
        pages.put("/episodes/{id}/fit-notes/new", () -> "/episodes/" + jdbc.queryForObject(
                "select cast(id as varchar) from episode where icb_code = 'QHL' and discharged_on is null order by reference fetch first 1 rows only",
                String.class) + "/fit-notes/new");
        return pages;
    }

    /** A 1:1 appointment far ahead for a QHL patient with a record, booked by the clinician. */
    private String appointment() {
        String organisation = jdbc.queryForObject("select organisation_code from staff_user where username = 'clinician.qhl'", String.class);
        var clinician = new Actor("clinician.qhl", "Clinician", Role.CLINICIAN, organisation, Set.of("QHL"), null);
        var patient = jdbc.queryForMap("select id, given_name, family_name, birth_date, nhs_number from patient where icb_code = 'QHL' "
                + "and voided_at is null order by nhs_number desc fetch first 1 rows only");
        java.util.UUID referral = java.util.UUID.randomUUID();
        jdbc.update("""
                insert into one_to_one_referral (referral_id, reference, patient_id, display_name, birth_date, nhs_number, icb_code, provider_code,
                    priority, received_on, accepted_on, language, interpreter_needed, step_free)
                values (?, 'MSK-BANNER-1', ?, ?, ?, ?, 'QHL', ?, 'ROUTINE', ?, ?, 'en', false, false)""",
                referral, patient.get("id"), patient.get("given_name") + " " + patient.get("family_name"), patient.get("birth_date"),
                patient.get("nhs_number"), organisation, LimberTime.today(clock), LimberTime.today(clock));
        java.time.LocalDate day = LimberTime.today(clock).plusDays(300);
        return currentActor.runAs(clinician, () -> {
            sessions.createSession(new ClinicianSessions.NewSession("QHL", null, null, SessionMode.TELEPHONE, null, null, "en", day, 20 * 60, 21 * 60,
                    AppointmentType.FOLLOW_UP));
            java.util.UUID slot = jdbc.queryForObject("""
                    select x.id from session_slot x join clinician_session s on s.id = x.session_id
                    where s.clinician = 'clinician.qhl' and s.session_date = ? and s.start_minute = ? and x.appointment_id is null
                    order by x.start_minute fetch first 1 rows only""", java.util.UUID.class, day, 20 * 60);
            return oneToOne.book(health.limber.referral.ReferralId.of(referral), slot).id().toString();
        });
    }

    private String programme() {
        String organisation = jdbc.queryForObject("select organisation_code from staff_user where username = 'clinician.qhl'", String.class);
        var clinician = new Actor("clinician.qhl", "Clinician", Role.CLINICIAN, organisation, Set.of("QHL"), null);
        var patient = jdbc.queryForObject("select id from patient where icb_code = 'QHL' and voided_at is null order by nhs_number desc "
                + "fetch first 1 rows only", java.util.UUID.class);
        return currentActor.runAs(clinician, () -> programmes.create(PatientId.of(patient), "low-back-pain", LimberTime.today(clock), null, null)).toString();
    }

    /** GET pages (not the JSON API) whose address carries an id. */
    Set<String> pagesWithAnIdInTheAddress() {
        Set<String> found = new TreeSet<>();
        routes.getHandlerMethods().forEach((mapping, handler) -> {
            boolean get = mapping.getMethodsCondition().getMethods().isEmpty()
                    || mapping.getMethodsCondition().getMethods().contains(RequestMethod.GET);
            boolean api = handler.getBeanType().isAnnotationPresent(RestController.class);
            if (get && !api) {
                mapping.getPatternValues().stream().filter(p -> p.contains("{")).forEach(found::add);
            }
        });
        return found;
    }

    @Test
    void everyPageAboutOnePersonShowsTheirNameNhsNumberAndDateOfBirth() throws Exception {
        Map<String, Supplier<String>> onePerson = onePerson();
        Set<String> unclassified = new TreeSet<>(pagesWithAnIdInTheAddress());
        unclassified.removeAll(NOT_ONE_PERSON.keySet());
        unclassified.removeAll(onePerson.keySet());
        assertThat(unclassified).as("pages with an id in the address that say neither whose they are nor why not").isEmpty();

        for (var page : onePerson.entrySet()) {
            String html = mvc.perform(get(page.getValue().get()).with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD)))
                    .andReturn().getResponse().getContentAsString();
            assertThat(html).as(page.getKey()).contains("id=\"patient-banner\"");
            String banner = html.substring(html.indexOf("id=\"patient-banner\""), html.indexOf("</section>", html.indexOf("id=\"patient-banner\"")));
            assertThat(banner).as(page.getKey() + " shows the NHS number and the date of birth")
                    .containsPattern("NHS number</dt><dd>(\\d{3} \\d{3} \\d{4}|Not known)</dd>")
                    .containsPattern("Born</dt><dd>\\d{1,2} [A-Z][a-z]{2} \\d{4}");
        }
    }
}

package health.limber.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import health.limber.clinic.internal.ClinicDayStatus;
import health.limber.clinic.planner.Rule;
import health.limber.clinic.planner.Violation;
import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.platform.ConflictException;
import health.limber.platform.InvalidInputException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/** One-stop clinic days end to end: plan, adjust, undo, publish, concurrency, attendance, the patient's itinerary. */
@IntegrationTest
class ClinicDayIntegrationTests {

    static final String ICB = "QHL";

    @Autowired ClinicDays clinicDays;
    @Autowired Appointments appointments;
    @Autowired CurrentActor currentActor;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;
    @Autowired DemoFixtures fixtures;
    @Autowired TestClock clock;
    @Autowired ClinicFixtures clinic;
    @Autowired health.limber.notification.Outbox outbox;
    @Autowired org.springframework.core.env.Environment environment;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    Actor manager() {
        return clinic.manager();
    }

    <T> T asManager(Supplier<T> work) {
        return clinic.asManager(work);
    }

    UUID newHub() {
        return clinic.newHub();
    }

    UUID waitingReferral(UUID patient, String needs) {
        return clinic.waitingReferral(patient, needs);
    }

    void onlyTheseWait(List<UUID> referrals) {
        clinic.onlyTheseWait(referrals);
    }

    UUID plannedDay(UUID hub, LocalDate date, int offer) {
        return clinic.plannedDay(hub, date, offer);
    }

    LocalDate soon() {
        return LocalDate.now(clock).plusDays(60);
    }

    @Test
    void aPlannedDayGivesWholeVisitsThatKeepEveryRuleAndPublishingBooksThem() {
        List<UUID> people = List.of(waitingReferral(null, "PHYSIO,PHYSICAL_ACTIVITY"), waitingReferral(null, "PHYSIO,MENTAL_HEALTH,DEBT"),
                waitingReferral(null, "PHYSIO,EMPLOYMENT"));
        onlyTheseWait(people);
        UUID id = plannedDay(newHub(), soon(), 3);
        ClinicDay day = asManager(() -> clinicDays.read(ClinicDayId.of(id)));
        assertThat(day.metrics().patientsServed()).isEqualTo(3);
        assertThat(day.violations()).isEmpty();
        List<ClinicDay.Booked> booked = asManager(() -> clinicDays.publish(ClinicDayId.of(id), day.version()));
        assertThat(booked).hasSize(7);
        assertThat(jdbc.queryForObject("select count(*) from appointment_slot where appointment_id in (select id from appointment where clinic_day_id = ?)",
                Integer.class, id)).isEqualTo(booked.stream().mapToInt(b -> (b.end() - b.start()) / 5 * 3).sum());
        assertThat(asManager(() -> clinicDays.read(ClinicDayId.of(id))).status()).isEqualTo(ClinicDayStatus.PUBLISHED);
    }

    @Test
    void aMoveIntoAClashIsKeptAndFlaggedAndCannotBePublishedUntilUndone() {
        List<UUID> people = List.of(waitingReferral(null, "PHYSIO"), waitingReferral(null, "PHYSIO"));
        onlyTheseWait(people);
        UUID id = plannedDay(newHub(), soon(), 2);
        ClinicDay day = asManager(() -> clinicDays.read(ClinicDayId.of(id)));
        ClinicDay.Planned first = day.plan().get(0);
        ClinicDay.Planned second = day.plan().get(1);
        // the second person's physio moves onto the first's practitioner at the same time
        List<Violation> violations = asManager(() -> clinicDays.move(ClinicDayId.of(id), day.version(), second.referralId(), "PHYSIO", first.start(),
                first.practitionerId(), second.roomId().equals(first.roomId()) ? otherRoom(day, first.roomId()) : second.roomId()));
        assertThat(violations).extracting(Violation::rule).contains(Rule.PRACTITIONER_ONE_AT_A_TIME);
        ClinicDay clashing = asManager(() -> clinicDays.read(ClinicDayId.of(id)));
        assertThatThrownBy(() -> asManager(() -> clinicDays.publish(ClinicDayId.of(id), clashing.version())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cannot be published");
        asManager(() -> {
            clinicDays.undo(ClinicDayId.of(id), clashing.version());
            return null;
        });
        ClinicDay undone = asManager(() -> clinicDays.read(ClinicDayId.of(id)));
        assertThat(undone.violations()).isEmpty();
        assertThat(undone.plan()).containsExactlyInAnyOrderElementsOf(day.plan());
        assertThat(asManager(() -> clinicDays.publish(ClinicDayId.of(id), undone.version()))).hasSize(2);
    }

    private static UUID otherRoom(ClinicDay day, UUID room) {
        return day.hub().rooms().stream().map(Hub.Room::id).filter(r -> !r.equals(room)).findFirst().orElseThrow();
    }

    @Test
    void aChangeMadeFromAnOlderVersionIsRefusedAndTellsWhatChanged() {
        onlyTheseWait(List.of(waitingReferral(null, "PHYSIO")));
        UUID id = plannedDay(newHub(), soon(), 1);
        ClinicDay seen = asManager(() -> clinicDays.read(ClinicDayId.of(id)));
        asManager(() -> {
            clinicDays.offerMore(ClinicDayId.of(id), seen.version(), 1);
            return null;
        });
        assertThatThrownBy(() -> asManager(() -> clinicDays.publish(ClinicDayId.of(id), seen.version())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Someone else changed this clinic day");
    }

    /**
     * Two app instances on one database (the second started here with the same datasource, no
     * demo data, its own connection pool) publish the same day at the same moment: one wins, the
     * other is told the day changed, and every slot is booked once.
     */
    @Test
    void twoAppInstancesPublishingTheSameDayAtOnceBookItExactlyOnce() throws Exception {
        onlyTheseWait(List.of(waitingReferral(null, "PHYSIO,DEBT"), waitingReferral(null, "PHYSIO")));
        UUID id = plannedDay(newHub(), soon(), 2);
        long version = asManager(() -> clinicDays.read(ClinicDayId.of(id))).version();
        try (var second = health.limber.SecondInstance.start(environment, 2)) {
            List<ClinicDays> instances = List.of(clinicDays, second.getBean(ClinicDays.class));
            var pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (ClinicDays instance : instances) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        asManager(() -> instance.publish(ClinicDayId.of(id), version));
                        return "published";
                    } catch (ConflictException e) {
                        return "conflict";
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get());
            }
            pool.shutdown();
            assertThat(outcomes).containsExactlyInAnyOrder("published", "conflict");
        }
        assertThat(jdbc.queryForObject("select count(*) from appointment where clinic_day_id = ?", Integer.class, id)).isEqualTo(3);
        assertThat(jdbc.queryForObject("""
                select count(*) from (select resource, slot_date, slot_minute from appointment_slot group by resource, slot_date, slot_minute
                having count(*) > 1) doubled""", Integer.class)).isZero();
    }

    @Test
    void aPatientIsNeverDoubleBookedAcrossTwoHubsOnOneDay() {
        UUID patient = fixtures.patient(ICB, 5).id();
        UUID one = waitingReferral(patient, "PHYSIO");
        onlyTheseWait(List.of(one));
        LocalDate date = soon();
        UUID first = plannedDay(newHub(), date, 1);
        asManager(() -> clinicDays.publish(ClinicDayId.of(first), clinicDays.read(ClinicDayId.of(first)).version()));
        UUID two = waitingReferral(patient, "PHYSIO");
        onlyTheseWait(List.of(two));
        UUID second = plannedDay(newHub(), date, 1);
        ClinicDay draft = asManager(() -> clinicDays.read(ClinicDayId.of(second)));
        ClinicDay.Planned booked = asManager(() -> clinicDays.read(ClinicDayId.of(first))).appointments().stream()
                .map(b -> new ClinicDay.Planned(b.referralId(), b.service(), b.practitionerId(), b.roomId(), b.start(), b.end())).findFirst().orElseThrow();
        ClinicDay.Planned planned = draft.plan().get(0);
        asManager(() -> clinicDays.move(ClinicDayId.of(second), draft.version(), planned.referralId(), "PHYSIO", booked.start(), planned.practitionerId(), planned.roomId()));
        long version = asManager(() -> clinicDays.read(ClinicDayId.of(second))).version();
        assertThatThrownBy(() -> asManager(() -> clinicDays.publish(ClinicDayId.of(second), version)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("patient").hasMessageContaining("already booked");
        ClinicDay after = asManager(() -> clinicDays.read(ClinicDayId.of(second)));
        assertThat(after.status()).isEqualTo(ClinicDayStatus.DRAFT);
        assertThat(after.appointments()).isEmpty();
    }

    @Test
    void staffOfOtherRolesOrAreasCannotPlan() throws Exception {
        UUID id = jdbc.queryForObject("select d.id from clinic_day d join hub h on h.id = d.hub_id where h.icb_code = ? and d.status = 'DRAFT' fetch first 1 rows only",
                UUID.class, ICB);
        mvc.perform(post("/clinic-days/" + id + "/plan").with(csrf()).with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD)).param("version", "0"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/clinic-days").with(httpBasic("analyst.qhl", DemoFixtures.PASSWORD))).andExpect(status().isForbidden());
        String otherIcbManager = jdbc.queryForObject("select username from staff_user where role = 'SERVICE_MANAGER' and username <> 'manager.qhl' "
                + "and organisation_code not in (select provider_code from provider_icb where icb_code = ?) fetch first 1 rows only", String.class, ICB);
        mvc.perform(get("/clinic-days/" + id).with(httpBasic(otherIcbManager, DemoFixtures.PASSWORD))).andExpect(status().isNotFound());
        mvc.perform(get("/api/clinic-days/" + id).with(httpBasic(otherIcbManager, DemoFixtures.PASSWORD))).andExpect(status().isNotFound());
    }

    @Test
    void theDemoDaysRenderForManagersAndClinicians() throws Exception {
        for (String status : List.of("DRAFT", "PUBLISHED")) {
            UUID id = jdbc.queryForObject("select d.id from clinic_day d join hub h on h.id = d.hub_id where h.icb_code = ? and d.status = ? fetch first 1 rows only",
                    UUID.class, ICB, status);
            for (String user : List.of("manager.qhl", "clinician.qhl")) {
                mvc.perform(get("/clinic-days/" + id).with(httpBasic(user, DemoFixtures.PASSWORD)))
                        .andExpect(status().isOk())
                        .andExpect(content().string(org.hamcrest.Matchers.containsString("People offered a place")))
                        .andExpect(content().string(org.hamcrest.Matchers.containsString("<svg")));
            }
        }
        mvc.perform(get("/clinic-days").with(httpBasic("manager.qhl", DemoFixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("Open the clinic day")));
    }

    @Test
    void theApiPlansAndRefusesAStaleVersionWith409() throws Exception {
        onlyTheseWait(List.of(waitingReferral(null, "PHYSIO")));
        UUID hub = newHub();
        String created = mvc.perform(post("/api/clinic-days").with(httpBasic("manager.qhl", DemoFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"hub\":\"" + hub + "\",\"day\":\"" + soon() + "\",\"offer\":1}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.people.length()").value(1))
                .andReturn().getResponse().getHeader("Location");
        mvc.perform(post(created + "/plan").with(httpBasic("manager.qhl", DemoFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":0,\"seconds\":2}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.plan.length()").value(1)).andExpect(jsonPath("$.violations.length()").value(0));
        mvc.perform(post(created + "/publish").with(httpBasic("manager.qhl", DemoFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":0}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("version"))
                .andExpect(jsonPath("$.current.version").value(1));
        mvc.perform(post(created + "/plan").with(httpBasic("manager.qhl", DemoFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":1,\"seconds\":99}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("seconds"));
    }

    @Test
    void thePatientSeesTheirItineraryAndCanAddItToACalendarOrAskToChange() throws Exception {
        var patient = fixtures.patient(ICB, 0);
        var cookies = fixtures.signInPatient(mvc, patient);
        mvc.perform(get("/my/clinic-day").cookie(cookies))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Please arrive by")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Physiotherapy assessment")));
        UUID day = jdbc.queryForObject("select distinct clinic_day_id from appointment where patient_id = ? and clinic_date >= ?",
                UUID.class, patient.id(), LocalDate.now(clock));
        mvc.perform(get("/my/clinic-day/" + day + ".ics").cookie(cookies))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/calendar")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("BEGIN:VEVENT")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("SUMMARY:Physiotherapy assessment with")));
        mvc.perform(post("/my/clinic-day/" + day + "/respond").cookie(cookies).with(csrf()).param("answer", "change"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from appointment where clinic_day_id = ? and patient_response is not null", Integer.class, day)).isZero();
        mvc.perform(post("/my/clinic-day/" + day + "/respond").cookie(cookies).with(csrf()).param("answer", "change").param("comment", "Mornings only please"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForList("select distinct patient_response from appointment where clinic_day_id = ? and patient_id = ?", String.class, day, patient.id()))
                .containsExactly("CHANGE_REQUESTED");
        var other = fixtures.signInPatient(mvc, fixtures.patient(ICB, 1));
        mvc.perform(get("/my/clinic-day/" + day + ".ics").cookie(other)).andExpect(status().isNotFound());
    }

    @Test
    void aCancellationNeedsAReasonAndFreesTheSlots() {
        onlyTheseWait(List.of(waitingReferral(null, "PHYSIO")));
        UUID id = plannedDay(newHub(), soon(), 1);
        ClinicDay.Booked booked = asManager(() -> clinicDays.publish(ClinicDayId.of(id), clinicDays.read(ClinicDayId.of(id)).version())).get(0);
        assertThatThrownBy(() -> asManager(() -> appointments.recordOutcome(booked.id(), booked.version(), AppointmentOutcome.CANCELLED_BY_SERVICE, " ")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("why");
        assertThatThrownBy(() -> asManager(() -> appointments.recordOutcome(booked.id(), booked.version(), AppointmentOutcome.ATTENDED, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("on or after the day");
        asManager(() -> appointments.recordOutcome(booked.id(), booked.version(), AppointmentOutcome.CANCELLED_BY_SERVICE, "Physio off sick"));
        assertThat(jdbc.queryForObject("select count(*) from appointment_slot where appointment_id = ?", Integer.class, booked.id())).isZero();
        assertThatThrownBy(() -> currentActor.runAs(new Actor("analyst.qhl", "A", Role.ANALYST, manager().organisationCode(), Set.of(ICB), null),
                () -> clinicDays.read(ClinicDayId.of(id)))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void publishingQueuesOneReminderByTextThatIsSentOnceWhenDueAndWithdrawnIfTheVisitIsCancelled() {
        var patient = fixtures.patient(ICB, 4);
        jdbc.update("update patient set phone = '07700 900444', contact_by_sms = true where id = ?", patient.id());
        onlyTheseWait(List.of(waitingReferral(patient.id(), "PHYSIO")));
        LocalDate date = LocalDate.now(clock).plusDays(10);
        UUID id = plannedDay(newHub(), date, 1);
        ClinicDay.Booked booked = asManager(() -> clinicDays.publish(ClinicDayId.of(id), clinicDays.read(ClinicDayId.of(id)).version())).get(0);
        String key = "clinic-day:" + id + ":patient:" + patient.id() + ":reminder";
        assertThat(jdbc.queryForList("select status from outbox_message where dedupe_key = ?", String.class, key)).containsExactly("QUEUED");
        assertThat(jdbc.queryForObject("select address from outbox_message where dedupe_key = ?", String.class, key)).isEqualTo("07700 900444");
        assertThat(jdbc.queryForObject("select body from outbox_message where dedupe_key = ?", String.class, key)).contains("Please arrive by");
        outbox.dispatch();
        assertThat(jdbc.queryForObject("select status from outbox_message where dedupe_key = ?", String.class, key)).isEqualTo("QUEUED");
        clock.advance(Duration.ofDays(9));
        outbox.dispatch();
        outbox.dispatch();
        assertThat(jdbc.queryForObject("select status from outbox_message where dedupe_key = ?", String.class, key)).isEqualTo("SENT");

        onlyTheseWait(List.of(waitingReferral(patient.id(), "PHYSIO")));
        clock.reset();
        UUID later = plannedDay(newHub(), date.plusDays(7), 1);
        ClinicDay.Booked second = asManager(() -> clinicDays.publish(ClinicDayId.of(later), clinicDays.read(ClinicDayId.of(later)).version())).get(0);
        asManager(() -> appointments.recordOutcome(second.id(), second.version(), AppointmentOutcome.CANCELLED_BY_PATIENT, "On holiday"));
        assertThat(jdbc.queryForObject("select status from outbox_message where dedupe_key = ?", String.class,
                "clinic-day:" + later + ":patient:" + patient.id() + ":reminder")).isEqualTo("WITHDRAWN");
        assertThat(booked).isNotNull();
    }
}

package health.limber.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import health.limber.referral.ReferralId;

import health.limber.DemoFixtures;
import health.limber.IntegrationTest;
import health.limber.TestClock;
import health.limber.platform.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Group classes: capacity under concurrent bookings, the waiting list, the register. */
@IntegrationTest
class GroupClassIntegrationTests {

    @Autowired GroupClasses classes;
    @Autowired ClinicFixtures clinic;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;
    @Autowired TestClock clock;

    UUID course(int capacity) {
        UUID hub = clinic.newHub();
        UUID room = jdbc.queryForObject("select id from room where hub_id = ? fetch first 1 rows only", UUID.class, hub);
        return clinic.asManager(() -> classes.create(hub, room, "Back class", "", LocalDate.now(clock).plusDays(7), 6, 600, 60, capacity));
    }

    @Test
    void eightPeopleBookingThreePlacesAtOnceFillItExactlyAndTheRestWait() throws Exception {
        UUID course = course(3);
        List<ReferralId> people = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            people.add(clinic.classReferral());
        }
        var pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ClassCourse.Status>> results = new ArrayList<>();
        for (ReferralId person : people) {
            results.add(pool.submit(() -> {
                start.await();
                return clinic.asManager(() -> classes.book(course, person));
            }));
        }
        start.countDown();
        List<ClassCourse.Status> statuses = new ArrayList<>();
        for (var result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == ClassCourse.Status.BOOKED).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == ClassCourse.Status.WAITING).hasSize(5);
        ClassCourse read = clinic.asManager(() -> classes.read(course));
        assertThat(read.booked()).isEqualTo(3);
        assertThat(read.onCourse()).hasSize(3);
    }

    @Test
    void aCancelledPlaceGoesToTheLongestWaiterAndBookingTwiceBooksOnce() {
        UUID course = course(1);
        ReferralId first = clinic.classReferral();
        ReferralId second = clinic.classReferral();
        ReferralId third = clinic.classReferral();
        assertThat(clinic.asManager(() -> classes.book(course, first))).isEqualTo(ClassCourse.Status.BOOKED);
        assertThat(clinic.asManager(() -> classes.book(course, second))).isEqualTo(ClassCourse.Status.WAITING);
        clock.advance(java.time.Duration.ofMinutes(1));
        assertThat(clinic.asManager(() -> classes.book(course, third))).isEqualTo(ClassCourse.Status.WAITING);
        assertThat(clinic.asManager(() -> classes.book(course, second))).isEqualTo(ClassCourse.Status.WAITING);
        ClassCourse before = clinic.asManager(() -> classes.read(course));
        assertThat(before.bookings()).hasSize(3);
        UUID firstBooking = before.onCourse().get(0).id();
        assertThatThrownBy(() -> clinic.asManager(() -> {
            classes.cancel(course, firstBooking, "");
            return null;
        })).isInstanceOf(InvalidInputException.class).hasMessageContaining("why");
        clinic.asManager(() -> {
            classes.cancel(course, firstBooking, "Moved away");
            return null;
        });
        ClassCourse after = clinic.asManager(() -> classes.read(course));
        assertThat(after.onCourse()).extracting(ClassCourse.Booking::referralId).containsExactly(second);
        assertThat(after.waiting()).extracting(ClassCourse.Booking::referralId).containsExactly(third);
        assertThat(after.booked()).isEqualTo(1);
        clock.reset();
    }

    @Test
    void theRegisterTakesOnlyBookedPeopleOnOrAfterTheSessionsDay() {
        UUID course = course(2);
        ReferralId booked = clinic.classReferral();
        ReferralId waiting = clinic.classReferral();
        clinic.asManager(() -> classes.book(course, booked));
        clinic.asManager(() -> classes.book(course, clinic.classReferral()));
        clinic.asManager(() -> classes.book(course, waiting));
        ClassCourse read = clinic.asManager(() -> classes.read(course));
        UUID bookingId = read.onCourse().get(0).id();
        assertThatThrownBy(() -> clinic.asManager(() -> {
            classes.register(course, 1, Set.of(bookingId));
            return null;
        })).isInstanceOf(InvalidInputException.class).hasMessageContaining("record it on the day or later");
        jdbc.update("update class_course set first_date = ? where id = ?", LocalDate.now(clock).minusDays(7), course);
        UUID waitingId = read.waiting().get(0).id();
        assertThatThrownBy(() -> clinic.asManager(() -> {
            classes.register(course, 1, Set.of(waitingId));
            return null;
        })).isInstanceOf(InvalidInputException.class).hasMessageContaining("Only people booked");
        clinic.asManager(() -> {
            classes.register(course, 2, Set.of(bookingId));
            return null;
        });
        ClassCourse after = clinic.asManager(() -> classes.read(course));
        assertThat(after.attended(bookingId, 2)).isTrue();
        assertThat(after.attended(read.onCourse().get(1).id(), 2)).isFalse();
        assertThat(after.attended(bookingId, 1)).isNull();
    }

    @Test
    void theRegisterTellsTwoPeopleOfTheSameNameApartByDateOfBirthAndNhsNumber() throws Exception {
        UUID hub = clinic.newHub();
        UUID room = jdbc.queryForObject("select id from room where hub_id = ? fetch first 1 rows only", UUID.class, hub);
        UUID course = clinic.asManager(() -> classes.create(hub, room, "Knee class", "", LocalDate.now(clock), 6, 600, 60, 4));
        ReferralId older = clinic.classReferral("Femi Iqbal", LocalDate.of(1961, 2, 3), "9990000018");
        ReferralId younger = clinic.classReferral("Femi Iqbal", LocalDate.of(1994, 11, 30), "9990000026");
        clinic.asManager(() -> classes.book(course, older));
        clinic.asManager(() -> classes.book(course, younger));
        String page = mvc.perform(get("/classes/" + course).param("session", "1").with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String register = page.substring(page.indexOf("id=\"register\""));
        org.assertj.core.api.Assertions.assertThat(register)
                .contains("Born 3 Feb 1961 · NHS 999 000 0018").contains("Born 30 Nov 1994 · NHS 999 000 0026");
    }

    @Test
    void theClassPagesRenderForManagersAndClinicians() throws Exception {
        UUID demoCourse = jdbc.queryForObject("""
                select c.id from class_course c join hub h on h.id = c.hub_id where h.icb_code = 'QHL' and c.name = 'Back class'
                order by c.first_date fetch first 1 rows only""", UUID.class);
        for (String user : List.of("manager.qhl", "clinician.qhl")) {
            mvc.perform(get("/classes").with(httpBasic(user, DemoFixtures.PASSWORD))).andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("Back class")));
            mvc.perform(get("/classes/" + demoCourse).with(httpBasic(user, DemoFixtures.PASSWORD))).andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("Waiting list")))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("Save the register")));
        }
        mvc.perform(get("/classes").with(httpBasic("analyst.qhl", DemoFixtures.PASSWORD))).andExpect(status().isForbidden());
    }
}

package health.limber.waitinglist;

import static org.assertj.core.api.Assertions.assertThat;

import health.limber.IntegrationTest;
import health.limber.TestClock;
import health.limber.clinic.AppointmentOutcome;
import health.limber.clinic.Appointments;
import health.limber.clinic.ClinicDay;
import health.limber.clinic.ClinicDayId;
import health.limber.clinic.ClinicDays;
import health.limber.clinic.ClinicFixtures;
import health.limber.referral.ReferralId;
import health.limber.waitinglist.internal.ClockEvent;
import health.limber.waitinglist.internal.ClockPeriod;
import health.limber.waitinglist.internal.Pathways;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** DOMAIN.md §3 applied to one-stop appointments: what staff record moves the waiting-list clock. */
@IntegrationTest
class ClinicClocksIntegrationTests {

    @Autowired ClinicFixtures clinic;
    @Autowired ClinicDays clinicDays;
    @Autowired Appointments appointments;
    @Autowired health.limber.clinic.GroupClasses classes;
    @Autowired Pathways pathways;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A booked one-stop physiotherapy assessment tomorrow for a referral whose clock started 40 days ago; the clock then moves to the day after. */
    record Booked(Pathway pathway, ClinicDay.Booked appointment, LocalDate day, UUID hub) {}

    Booked assessmentTomorrow() {
        return visitTomorrow("PHYSIO").get(0);
    }

    /** A published one-stop visit tomorrow with the services needed; its bookings, the earliest first. */
    List<Booked> visitTomorrow(String needs) {
        UUID referral = clinic.waitingReferral(null, needs);
        clinic.onlyTheseWait(List.of(referral));
        String reference = jdbc.queryForObject("select reference from one_stop_referral where referral_id = ?", String.class, referral);
        String provider = clinic.manager().organisationCode();
        LocalDate today = LocalDate.now(clock);
        Pathway pathway = Pathway.open(new PathwayKey(reference, provider), "9990000018", LocalDate.of(1980, 1, 1), today.minusDays(40),
                SourceOfReferral.SELF, "ORTT", "650", Priority.ROUTINE, provider, ClinicFixtures.ICB, today.minusDays(40));
        pathways.save(pathway, clock.instant());
        LocalDate day = today.plusDays(1);
        UUID hub = clinic.newHub();
        UUID id = clinic.plannedDay(hub, day, 1);
        List<ClinicDay.Booked> booked = clinic.asManager(() -> clinicDays.publish(ClinicDayId.of(id), clinicDays.read(ClinicDayId.of(id)).version()));
        clock.advance(Duration.ofDays(2));
        return booked.stream().sorted(java.util.Comparator.comparingInt(ClinicDay.Booked::start)).map(b -> new Booked(pathway, b, day, hub)).toList();
    }

    @Test
    void anotherServiceSeenFirstAtTheVisitDoesNotStopTheClockThePhysiotherapyAssessmentDoes() {
        List<Booked> visit = visitTomorrow("PHYSIO,MENTAL_HEALTH");
        Booked physio = visit.stream().filter(b -> b.appointment().service().equals("PHYSIO")).findFirst().orElseThrow();
        Booked mentalHealth = visit.stream().filter(b -> b.appointment().service().equals("MENTAL_HEALTH")).findFirst().orElseThrow();
        assertThat(record(mentalHealth, AppointmentOutcome.ATTENDED, null).isRunning()).as("the mental health practitioner is not the first definitive contact")
                .isTrue();
        Pathway after = record(physio, AppointmentOutcome.ATTENDED, null);
        assertThat(after.periods()).last().extracting(ClockPeriod::stoppedBy).isEqualTo(KindOfCare.ONE_STOP_CLINIC);
    }

    Pathway record(Booked booked, AppointmentOutcome outcome, String reason) {
        clinic.asManager(() -> appointments.recordOutcome(booked.appointment().id(), booked.appointment().version(), outcome, reason));
        return pathways.find(booked.pathway().key()).orElseThrow();
    }

    @Test
    void publishingTheDayNotesItsHubOnThePatientsPathway() {
        Booked booked = assessmentTomorrow();
        assertThat(pathways.hubOf(booked.pathway().id().value())).contains(booked.hub());
        assertThat(jdbc.queryForObject("select assigned_by from pathway_hub where pathway_id = ?", String.class, booked.pathway().id().value()))
                .startsWith("booking: one-stop clinic day");
    }

    @Test
    void attendingTheAssessmentStopsTheClockAsFirstTreatmentOnTheDay() {
        Booked booked = assessmentTomorrow();
        Pathway after = record(booked, AppointmentOutcome.ATTENDED, null);
        assertThat(after.isRunning()).isFalse();
        assertThat(after.events()).last().isEqualTo(new ClockEvent(ClockEvent.Type.STOP, booked.day(), "FIRST_TREATMENT:ONE_STOP_CLINIC:Appointment/" + booked.appointment().id()));
        assertThat(after.periods()).last().extracting(ClockPeriod::stoppedBy).as("the stop says how the person was seen")
                .isEqualTo(KindOfCare.ONE_STOP_CLINIC);
        assertThat(jdbc.queryForObject("select stopped_by from clock_period where pathway_id = ? and end_date is not null", String.class,
                after.id().value())).isEqualTo("ONE_STOP_CLINIC");
        assertThat(after.isWaitingOn(booked.day().minusDays(1))).isTrue();
        assertThat(after.isWaitingOn(booked.day())).isFalse();
    }

    @Test
    void notAttendingTheFirstVisitNullifiesTheClock() {
        Booked booked = assessmentTomorrow();
        Pathway after = record(booked, AppointmentOutcome.DID_NOT_ATTEND, null);
        assertThat(after.events()).last().isEqualTo(new ClockEvent(ClockEvent.Type.STOP, booked.day(), "DNA_NULLIFIED"));
    }

    @Test
    void aCancellationInAdvanceIsRecordedAndTheClockRunsOn() {
        Booked booked = assessmentTomorrow();
        Pathway after = record(booked, AppointmentOutcome.CANCELLED_BY_PATIENT, "Has a wedding that day");
        assertThat(after.isRunning()).isTrue();
        assertThat(after.events()).last().isEqualTo(new ClockEvent(ClockEvent.Type.CANCELLATION, booked.day(), "PATIENT"));
    }

    @Test
    void theFirstGroupClassAttendedStopsTheClockOnThatSessionsDay() {
        ReferralId referral = clinic.classReferral();
        String reference = jdbc.queryForObject("select reference from class_referral where referral_id = ?", String.class, referral);
        String provider = clinic.manager().organisationCode();
        LocalDate today = LocalDate.now(clock);
        Pathway pathway = Pathway.open(new PathwayKey(reference, provider), "9990000026", LocalDate.of(1975, 5, 5), today.minusDays(60),
                SourceOfReferral.GP, "ORTT", "650", Priority.ROUTINE, provider, ClinicFixtures.ICB, today.minusDays(60));
        pathways.save(pathway, clock.instant());
        UUID hub = clinic.newHub();
        UUID room = jdbc.queryForObject("select id from room where hub_id = ? fetch first 1 rows only", UUID.class, hub);
        UUID course = clinic.asManager(() -> classes.create(hub, room, "Back class", "", today, 6, 600, 60, 10));
        clinic.asManager(() -> classes.book(course, referral));
        assertThat(pathways.hubOf(pathway.id().value())).as("the class's hub is noted on the pathway").contains(hub);
        assertThat(pathways.find(pathway.key()).orElseThrow().isRunning()).as("a place booked is not treatment yet").isTrue();
        jdbc.update("update class_course set first_date = ? where id = ?", today.minusDays(14), course);
        UUID booking = clinic.asManager(() -> classes.read(course)).onCourse().get(0).id();
        clinic.asManager(() -> {
            classes.register(course, 1, java.util.Set.of());
            return null;
        });
        assertThat(pathways.find(pathway.key()).orElseThrow().isRunning()).as("a session missed stops nothing").isTrue();
        clinic.asManager(() -> {
            classes.register(course, 2, java.util.Set.of(booking));
            return null;
        });
        Pathway after = pathways.find(pathway.key()).orElseThrow();
        assertThat(after.events()).last().isEqualTo(new ClockEvent(ClockEvent.Type.STOP, today.minusDays(7), "FIRST_TREATMENT:GROUP_CLASS:ClassCourse/" + course));
        assertThat(after.periods()).last().extracting(ClockPeriod::stoppedBy).isEqualTo(KindOfCare.GROUP_CLASS);
    }
}

package health.limber.clinic;

import health.limber.clinic.planner.InstanceJson;
import health.limber.platform.LimberTime;
import health.limber.platform.PatientCare;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's one-stop clinic visits, 1:1 appointments and group classes: the next visit and the next
 * appointment near the top of their home page; every visit, appointment and class on their record.
 */
@Component
class ClinicCare implements PatientCare {

    private static final DateTimeFormatter VISIT_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);

    private final JdbcClient jdbc;
    private final Clock clock;

    ClinicCare(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<Link> of(Person person, Audience audience) {
        LocalDate today = LimberTime.today(clock);
        List<Link> links = new ArrayList<>();
        jdbc.sql("""
                        select a.clinic_day_id, a.clinic_date, min(a.start_minute), h.name, count(*)
                        from appointment a join clinic_day d on d.id = a.clinic_day_id join hub h on h.id = d.hub_id
                        where a.patient_id = :patient and a.status not in ('CANCELLED_BY_PATIENT', 'CANCELLED_BY_SERVICE')
                        group by a.clinic_day_id, a.clinic_date, h.name order by a.clinic_date""")
                .param("patient", person.patientId())
                .query(rs -> {
                    UUID day = rs.getObject(1, UUID.class);
                    LocalDate on = rs.getObject(2, LocalDate.class);
                    String when = VISIT_DAY.format(on) + " from " + InstanceJson.time(rs.getInt(3));
                    String hub = rs.getString(4);
                    if (audience == Audience.PATIENT) {
                        if (!on.isBefore(today) && links.isEmpty()) {
                            links.add(new Link("Your next visit", when, hub + ": " + rs.getInt(5) + " appointments in one visit", "/my/clinic-day", on, 2));
                        }
                    } else {
                        links.add(new Link("One-stop clinic visit", when + ", " + hub, rs.getInt(5) + " appointments", "/clinic-days/" + day, on, 40));
                    }
                });
        links.addAll(oneToOne(person, audience, today));
        if (audience == Audience.STAFF) {
            jdbc.sql("""
                            select c.id, c.name, c.first_date, b.status from class_booking b join class_referral r on r.referral_id = b.referral_id
                            join class_course c on c.id = b.course_id where r.patient_id = :patient order by c.first_date""")
                    .param("patient", person.patientId())
                    .query(rs -> {
                        LocalDate first = rs.getObject(3, LocalDate.class);
                        links.add(new Link("Group class", rs.getString(2) + ", from " + LimberTime.DAY.format(first),
                                switch (rs.getString(4)) {
                                    case "BOOKED" -> "Has a place";
                                    case "WAITING" -> "On the waiting list";
                                    default -> "Place cancelled";
                                }, "/classes/" + rs.getObject(1, UUID.class), first, 50));
                    });
        }
        return links;
    }

    /** The person's 1:1 appointments: the next one for them; every one, with what happened, for staff. */
    private List<Link> oneToOne(Person person, Audience audience, LocalDate today) {
        List<Link> oneToOne = new ArrayList<>();
        jdbc.sql("""
                        select a.id, a.slot_date, a.start_minute, a.appointment_type, a.status, s.clinician_name, s.mode, h.name
                        from one_to_one_appointment a join session_slot x on x.id = a.slot_id join clinician_session s on s.id = x.session_id
                        left join hub h on h.id = s.hub_id where a.patient_id = :patient order by a.slot_date, a.start_minute""")
                .param("patient", person.patientId())
                .query(rs -> {
                    LocalDate on = rs.getObject(2, LocalDate.class);
                    String what = "FOLLOW_UP".equals(rs.getString(4)) ? "Physiotherapy follow-up" : "Physiotherapy assessment";
                    String where = switch (rs.getString(7)) {
                        case "TELEPHONE" -> "by telephone";
                        case "VIDEO" -> "by video";
                        default -> "at " + rs.getString(8);
                    };
                    String when = VISIT_DAY.format(on) + " at " + InstanceJson.time(rs.getInt(3));
                    String status = rs.getString(5);
                    if (audience == Audience.PATIENT) {
                        if ("BOOKED".equals(status) && !on.isBefore(today) && oneToOne.isEmpty()) {
                            oneToOne.add(new Link("Your next appointment", when, what + " " + where + " with " + rs.getString(6), "/my/appointments", on, 2));
                        }
                    } else {
                        oneToOne.add(new Link("1:1 appointment", what + ", " + when + " " + where, AppointmentOutcome.valueOf(status).label()
                                + " (with " + rs.getString(6) + ")", "/appointments/" + rs.getObject(1, UUID.class), on, 35));
                    }
                });
        return oneToOne;
    }
}

package health.limber.clinic;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loading the clinic's past: a published clinic day or a class course made with the usual rules
 * (which only allow today and later) is moved to the earlier date it happened on, so attendance and
 * registers can be recorded for it. For a service moving its records from another system, and for
 * the demo; the caller is trusted (start-up and command-line code only, never a request).
 */
@Service
@Transactional
public class ClinicHistory {

    private final JdbcClient jdbc;

    ClinicHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Moves a published clinic day, its appointments and the slots they hold to the date it took place. */
    public void moveDay(ClinicDayId day, LocalDate date) {
        UUID clinicDayId = day.value();
        jdbc.sql("update clinic_day set clinic_date = :date where id = :id").param("date", date).param("id", clinicDayId).update();
        jdbc.sql("update appointment set clinic_date = :date where clinic_day_id = :id").param("date", date).param("id", clinicDayId).update();
        jdbc.sql("update appointment_slot set slot_date = :date where appointment_id in (select id from appointment where clinic_day_id = :id)")
                .param("date", date).param("id", clinicDayId).update();
    }

    /** Moves a class course to the date its first session took place. */
    public void moveCourse(UUID courseId, LocalDate firstDate) {
        jdbc.sql("update class_course set first_date = :date where id = :id").param("date", firstDate).param("id", courseId).update();
        // a course moved into the past holds no room or person from now on
        jdbc.sql("delete from appointment_slot where appointment_id = :id or appointment_id in (select b.id from class_booking b where b.course_id = :id)")
                .param("id", courseId).update();
    }
}

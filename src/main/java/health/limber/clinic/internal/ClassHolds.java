package health.limber.clinic.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A group class's weekly sessions in {@code appointment_slot}, the table one-stop and 1:1
 * appointments book into: the course holds its room, and each booked place holds the person, every
 * 5 minutes of every session, so a room or a person is never in a class and another appointment at
 * once. A session's holds name the course (room) or the booking (person).
 */
@Component
public class ClassHolds {

    /** A course's sessions: the first date and then weekly, each from {@code start} for {@code minutes}. */
    public record Sessions(LocalDate first, int weeks, int start, int minutes) {

        List<LocalDate> dates() {
            return IntStream.range(0, weeks).mapToObj(first::plusWeeks).toList();
        }
    }

    private final JdbcClient jdbc;

    ClassHolds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The first session date and time a resource is already held at, if any (from {@code from} on). */
    public Optional<String> clash(String resource, Sessions sessions, LocalDate from) {
        for (LocalDate date : sessions.dates()) {
            if (date.isBefore(from)) {
                continue;
            }
            int held = jdbc.sql("""
                    select count(*) from appointment_slot where resource = :r and slot_date = :d and slot_minute >= :from and slot_minute < :to""")
                    .param("r", resource).param("d", date).param("from", sessions.start()).param("to", sessions.start() + sessions.minutes())
                    .query(Integer.class).single();
            if (held > 0) {
                return Optional.of(date.toString());
            }
        }
        return Optional.empty();
    }

    /** Holds the resource for every session from {@code from} on, under {@code holder}; a slot already held fails with DuplicateKeyException. */
    public void hold(String resource, Sessions sessions, LocalDate from, UUID holder) {
        for (LocalDate date : sessions.dates()) {
            if (date.isBefore(from)) {
                continue;
            }
            for (int minute = sessions.start(); minute < sessions.start() + sessions.minutes(); minute += 5) {
                jdbc.sql("insert into appointment_slot (resource, slot_date, slot_minute, appointment_id) values (:r, :d, :m, :h)")
                        .param("r", resource).param("d", date).param("m", minute).param("h", holder).update();
            }
        }
    }

    public void free(UUID holder) {
        jdbc.sql("delete from appointment_slot where appointment_id = :h").param("h", holder).update();
    }
}

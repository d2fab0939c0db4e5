package health.limber.exercise.internal;

import health.limber.exercise.ProgrammeManagement;
import health.limber.identity.CurrentActor;
import health.limber.notification.Channel;
import health.limber.notification.Outbox;
import health.limber.patient.Patient;
import health.limber.patient.PatientId;
import health.limber.patient.PatientManagement;
import health.limber.platform.InvalidInputException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exercise reminders on the days and at the time the patient chose, through the notification
 * outbox. A day with nothing logged gets one follow-up the next day. Never more than one message a
 * day: the day's reminder and the follow-up are the same message, and the outbox's key is per day.
 */
@Service
public class ExerciseReminders {

    private static final ZoneId LONDON = health.limber.platform.LimberTime.ZONE;

    private final JdbcClient jdbc;
    private final ProgrammeManagement programmes;
    private final PatientManagement patients;
    private final CurrentActor currentActor;
    private final Outbox outbox;
    private final Clock clock;

    ExerciseReminders(JdbcClient jdbc, ProgrammeManagement programmes, PatientManagement patients, CurrentActor currentActor, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.patients = patients;
        this.currentActor = currentActor;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The patient's choice. */
    public record Choice(Set<DayOfWeek> days, int atMinute, Channel channel, String address) {}

    @Transactional(readOnly = true)
    public Optional<Choice> choice(UUID patientId) {
        return jdbc.sql("select days, at_minute, channel, address from exercise_reminder where patient_id = :p").param("p", patientId)
                .query((rs, n) -> new Choice(days(rs.getString(1)), rs.getInt(2), Channel.valueOf(rs.getString(3)), rs.getString(4))).optional();
    }

    /** Sets (or with no days, stops) the signed-in patient's reminders, by text if they have a mobile number, otherwise email. */
    @Transactional
    public Choice choose(Set<DayOfWeek> days, int atMinute) {
        UUID patientId = currentActor.get().patientId();
        if (patientId == null) {
            throw new InvalidInputException("days", "Only patients set their reminders");
        }
        jdbc.sql("delete from exercise_reminder where patient_id = :p").param("p", patientId).update();
        if (days.isEmpty()) {
            return null;
        }
        if (atMinute < 6 * 60 || atMinute > 22 * 60 || atMinute % 15 != 0) {
            throw new InvalidInputException("time", "Choose a time between 06:00 and 22:00");
        }
        Patient patient = patients.read(PatientId.of(patientId));
        Channel channel = patient.phone() != null && !patient.phone().isBlank() ? Channel.SMS
                : patient.email() != null && !patient.email().isBlank() ? Channel.EMAIL : null;
        if (channel == null) {
            throw new InvalidInputException("days", "We have no mobile number or email address for you. Ask the team to add one to your record.");
        }
        jdbc.sql("""
                insert into exercise_reminder (patient_id, days, at_minute, channel, address, icb_code, updated_at)
                values (:p, :days, :at, :channel, :address, :icb, :now)""")
                .param("p", patientId).param("days", days.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(",")))
                .param("at", atMinute).param("channel", channel.name()).param("address", channel == Channel.SMS ? patient.phone() : patient.email())
                .param("icb", patient.icbCode()).param("now", Timestamp.from(clock.instant())).update();
        return new Choice(days, atMinute, channel, channel == Channel.SMS ? patient.phone() : patient.email());
    }

    /** Queues today's message for everyone due one; safe to run as often as wanted, on any number of instances. */
    @Scheduled(fixedDelayString = "${limber.exercise.reminders-every:PT15M}", initialDelayString = "PT1M")
    @Transactional
    public int queueToday() {
        LocalDate today = LocalDate.now(clock.withZone(LONDON));
        record Row(UUID patient, Set<DayOfWeek> days, int at, Channel channel, String address, String icb) {}
        List<Row> rows = jdbc.sql("select patient_id, days, at_minute, channel, address, icb_code from exercise_reminder")
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), days(rs.getString(2)), rs.getInt(3), Channel.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getString(6))).list();
        int queued = 0;
        for (Row row : rows) {
            UUID programme = jdbc.sql("select id from programme where patient_id = :p and start_date <= :d and end_date >= :d order by start_date desc")
                    .param("p", row.patient()).param("d", today).query(UUID.class).list().stream().findFirst().orElse(null);
            if (programme == null) {
                continue;
            }
            LocalDate yesterday = today.minusDays(1);
            boolean missedYesterday = row.days().contains(yesterday.getDayOfWeek())
                    && !jdbc.sql("select start_date from programme where id = :id").param("id", programme).query(LocalDate.class).single().isAfter(yesterday)
                    && jdbc.sql("select count(*) from session_log where programme_id = :p and log_date = :d and status = 'CURRENT'")
                            .param("p", programme).param("d", yesterday).query(Integer.class).single() == 0;
            boolean remindToday = row.days().contains(today.getDayOfWeek());
            if (!remindToday && !missedYesterday) {
                continue;
            }
            String body = (missedYesterday ? "We did not see a log of your exercises yesterday: no problem, today is a new start. " : "")
                    + (remindToday ? "Time for today's exercises. " : "")
                    + "Open Limber and choose My exercises. If anything is getting worse, tell your physiotherapist.";
            boolean added = outbox.queue(new Outbox.Message("exercise:" + row.patient() + ":" + today, row.patient(), row.icb(), row.channel(),
                    row.address(), missedYesterday && !remindToday ? "A reminder about your exercises" : "Your exercises today", body,
                    today.atTime(row.at() / 60, row.at() % 60).atZone(LONDON).toInstant()));
            queued += added ? 1 : 0;
        }
        return queued;
    }

    private static Set<DayOfWeek> days(String value) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : value.split(",")) {
            if (!day.isBlank()) {
                days.add(DayOfWeek.valueOf(day));
            }
        }
        return days;
    }
}

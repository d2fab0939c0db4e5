package health.limber.clinic.internal;

import health.limber.clinic.AppointmentOutcome;
import health.limber.clinic.OneToOneAppointments.Booking;
import health.limber.clinic.SessionMode;
import health.limber.notification.Channel;
import health.limber.notification.Outbox;
import health.limber.patient.Patient;
import health.limber.patient.PatientId;
import health.limber.patient.PatientManagement;
import health.limber.platform.LimberTime;
import health.limber.platform.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** What a person hears about their 1:1 appointment: the reminder through the outbox, and the calendar file. */
@Component
public class AppointmentNotices {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);

    private final PatientManagement patients;
    private final Outbox outbox;
    private final Clock clock;

    AppointmentNotices(PatientManagement patients, Outbox outbox, Clock clock) {
        this.patients = patients;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Queues a reminder for two days before (09:00), or at once if that has passed, by the person's
     * preferred channel, to the person with a record who agreed to be contacted that way.
     */
    public void remind(Booking b) {
        if (b.patientId() == null) {
            return;
        }
        Patient patient;
        try {
            patient = patients.read(PatientId.of(b.patientId()));
        } catch (AccessDeniedException | NotFoundException e) {
            return;
        }
        Channel channel = channelFor(patient);
        if (channel == null) {
            return;
        }
        Instant twoDaysBefore = b.date().minusDays(2).atTime(9, 0).atZone(LimberTime.ZONE).toInstant();
        Instant sendAfter = twoDaysBefore.isBefore(clock.instant()) ? clock.instant() : twoDaysBefore;
        String body = "Your physiotherapy " + b.type().label().toLowerCase() + " is on " + b.when() + ", " + b.place() + ", with "
                + b.clinicianName() + ". To confirm, cancel or change it, sign in to Limber and choose Your appointments.";
        outbox.queue(new Outbox.Message(reminderKey(b.id().value()), b.patientId(), patient.icbCode(), channel,
                channel == Channel.SMS ? patient.phone() : patient.email(), "Your physiotherapy appointment on " + DAY.format(b.date()), body, sendAfter));
    }

    private static String reminderKey(UUID appointment) {
        return "appointment:" + appointment + ":reminder";
    }

    /** How a person agreed to hear from the service: a text to their mobile, else an email; null when neither. */
    static Channel channelFor(Patient patient) {
        return Channel.agreed(patient.contact().bySms(), patient.phone(), patient.contact().byEmail(), patient.email());
    }

    /** Takes back the appointment's reminder if it has not gone yet. */
    public void withdraw(UUID appointment) {
        outbox.withdraw(reminderKey(appointment));
    }

    /** The appointment as an iCalendar event (RFC 5545), for the person's own calendar. */
    public String calendar(Booking b) {
        DateTimeFormatter utc = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
        ZonedDateTime start = b.date().atStartOfDay(LimberTime.ZONE).plusMinutes(minuteOf(b.start()));
        ZonedDateTime end = b.date().atStartOfDay(LimberTime.ZONE).plusMinutes(minuteOf(b.end()));
        String summary = "Physiotherapy " + b.type().label().toLowerCase() + (b.mode() == SessionMode.IN_PERSON ? "" : " (" + b.mode().label().toLowerCase() + ")");
        return String.join("\r\n",
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Limber//1:1 appointments//EN", "METHOD:PUBLISH",
                "BEGIN:VEVENT",
                "UID:" + b.id() + "@limber",
                "DTSTAMP:" + utc.format(clock.instant().atOffset(ZoneOffset.UTC)),
                "DTSTART:" + utc.format(start.withZoneSameInstant(ZoneOffset.UTC)),
                "DTEND:" + utc.format(end.withZoneSameInstant(ZoneOffset.UTC)),
                "SUMMARY:" + escape(summary),
                "LOCATION:" + escape(b.place()),
                "DESCRIPTION:" + escape("With " + b.clinicianName() + ". To cancel or change it, sign in to Limber."),
                "STATUS:" + (b.status() == AppointmentOutcome.BOOKED || b.status() == AppointmentOutcome.ATTENDED ? "CONFIRMED" : "CANCELLED"),
                "END:VEVENT", "END:VCALENDAR", "");
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    private static int minuteOf(String time) {
        return Integer.parseInt(time.substring(0, 2)) * 60 + Integer.parseInt(time.substring(3, 5));
    }
}

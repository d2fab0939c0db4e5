package health.limber.clinic.internal;

import health.limber.clinic.ClinicDay;
import health.limber.clinic.ClinicDay.Booked;
import health.limber.clinic.ClinicDay.OnDuty;
import health.limber.clinic.ClinicDay.ServiceType;
import health.limber.clinic.Hub;
import health.limber.clinic.planner.InstanceJson;
import health.limber.identity.AuditAction;
import health.limber.identity.AuditLog;
import health.limber.identity.CurrentActor;
import health.limber.notification.Channel;
import health.limber.notification.Outbox;
import health.limber.patient.Patient;
import health.limber.patient.PatientId;
import health.limber.patient.PatientManagement;
import health.limber.platform.InvalidInputException;
import health.limber.platform.LimberTime;
import health.limber.platform.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient's side of a one-stop clinic day: their itinerary (where to go, whom they see, in
 * which room, in time order), their answer (confirm, or ask to change with what would suit them)
 * and the reminder two days before.
 */
@Service
@Transactional
public class Itineraries {

    private final ClinicDayRepository days;
    private final Clock clock;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final PatientManagement patients;
    private final Outbox outbox;

    Itineraries(ClinicDayRepository days, Clock clock, CurrentActor currentActor, AuditLog audit, PatientManagement patients, Outbox outbox) {
        this.days = days;
        this.clock = clock;
        this.currentActor = currentActor;
        this.audit = audit;
        this.patients = patients;
        this.outbox = outbox;
    }

    /** A patient's published visits from today on, with everything they need to find their way. */
    public List<Itinerary> of(UUID patientId) {
        if (!currentActor.get().isPatient(patientId)) {
            throw new AccessDeniedException("Only the patient sees their itinerary here");
        }
        List<Itinerary> itineraries = new ArrayList<>();
        for (UUID dayId : days.daysOf(patientId, LocalDate.now(clock))) {
            ClinicDay day = days.load(dayId);
            List<Itinerary.Stop> stops = day.appointments().stream()
                    .filter(b -> PatientId.of(patientId).equals(b.patientId()) && !b.outcome().isCancellation())
                    .map(b -> stop(day, b))
                    .sorted(Comparator.comparingInt(Itinerary.Stop::start))
                    .toList();
            if (stops.isEmpty()) {
                continue;
            }
            String response = day.appointments().stream().filter(b -> PatientId.of(patientId).equals(b.patientId()) && b.patientResponse() != null)
                    .map(Booked::patientResponse).findFirst().orElse(null);
            itineraries.add(new Itinerary(dayId, day.hub(), day.day(), stops, response));
        }
        audit.allowed(patientId, AuditAction.READ, "Itinerary", patientId.toString());
        return itineraries;
    }

    private static Itinerary.Stop stop(ClinicDay day, Booked b) {
        ServiceType service = day.services().stream().filter(s -> s.code().equals(b.service())).findFirst().orElseThrow();
        OnDuty who = day.practitioners().stream().filter(p -> p.id().equals(b.practitionerId())).findFirst().orElseThrow();
        Hub.Room room = day.hub().rooms().stream().filter(r -> r.id().equals(b.roomId())).findFirst().orElseThrow();
        return new Itinerary.Stop(b.id().value(), b.start(), b.end(), service.name(), service.purpose(), who.name(), room.name(), room.stepFree());
    }

    /** The patient confirms their visit or asks to change it (with what would suit them). */
    public void respond(UUID patientId, UUID clinicDayId, boolean confirm, String comment) {
        if (!currentActor.get().isPatient(patientId)) {
            throw new AccessDeniedException("Only the patient answers for their visit");
        }
        String text = comment == null ? "" : comment.strip();
        if (!confirm && text.isEmpty()) {
            throw new InvalidInputException("comment", "Tell us what would suit you better, so we can offer another time");
        }
        if (text.length() > 500) {
            throw new InvalidInputException("comment", "Your message must be 500 characters or fewer");
        }
        if (days.respond(patientId, clinicDayId, confirm ? "CONFIRMED" : "CHANGE_REQUESTED", text.isEmpty() ? null : text) == 0) {
            throw new NotFoundException("itinerary " + clinicDayId);
        }
        audit.allowed(patientId, AuditAction.UPDATE, "Itinerary", clinicDayId.toString());
    }

    /**
     * Queues the visit's reminder for two days before (09:00), or at once if that has passed, by
     * the person's preferred channel (text message, then email). Nobody without a mobile number
     * or email address that they agreed to be contacted on gets one; the itinerary page is always there.
     */
    public void remind(ClinicDay day, UUID patientId) {
        Patient patient;
        try {
            patient = patients.read(PatientId.of(patientId));
        } catch (AccessDeniedException e) {
            return;
        }
        List<Booked> own = day.appointments().stream().filter(b -> PatientId.of(patientId).equals(b.patientId())).toList();
        int arrive = own.stream().mapToInt(Booked::start).min().orElseThrow() - 10;
        Channel channel = AppointmentNotices.channelFor(patient);
        if (channel == null) {
            return;
        }
        Instant twoDaysBefore = day.day().minusDays(2).atTime(9, 0).atZone(LimberTime.ZONE).toInstant();
        Instant sendAfter = twoDaysBefore.isBefore(clock.instant()) ? clock.instant() : twoDaysBefore;
        String when = day.day().format(DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK));
        String body = "Your one-stop clinic visit is on " + when + " at " + day.hub().name() + ", " + day.hub().addressLine() + ", "
                + day.hub().postcode() + ". Please arrive by " + InstanceJson.time(arrive) + ". You will see " + own.size()
                + " people in one visit. See your times or ask to change them: sign in to Limber and choose My clinic visit.";
        outbox.queue(new Outbox.Message(reminderKey(day.id().value(), patientId), patientId, day.hub().icbCode(), channel,
                channel == Channel.SMS ? patient.phone() : patient.email(), "Your one-stop clinic visit on " + when, body, sendAfter));
    }

    /** Takes back the visit's reminder, if it has not gone yet (every appointment of the visit was cancelled). */
    public void withdrawReminder(UUID clinicDayId, UUID patientId) {
        outbox.withdraw(reminderKey(clinicDayId, patientId));
    }

    private static String reminderKey(UUID day, UUID patient) {
        return "clinic-day:" + day + ":patient:" + patient + ":reminder";
    }
}

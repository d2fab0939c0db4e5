package health.limber.clinic;

import health.limber.clinic.ClinicDay.Booked;
import health.limber.clinic.internal.ClinicDayRepository;
import health.limber.clinic.internal.ClinicDayRepository.AppointmentRow;
import health.limber.clinic.internal.Itineraries;
import health.limber.identity.AuditAction;
import health.limber.identity.AuditLog;
import health.limber.identity.CurrentActor;
import health.limber.platform.ConflictException;
import health.limber.platform.InvalidInputException;
import health.limber.platform.NotFoundException;
import health.limber.referral.ReferralId;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happened to each published appointment of a clinic day: attended, did not attend, or
 * cancelled (by the patient or the service, with why). A cancellation frees the appointment's
 * slots; the waiting list hears of each outcome through {@link AppointmentRecorded}.
 */
@Service
@Transactional
public class Appointments {

    private final ClinicDayRepository days;
    private final Clock clock;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Itineraries itineraries;

    Appointments(ClinicDayRepository days, Clock clock, CurrentActor currentActor, AuditLog audit, ApplicationEventPublisher events,
                 Itineraries itineraries) {
        this.days = days;
        this.clock = clock;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
        this.itineraries = itineraries;
    }

    /**
     * Records what happened to a published appointment, by staff of an organisation serving the
     * hub's ICB: attendance on or after the day, a cancellation with its reason at any time; an
     * outcome once only, and only from the version the recorder saw.
     */
    public Booked recordOutcome(AppointmentId id, long version, AppointmentOutcome outcome, String reason) {
        UUID appointmentId = id.value();
        if (outcome == null || outcome == AppointmentOutcome.BOOKED) {
            throw new InvalidInputException("outcome", "Select what happened");
        }
        String why = reason == null ? "" : reason.strip();
        if (outcome.isCancellation() && why.isEmpty()) {
            throw new InvalidInputException("reason", "Enter why the appointment was cancelled");
        }
        if (why.length() > 500) {
            throw new InvalidInputException("reason", "The reason must be 500 characters or fewer");
        }
        AppointmentRow appointment = days.appointment(appointmentId).orElseThrow(() -> new NotFoundException("appointment " + appointmentId));
        StaffAccess.require(currentActor, ClinicDays.STAFF, days.load(appointment.clinicDayId()).hub().icbCode(), "clinic day");
        if (appointment.outcome() != AppointmentOutcome.BOOKED) {
            throw new InvalidInputException("outcome", "This appointment is already recorded as " + appointment.outcome().label().toLowerCase());
        }
        if (!outcome.isCancellation() && appointment.date().isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("outcome", "Attendance can be recorded on or after the day of the appointment");
        }
        if (!days.recordOutcome(appointmentId, version, outcome, why.isEmpty() ? null : why, currentActor.get().username(), clock.instant())) {
            throw new ConflictException("version", "Someone else recorded this appointment since you opened the page", null);
        }
        UUID patient = appointment.patientId();
        if (outcome.isCancellation()) {
            days.freeSlots(appointmentId);
            if (patient != null && days.stillBooked(appointment.clinicDayId(), patient) == 0) {
                itineraries.withdrawReminder(appointment.clinicDayId(), patient);
            }
        }
        boolean firstVisit = days.firstVisit(appointment.referralId(), appointment.date());
        if (patient != null) {
            audit.allowed(patient, AuditAction.UPDATE, "Appointment", appointmentId.toString());
        }
        events.publishEvent(new AppointmentRecorded(id, ReferralId.of(appointment.referralId()), appointment.reference(),
                appointment.providerCode(), appointment.service(), appointment.date(), outcome, firstVisit,
                AppointmentRecorded.Setting.ONE_STOP_DAY));
        return days.load(appointment.clinicDayId()).appointments().stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow();
    }
}

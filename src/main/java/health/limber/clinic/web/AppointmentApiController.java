package health.limber.clinic.web;

import health.limber.clinic.AppointmentId;
import health.limber.clinic.AppointmentOutcome;
import health.limber.clinic.Appointments;
import health.limber.clinic.ClinicianSessions;
import health.limber.clinic.OneToOneAppointments;
import health.limber.clinic.OneToOneAppointments.Booking;
import health.limber.clinic.SessionMode;
import health.limber.clinic.AppointmentType;
import health.limber.clinic.internal.OneToOneRepository;
import health.limber.identity.CurrentActor;
import health.limber.platform.IdempotentRequests;
import health.limber.platform.InvalidInputException;
import health.limber.platform.LimberTime;
import health.limber.referral.ReferralId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 1:1 appointments over HTTP: sessions, the people waiting, the slot finder, booking (a retried
 * booking with the same Idempotency-Key books once), outcomes, and the person's own side.
 */
@RestController
@Tag(name = "1:1 appointments", description = "Clinicians' sessions and slots, booking from the waiting list, outcomes; the person's confirm, cancel or change")
class AppointmentApiController {

    private final OneToOneAppointments appointments;
    private final ClinicianSessions sessions;
    private final IdempotentRequests idempotent;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final Appointments oneStop;

    AppointmentApiController(OneToOneAppointments appointments, ClinicianSessions sessions, IdempotentRequests idempotent, CurrentActor currentActor, Clock clock,
                             Appointments oneStop) {
        this.oneStop = oneStop;
        this.appointments = appointments;
        this.sessions = sessions;
        this.idempotent = idempotent;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    record SessionRequest(String icb, UUID hub, UUID room, String mode, String clinician, String clinicianName, String languages, LocalDate date,
                          String start, String end, String type) {}

    record BookRequest(UUID referral, UUID slot) {}

    record OutcomeRequest(Long version, String outcome, String reason) {}

    record ResponseRequest(Long version, String comment) {}

    record CancelRequest(Long version, String reason) {}

    @Operation(summary = "Set up a session of bookable slots",
            description = "mode IN_PERSON (hub required, room optional) or TELEPHONE / VIDEO (icb required); type ASSESSMENT or FOLLOW_UP sets the "
                    + "slot length; start and end like 09:00. A clinician sets up their own sessions; a service manager names the clinician.")
    @PostMapping("/api/sessions")
    ResponseEntity<List<OneToOneRepository.Session>> createSession(@RequestBody SessionRequest r) {
        UUID id = sessions.createSession(new ClinicianSessions.NewSession(r.icb(), r.hub(), r.room(), choice("mode", r.mode(), SessionMode.class),
                r.clinician(), r.clinicianName(), r.languages(), required(r.date(), "date"), ClinicDayController.time(r.start(), "start"),
                ClinicDayController.time(r.end(), "end"), choice("type", r.type(), AppointmentType.class)));
        LocalDate day = r.date();
        return ResponseEntity.created(URI.create("/api/sessions?from=" + day))
                .body(sessions.sessions(day).stream().filter(s -> s.id().equals(id)).toList());
    }

    @Operation(summary = "Sessions at your ICBs for two weeks from a day (today when not given), with slots booked")
    @GetMapping("/api/sessions")
    List<OneToOneRepository.Session> sessions(@RequestParam(required = false) LocalDate from) {
        return sessions.sessions(from == null ? LimberTime.today(clock) : from);
    }

    record CancelSessionRequest(String reason) {}

    record CancelledSession(UUID session, int appointmentsCancelled) {}

    @Operation(summary = "Cancel a session (the clinician is off)",
            description = "Every appointment booked in it is cancelled by the service with the reason (the people go back on the 1:1 list) and its "
                    + "slots are no longer offered. A clinician cancels their own; a service manager any of their ICBs'.")
    @PostMapping("/api/sessions/{id}/cancel")
    CancelledSession cancelSession(@PathVariable UUID id, @RequestBody CancelSessionRequest r) {
        return new CancelledSession(id, sessions.cancel(id, r.reason()));
    }

    @Operation(summary = "People of an ICB waiting for a 1:1 appointment, in the list's order (urgent first, then longest wait)")
    @GetMapping("/api/appointments/waiting")
    List<OneToOneAppointments.Waiting> waiting(@RequestParam String icb, @RequestParam(defaultValue = "50") int limit) {
        return appointments.waiting(icb, Math.max(1, Math.min(limit, 500)));
    }

    @Operation(summary = "The earliest free slots that fit the person",
            description = "Fits: the type, from now on, step-free when needed, a clinician speaking their language (unless English or with an "
                    + "interpreter), their preferred hub or remote. mode IN_PERSON or REMOTE narrows it.")
    @GetMapping("/api/appointments/slots")
    List<OneToOneAppointments.Slot> slots(@RequestParam UUID referral, @RequestParam(required = false) String type,
                                          @RequestParam(required = false) String mode, @RequestParam(defaultValue = "5") int limit) {
        if (mode != null && !List.of("IN_PERSON", "REMOTE").contains(mode)) {
            throw new InvalidInputException("mode", "mode must be IN_PERSON or REMOTE");
        }
        return appointments.find(ReferralId.of(referral), type == null ? AppointmentType.ASSESSMENT : choice("type", type, AppointmentType.class), mode, limit);
    }

    @Operation(summary = "Book a person into a slot",
            description = "409 naming the slot, clinician, room or person already booked; send Idempotency-Key so a retry books once.")
    @PostMapping(value = "/api/appointments", consumes = "application/json")
    ResponseEntity<String> book(@RequestHeader(name = "Idempotency-Key", required = false) String key, @RequestBody BookRequest r) {
        return idempotent.once(currentActor.get().username(), key, "book " + r, () -> {
            Booking booked = appointments.book(ReferralId.of(required(r.referral(), "referral")), required(r.slot(), "slot"));
            return ResponseEntity.created(URI.create("/api/appointments/" + booked.id())).body(booked);
        });
    }

    @Operation(summary = "Appointments on a day (today when not given): yours, or everyone's at your ICBs with everyone=true")
    @GetMapping("/api/appointments")
    List<Booking> onDay(@RequestParam(required = false) LocalDate day, @RequestParam(defaultValue = "false") boolean everyone) {
        return appointments.onDay(day == null ? LimberTime.today(clock) : day, everyone);
    }

    @Operation(summary = "Read an appointment (staff of its ICB, or the person it is for)")
    @GetMapping("/api/appointments/{id}")
    Booking read(@PathVariable UUID id) {
        return appointments.read(AppointmentId.of(id));
    }

    @Operation(summary = "Record what happened to a 1:1 or one-stop appointment",
            description = "outcome ATTENDED or DID_NOT_ATTEND (a 1:1 appointment from its start, a one-stop one on or after its day), "
                    + "CANCELLED_BY_PATIENT or CANCELLED_BY_SERVICE (with reason); version: the appointment's version you read (409 if it "
                    + "changed). The waiting-list clock reacts to the physiotherapy assessment.")
    @PostMapping("/api/appointments/{id}/outcome")
    Object outcome(@PathVariable UUID id, @RequestBody OutcomeRequest r) {
        AppointmentOutcome outcome = choice("outcome", r.outcome(), AppointmentOutcome.class);
        if (!appointments.isOneToOne(AppointmentId.of(id))) {
            return ClinicDayApiController.View.Booked.of(oneStop.recordOutcome(AppointmentId.of(id), required(r.version(), "version"), outcome, r.reason()));
        }
        return appointments.recordOutcome(AppointmentId.of(id), required(r.version(), "version"), outcome, r.reason());
    }

    @Operation(summary = "Your own 1:1 appointments (the person signed in)")
    @GetMapping("/api/my/appointments")
    List<Booking> mine() {
        return appointments.mine();
    }

    @Operation(summary = "Confirm you will come to your appointment")
    @PostMapping("/api/my/appointments/{id}/confirm")
    Booking confirm(@PathVariable UUID id, @RequestBody ResponseRequest r) {
        return appointments.respond(AppointmentId.of(id), required(r.version(), "version"), true, r.comment());
    }

    @Operation(summary = "Ask to change your appointment, saying what suits you better")
    @PostMapping("/api/my/appointments/{id}/change-request")
    Booking change(@PathVariable UUID id, @RequestBody ResponseRequest r) {
        return appointments.respond(AppointmentId.of(id), required(r.version(), "version"), false, r.comment());
    }

    @Operation(summary = "Cancel your appointment, saying why")
    @PostMapping("/api/my/appointments/{id}/cancel")
    Booking cancel(@PathVariable UUID id, @RequestBody CancelRequest r) {
        return appointments.cancelByPatient(AppointmentId.of(id), required(r.version(), "version"), r.reason());
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "Give " + field);
        }
        return value;
    }

    static <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "Give " + field + ": one of " + names(type));
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, field + " must be one of " + names(type));
        }
    }

    private static String names(Class<? extends Enum<?>> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }
}

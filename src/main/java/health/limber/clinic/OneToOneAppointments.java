package health.limber.clinic;

import health.limber.clinic.internal.AppointmentNotices;
import health.limber.clinic.internal.OneToOneRepository;
import health.limber.clinic.internal.OneToOneRepository.AppointmentRow;
import health.limber.clinic.internal.OneToOneRepository.ReferralRow;
import health.limber.clinic.internal.OneToOneRepository.SlotRow;
import health.limber.clinic.planner.InstanceJson;
import health.limber.identity.Actor;
import health.limber.identity.AuditAction;
import health.limber.identity.AuditLog;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.platform.ConflictException;
import health.limber.platform.InvalidInputException;
import health.limber.platform.LimberTime;
import health.limber.platform.NotFoundException;
import health.limber.referral.ReferralId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 1:1 appointments (DOMAIN.md §3a, first row) in the slots of {@link ClinicianSessions}: the people
 * accepted to physiotherapy waiting in the list's order (urgent first, then longest wait); a slot
 * finder that offers the earliest slots that fit the person; booking,
 * the person's confirmation, cancellation or request to change, reminders and a calendar file; and
 * the outcome, which the waiting list hears as {@link AppointmentRecorded}: attending the
 * assessment stops the clock as "1:1 physiotherapy", not attending the first one nullifies it.
 *
 * <p>A booking takes the slot only where it is free and holds every 5 minutes of the clinician,
 * the room and the person in {@code appointment_slot}, the table one-stop clinic days book into,
 * so no clinician, room or person is booked twice across 1:1 and one-stop appointments, whatever
 * two app instances do at once.
 */
@Service
@Transactional
public class OneToOneAppointments {

    static final Set<Role> STAFF = Set.of(Role.CLINICIAN, Role.SERVICE_MANAGER);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);

    /** A person waiting for a 1:1 appointment; date of birth and NHS number tell two people of one name apart. */
    public record Waiting(ReferralId referralId, String reference, String icbCode, String name, LocalDate birthDate, String nhsNumber, String priority,
                          LocalDate receivedOn, long daysWaiting, String language, boolean interpreterNeeded, boolean stepFree,
                          UUID preferredHubId) {}

    /** A bookable slot as the finder offers it. */
    public record Slot(UUID id, LocalDate date, String start, String end, AppointmentType type, SessionMode mode, UUID hubId, String hubName, String roomName,
                       String clinicianName, String languages) {}

    /** A booked appointment. */
    public record Booking(AppointmentId id, ReferralId referralId, String reference, UUID patientId, String name, LocalDate birthDate,
                          String nhsNumber, AppointmentType type, LocalDate date, String start, String end, SessionMode mode, String place, String clinicianName,
                          AppointmentOutcome status, String reason, String patientResponse, String patientComment, long version) {

        public String when() {
            return DAY.format(date) + " at " + start;
        }
    }

    private final OneToOneRepository repository;
    private final Hubs hubs;
    private final Clock clock;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final AppointmentNotices notices;

    OneToOneAppointments(OneToOneRepository repository, Hubs hubs, Clock clock, CurrentActor currentActor, AuditLog audit,
                         ApplicationEventPublisher events, AppointmentNotices notices) {
        this.repository = repository;
        this.hubs = hubs;
        this.clock = clock;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
        this.notices = notices;
    }

    /** People of an ICB waiting for a 1:1 appointment in the list's order: urgent, then soon, then routine, longest wait first. */
    @Transactional(readOnly = true)
    public List<Waiting> waiting(String icb, int limit) {
        StaffAccess.require(currentActor, STAFF, icb, "ICB");
        LocalDate today = LimberTime.today(clock);
        return repository.waiting(icb, limit).stream().map(r -> waitingOf(r, today)).toList();
    }

    /** One person of the 1:1 list, for the booking page. */
    @Transactional(readOnly = true)
    public Waiting person(ReferralId referral) {
        ReferralRow row = referralRow(referral);
        return waitingOf(row, LimberTime.today(clock));
    }

    /** Records the hub the person would rather come to (null: any hub, or remote). */
    public void preferHub(ReferralId referral, UUID hubId) {
        ReferralRow row = referralRow(referral);
        if (hubId != null && hubs.find(hubId).filter(h -> h.icbCode().equals(row.icbCode())).isEmpty()) {
            throw new InvalidInputException("hub", "Select a hub of the person's ICB");
        }
        repository.preferHub(referral.value(), hubId);
    }

    /** The earliest free slots that fit the person (see {@link OneToOneRepository#free}); {@code mode} IN_PERSON or REMOTE narrows it. */
    @Transactional(readOnly = true)
    public List<Slot> find(ReferralId referral, AppointmentType type, String mode, int limit) {
        ReferralRow row = referralRow(referral);
        LocalDateTime now = LocalDateTime.now(clock.withZone(LimberTime.ZONE));
        String language = row.interpreterNeeded() || "en".equals(row.language()) ? null : row.language();
        return repository.free(row.icbCode(), (type == null ? AppointmentType.ASSESSMENT : type).name(), now.toLocalDate(),
                        now.getHour() * 60 + now.getMinute(), row.stepFree(), language, row.preferredHubId(), mode, Math.max(1, Math.min(limit, 50)))
                .stream().map(OneToOneAppointments::slotOf).toList();
    }

    /**
     * Books the person into a free slot of their ICB. Refused: a slot in the past; a slot someone
     * else took first, or a clinician, room or person already booked at that time (409 naming
     * which); an assessment while one is booked or after the episode was discharged; a follow-up
     * after the discharge's follow-up window.
     */
    public Booking book(ReferralId referral, UUID slotId) {
        Actor actor = StaffAccess.require(currentActor, STAFF, null, "slot");
        ReferralRow person = referralRow(referral);
        if (slotId == null) {
            throw new InvalidInputException("slot", "Choose a slot");
        }
        SlotRow slot = repository.slot(slotId).filter(s -> actor.serves(s.icbCode()))
                .orElseThrow(() -> new InvalidInputException("slot", "That slot does not exist at your ICBs; choose one the finder offers"));
        if (slot.cancelled()) {
            throw new ConflictException("slot", "That session was cancelled; nothing was booked. Choose another slot.", Map.of("slot", slot.id()));
        }
        if (!slot.icbCode().equals(person.icbCode())) {
            throw new InvalidInputException("slot", "That slot is in another ICB than the person's referral");
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(LimberTime.ZONE));
        if (slot.date().atStartOfDay().plusMinutes(slot.start()).isBefore(now)) {
            throw new InvalidInputException("slot", "That slot is in the past: choose a slot from now on");
        }
        AppointmentType type = AppointmentType.valueOf(slot.type());
        LocalDate today = now.toLocalDate();
        if (person.closedOn() != null && (type == AppointmentType.ASSESSMENT || person.followUpUntil() == null || today.isAfter(person.followUpUntil()))) {
            throw new InvalidInputException("referral", "This person's episode was discharged on " + LimberTime.DAY.format(person.closedOn())
                    + (person.followUpUntil() == null ? "" : "; a follow-up could be booked until " + LimberTime.DAY.format(person.followUpUntil()))
                    + ". Nothing was booked.");
        }
        if (type == AppointmentType.ASSESSMENT) {
            repository.ofReferral(referral.value()).stream()
                    .filter(a -> a.type().equals(AppointmentType.ASSESSMENT.name()) && a.status() == AppointmentOutcome.BOOKED).findFirst()
                    .ifPresent(a -> {
                        throw new InvalidInputException("referral", person.name() + " already has an assessment booked on "
                                + DAY.format(a.date()) + " at " + InstanceJson.time(a.start()) + ": cancel that one to book another");
                    });
        }
        UUID appointment = UUID.randomUUID();
        if (!repository.take(slot.id(), appointment)) {
            throw new ConflictException("slot", "Someone else booked the slot at " + InstanceJson.time(slot.start()) + " on "
                    + DAY.format(slot.date()) + " with " + slot.clinicianName() + " first; nothing was booked. Choose another slot.",
                    Map.of("slot", slot.id(), "date", slot.date().toString(), "start", InstanceJson.time(slot.start())));
        }
        repository.insertAppointment(appointment, slot, referral.value(), person.patientId(), actor.username(), clock.instant());
        hold(appointment, slot, person);
        if (person.patientId() != null) {
            audit.allowed(person.patientId(), AuditAction.CREATE, "Appointment", appointment.toString());
        }
        Booking booked = repository.appointment(appointment).orElseThrow().toBooking();
        notices.remind(booked);
        return booked;
    }

    /** The clinician, room and person, every 5 minutes of the slot; any one already held refuses the booking. */
    private void hold(UUID appointment, SlotRow slot, ReferralRow person) {
        List<String> resources = new ArrayList<>(List.of("clinician:" + slot.clinician()));
        if (slot.roomId() != null) {
            resources.add("room:" + slot.roomId());
        }
        resources.add(person.patientId() != null ? "patient:" + person.patientId() : "referral:" + person.referralId());
        for (String resource : resources) {
            for (int minute = slot.start(); minute < slot.end(); minute += ClinicDay.SLOT) {
                try {
                    repository.hold(resource, slot.date(), minute, appointment);
                } catch (DuplicateKeyException e) {
                    String who = switch (resource.substring(0, resource.indexOf(':'))) {
                        case "clinician" -> slot.clinicianName();
                        case "room" -> "the room " + slot.roomName();
                        default -> person.name();
                    };
                    throw new ConflictException("slot", who + " is already booked at " + InstanceJson.time(minute) + " on "
                            + DAY.format(slot.date()) + "; nothing was booked. Choose another slot.", Map.of("slot", slot.id()));
                }
            }
        }
    }

    /** Appointments on a day at the signed-in person's ICBs; a clinician sees their own unless {@code everyone}. */
    @Transactional(readOnly = true)
    public List<Booking> onDay(LocalDate day, boolean everyone) {
        Actor actor = StaffAccess.require(currentActor, STAFF, null, "appointments");
        if (actor.servedIcbs().isEmpty()) {
            return List.of();
        }
        return repository.onDay(actor.servedIcbs(), day, everyone ? null : actor.username()).stream().map(AppointmentRow::toBooking).toList();
    }

    /** A person's 1:1 appointments for their referral, earliest first (staff). */
    @Transactional(readOnly = true)
    public List<Booking> ofReferral(ReferralId referral) {
        referralRow(referral);
        return repository.ofReferral(referral.value()).stream().map(AppointmentRow::toBooking).toList();
    }

    /** One appointment: for staff of its ICB, or the person it is for; anyone else is told it does not exist. Audited (a write). */
    public Booking read(AppointmentId id) {
        AppointmentRow row = visible(id);
        if (row.patientId() != null) {
            audit.allowed(row.patientId(), AuditAction.READ, "Appointment", id.toString());
        }
        return row.toBooking();
    }

    /** Whether the id is a 1:1 appointment's (rather than a one-stop clinic day's). */
    @Transactional(readOnly = true)
    public boolean isOneToOne(AppointmentId id) {
        return repository.appointment(id.value()).isPresent();
    }

    /** The signed-in person's own appointments, earliest first. */
    @Transactional(readOnly = true)
    public List<Booking> mine() {
        Actor actor = currentActor.get();
        if (!actor.isPatient()) {
            throw new AccessDeniedException("Only for the person themselves");
        }
        return repository.ofPatient(actor.patientId()).stream().map(AppointmentRow::toBooking).toList();
    }

    /** What happened, by staff of the ICB: (not) attended from the start, or cancelled with why; once, from the version they saw. */
    public Booking recordOutcome(AppointmentId id, long version, AppointmentOutcome outcome, String reason) {
        if (outcome == null || outcome == AppointmentOutcome.BOOKED) {
            throw new InvalidInputException("outcome", "Select what happened");
        }
        AppointmentRow row = repository.appointment(id.value()).orElseThrow(() -> new NotFoundException("appointment"));
        StaffAccess.require(currentActor, STAFF, row.icbCode(), "appointment");
        String why = reason(outcome.isCancellation(), reason);
        if (!outcome.isCancellation()) {
            LocalDateTime start = row.date().atStartOfDay().plusMinutes(row.start());
            if (start.isAfter(LocalDateTime.now(clock.withZone(LimberTime.ZONE)))) {
                throw new InvalidInputException("outcome", (outcome == AppointmentOutcome.DID_NOT_ATTEND ? "A did-not-attend" : "Attendance")
                        + " can be recorded only from the appointment's start (" + DAY.format(row.date()) + " at " + InstanceJson.time(row.start()) + ")");
            }
        }
        return record(row, version, outcome, why);
    }

    /** The person cancels their own appointment, saying why; the slot is free again at once. */
    public Booking cancelByPatient(AppointmentId id, long version, String reason) {
        AppointmentRow row = own(id);
        return record(row, version, AppointmentOutcome.CANCELLED_BY_PATIENT, reason(true, reason));
    }

    /** The person confirms they will come, or asks to change the time (saying what suits them). */
    public Booking respond(AppointmentId id, long version, boolean confirm, String comment) {
        AppointmentRow row = own(id);
        String text = comment == null ? "" : comment.strip();
        if (!confirm && text.isEmpty()) {
            throw new InvalidInputException("comment", "Tell us which days or times suit you better");
        }
        if (text.length() > 500) {
            throw new InvalidInputException("comment", "Keep it to 500 characters or fewer");
        }
        if (row.status() != AppointmentOutcome.BOOKED) {
            throw new InvalidInputException("appointment", "This appointment is " + row.status().label().toLowerCase() + ": there is nothing to confirm or change");
        }
        if (!repository.respond(row.id(), version, confirm ? "CONFIRMED" : "CHANGE_REQUESTED", text.isEmpty() ? null : text)) {
            throw stale(row.id());
        }
        audit.allowed(row.patientId(), AuditAction.UPDATE, "Appointment", id.toString());
        return repository.appointment(row.id()).orElseThrow().toBooking();
    }

    /** The service cancels a booked appointment: the person was discharged, or the session was cancelled. */
    void cancelByService(UUID appointment, String why) {
        AppointmentRow row = repository.appointment(appointment).orElseThrow();
        record(row, row.version(), AppointmentOutcome.CANCELLED_BY_SERVICE, why);
    }


    private Booking record(AppointmentRow row, long version, AppointmentOutcome outcome, String why) {
        if (version != row.version()) {
            throw stale(row.id());
        }
        if (row.status() != AppointmentOutcome.BOOKED) {
            throw new InvalidInputException("outcome", "This appointment is already recorded as " + row.status().label().toLowerCase());
        }
        Actor actor = currentActor.find().orElse(null);
        if (!repository.recordOutcome(row.id(), version, outcome, why, actor == null ? "system" : actor.username(), clock.instant())) {
            throw stale(row.id());
        }
        if (outcome.isCancellation()) {
            repository.release(row.slotId(), row.id());
            repository.freeHolds(row.id());
            notices.withdraw(row.id());
        }
        if (row.patientId() != null) {
            audit.allowed(row.patientId(), AuditAction.UPDATE, "Appointment", row.id().toString());
        }
        boolean first = !repository.seenOrMissedBefore(row.referralId(), row.date(), row.id());
        events.publishEvent(new AppointmentRecorded(AppointmentId.of(row.id()), ReferralId.of(row.referralId()), row.reference(), row.providerCode(),
                AppointmentType.ASSESSMENT.name().equals(row.type()) ? "PHYSIO" : "PHYSIO_FOLLOW_UP", row.date(), outcome, first,
                AppointmentRecorded.Setting.ONE_TO_ONE));
        return repository.appointment(row.id()).orElseThrow().toBooking();
    }

    private ConflictException stale(UUID id) {
        Booking now = repository.appointment(id).orElseThrow().toBooking();
        return new ConflictException("version", "This appointment was changed since you opened it (it is now "
                + now.status().label().toLowerCase() + "); nothing you sent was saved", now);
    }

    private static String reason(boolean required, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (required && why.isEmpty()) {
            throw new InvalidInputException("reason", "Enter why the appointment was cancelled");
        }
        if (why.length() > 500) {
            throw new InvalidInputException("reason", "The reason must be 500 characters or fewer");
        }
        return why.isEmpty() ? null : why;
    }

    /** The appointment as an iCalendar event (RFC 5545), for the person's own calendar (or staff of its ICB). */
    @Transactional(readOnly = true)
    public String calendar(AppointmentId id) {
        return notices.calendar(visible(id).toBooking());
    }

    /** The appointment if the signed-in person may see it: staff of its ICB, or the person it is for. */
    private AppointmentRow visible(AppointmentId id) {
        Actor actor = currentActor.get();
        AppointmentRow row = repository.appointment(id.value()).orElseThrow(() -> new NotFoundException("appointment"));
        if (actor.isPatient() ? !actor.isPatient(row.patientId()) : !(STAFF.contains(actor.role()) && actor.serves(row.icbCode()))) {
            throw new NotFoundException("appointment");
        }
        return row;
    }

    /** The person's own appointment; another person's is "not found". */
    private AppointmentRow own(AppointmentId id) {
        Actor actor = currentActor.get();
        if (!actor.isPatient()) {
            throw new AccessDeniedException("Only the person the appointment is for can do this");
        }
        AppointmentRow row = repository.appointment(id.value()).orElseThrow(() -> new NotFoundException("appointment"));
        if (!actor.isPatient(row.patientId())) {
            throw new NotFoundException("appointment");
        }
        return row;
    }

    private ReferralRow referralRow(ReferralId referral) {
        Actor actor = StaffAccess.require(currentActor, STAFF, null, "referral");
        if (referral == null) {
            throw new InvalidInputException("referral", "Choose the person to book");
        }
        return repository.referral(referral.value()).filter(r -> actor.serves(r.icbCode()))
                .orElseThrow(() -> new NotFoundException("referral waiting for physiotherapy"));
    }

    private static Waiting waitingOf(ReferralRow r, LocalDate today) {
        return new Waiting(ReferralId.of(r.referralId()), r.reference(), r.icbCode(), r.name(), r.birthDate(), r.nhsNumber(), r.priority(), r.receivedOn(),
                java.time.temporal.ChronoUnit.DAYS.between(r.receivedOn(), today), r.language(), r.interpreterNeeded(), r.stepFree(), r.preferredHubId());
    }

    private static Slot slotOf(SlotRow s) {
        return new Slot(s.id(), s.date(), InstanceJson.time(s.start()), InstanceJson.time(s.end()), AppointmentType.valueOf(s.type()), SessionMode.valueOf(s.mode()),
                s.hubId(), s.hubName(), s.roomName(), s.clinicianName(), s.languages());
    }

}

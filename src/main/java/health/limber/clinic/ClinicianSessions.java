package health.limber.clinic;

import health.limber.clinic.SessionMode;
import health.limber.clinic.AppointmentType;
import health.limber.clinic.internal.OneToOneRepository;
import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.platform.InvalidInputException;
import health.limber.platform.NotFoundException;
import health.limber.platform.LimberTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clinicians' sessions for 1:1 appointments: a clinician's hours at a hub (in a room) or on the
 * telephone or video, cut into slots of one appointment type, whose length the service configures
 * ({@code limber.appointments.assessment-minutes}, default 45; {@code follow-up-minutes}, 30).
 * {@link OneToOneAppointments} books people into the slots.
 */
@Service
@Transactional
public class ClinicianSessions {

    private static final int EARLIEST = 7 * 60;
    private static final int LATEST = 21 * 60;

    /** A session to set up: at a hub (with a room) or remote, for an ICB, of one appointment type. */
    public record NewSession(String icbCode, UUID hubId, UUID roomId, SessionMode mode, String clinician, String clinicianName, String languages,
                             LocalDate date, int start, int end, AppointmentType type) {}

    private final OneToOneRepository repository;
    private final Hubs hubs;
    private final Clock clock;
    private final CurrentActor currentActor;
    private final Map<AppointmentType, Integer> minutes;
    private final OneToOneAppointments appointments;

    ClinicianSessions(OneToOneRepository repository, Hubs hubs, Clock clock, CurrentActor currentActor, OneToOneAppointments appointments,
                      @Value("${limber.appointments.assessment-minutes:45}") int assessmentMinutes,
                      @Value("${limber.appointments.follow-up-minutes:30}") int followUpMinutes) {
        this.repository = repository;
        this.hubs = hubs;
        this.clock = clock;
        this.currentActor = currentActor;
        this.appointments = appointments;
        this.minutes = Map.of(AppointmentType.ASSESSMENT, assessmentMinutes, AppointmentType.FOLLOW_UP, followUpMinutes);
    }

    /** How long an appointment of the type is. */
    public int minutesOf(AppointmentType type) {
        return minutes.get(type);
    }

    /**
     * Sets up a session and its slots. A clinician sets up their own; a service manager names the
     * clinician. In person needs a hub of the ICB (and a room of that hub, if any); remote needs only
     * the ICB. A clinician cannot have two sessions at once.
     */
    public UUID createSession(NewSession s) {
        Actor actor = StaffAccess.require(currentActor, OneToOneAppointments.STAFF, null, "session");
        if (s.mode() == null) {
            throw new InvalidInputException("mode", "Choose at a hub, telephone or video");
        }
        if (s.type() == null) {
            throw new InvalidInputException("type", "Choose assessments or follow-ups");
        }
        String icb;
        UUID roomId = null;
        if (s.mode() == SessionMode.IN_PERSON) {
            Hub hub = s.hubId() == null ? null : hubs.find(s.hubId()).filter(h -> actor.serves(h.icbCode())).orElse(null);
            if (hub == null) {
                throw new InvalidInputException("hub", "Select a hub of your ICBs for a session in person");
            }
            if (s.roomId() != null) {
                roomId = hub.rooms().stream().map(Hub.Room::id).filter(s.roomId()::equals).findFirst()
                        .orElseThrow(() -> new InvalidInputException("room", "Select a room of " + hub.name()));
            }
            icb = hub.icbCode();
        } else {
            icb = s.icbCode();
            if (icb == null || !actor.serves(icb)) {
                throw new InvalidInputException("icb", "Select one of your ICBs for a remote session");
            }
        }
        String clinician = actor.role() == Role.CLINICIAN || s.clinician() == null || s.clinician().isBlank() ? actor.username() : s.clinician().strip();
        String clinicianName = clinician.equals(actor.username()) ? actor.displayName()
                : s.clinicianName() == null || s.clinicianName().isBlank() ? clinician : s.clinicianName().strip();
        LocalDate today = LimberTime.today(clock);
        if (s.date() == null) {
            throw new InvalidInputException("date", "Enter the date of the session");
        }
        if (s.date().isBefore(today)) {
            throw new InvalidInputException("date", "The session must be today or later");
        }
        if (s.start() < EARLIEST || s.end() > LATEST) {
            throw new InvalidInputException("start", "Sessions run between 07:00 and 21:00");
        }
        int length = minutesOf(s.type());
        if (s.end() - s.start() < length) {
            throw new InvalidInputException("end", "The session must be long enough for one " + s.type().label().toLowerCase()
                    + " (" + length + " minutes)");
        }
        if (repository.overlapping(clinician, s.date(), s.start(), s.end()) > 0) {
            throw new InvalidInputException("start", clinicianName + " already has a session at that time on " + LimberTime.DAY.format(s.date()));
        }
        String languages = normaliseLanguages(s.languages());
        UUID id = UUID.randomUUID();
        repository.insertSession(new OneToOneRepository.SessionRow(id, icb, actor.organisationCode(), s.mode() == SessionMode.IN_PERSON ? s.hubId() : null,
                roomId, s.mode().name(), clinician, clinicianName, languages, s.date(), s.start(), s.end(), s.type().name(), length), actor.username(),
                clock.instant());
        return id;
    }

    /** Sessions at the signed-in person's ICBs from a day, for two weeks. */
    @Transactional(readOnly = true)
    public List<OneToOneRepository.Session> sessions(LocalDate from) {
        Actor actor = StaffAccess.require(currentActor, OneToOneAppointments.STAFF, null, "session");
        return actor.servedIcbs().isEmpty() ? List.of() : repository.sessions(actor.servedIcbs(), from, from.plusDays(13));
    }

    /**
     * Cancels a session (the clinician is off): every appointment booked in it is cancelled by the
     * service with the reason, so those people are back on the 1:1 list, and its slots are no longer
     * offered. A clinician cancels their own sessions; a service manager any of their ICBs'.
     */
    public int cancel(UUID sessionId, String reason) {
        Actor actor = StaffAccess.require(currentActor, OneToOneAppointments.STAFF, null, "session");
        OneToOneRepository.Session session = repository.session(sessionId).filter(s -> actor.serves(s.icbCode()))
                .orElseThrow(() -> new NotFoundException("session"));
        if (actor.role() == Role.CLINICIAN && !session.clinician().equals(actor.username())) {
            throw new AccessDeniedException("A clinician cancels only their own sessions; ask a service manager");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new InvalidInputException("reason", "Enter why the session is cancelled (up to 500 characters)");
        }
        if (!repository.cancelSession(sessionId, why, clock.instant())) {
            throw new InvalidInputException("session", "This session was already cancelled");
        }
        List<UUID> booked = repository.bookedIn(sessionId);
        booked.forEach(appointment -> appointments.cancelByService(appointment, "Session cancelled: " + why));
        return booked.size();
    }

    private static String normaliseLanguages(String languages) {
        String text = languages == null || languages.isBlank() ? "en" : languages;
        List<String> codes = Arrays.stream(text.toLowerCase(Locale.ROOT).split("[,\\s]+")).filter(c -> !c.isBlank()).distinct().toList();
        for (String code : codes) {
            if (!code.matches("[a-z]{2,3}")) {
                throw new InvalidInputException("languages", "Give languages as two- or three-letter codes separated by commas, for example en, pl, ur");
            }
        }
        return String.join(",", codes);
    }
}

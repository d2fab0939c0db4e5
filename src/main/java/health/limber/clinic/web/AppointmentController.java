package health.limber.clinic.web;

import health.limber.clinic.AppointmentId;
import health.limber.clinic.AppointmentOutcome;
import health.limber.clinic.Hubs;
import health.limber.clinic.ClinicianSessions;
import health.limber.clinic.OneToOneAppointments;
import health.limber.clinic.OneToOneAppointments.Booking;
import health.limber.clinic.SessionMode;
import health.limber.clinic.AppointmentType;
import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.patient.PatientId;
import health.limber.patient.PatientManagement;
import health.limber.platform.ConflictException;
import health.limber.platform.InvalidInputException;
import health.limber.platform.LimberTime;
import health.limber.referral.ReferralId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 1:1 appointments for staff: the day's appointments with their outcomes, the people waiting in the
 * list's order, booking one of them into the earliest slot that fits, and setting up sessions.
 */
@Controller
@RequestMapping("/appointments")
class AppointmentController {

    private final OneToOneAppointments appointments;
    private final ClinicianSessions sessions;
    private final Hubs hubs;
    private final CurrentActor currentActor;
    private final PatientManagement patients;
    private final Clock clock;

    AppointmentController(OneToOneAppointments appointments, ClinicianSessions sessions, Hubs hubs, CurrentActor currentActor, PatientManagement patients, Clock clock) {
        this.appointments = appointments;
        this.sessions = sessions;
        this.patients = patients;
        this.hubs = hubs;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) String day, @RequestParam(required = false) String icb,
                @RequestParam(defaultValue = "false") boolean everyone, Model model) {
        Actor actor = currentActor.get();
        LocalDate today = LimberTime.today(clock);
        LocalDate shown = parse(day, today);
        List<String> icbs = List.copyOf(new TreeSet<>(actor.servedIcbs()));
        String chosenIcb = icb != null && icbs.contains(icb) ? icb : icbs.isEmpty() ? null : icbs.get(0);
        boolean all = everyone || actor.role() != Role.CLINICIAN;
        model.addAttribute("day", shown);
        model.addAttribute("today", today);
        model.addAttribute("everyone", all);
        model.addAttribute("appointments", appointments.onDay(shown, all));
        model.addAttribute("icbs", icbs);
        model.addAttribute("icb", chosenIcb);
        model.addAttribute("waiting", chosenIcb == null ? List.of() : appointments.waiting(chosenIcb, 25));
        return "clinic/appointments";
    }

    @GetMapping("/sessions")
    String sessions(@RequestParam(required = false) String from, Model model) {
        Actor actor = currentActor.get();
        LocalDate start = parse(from, LimberTime.today(clock));
        model.addAttribute("from", start);
        model.addAttribute("sessions", sessions.sessions(start));
        model.addAttribute("hubs", hubs.inIcbs(actor.servedIcbs()));
        model.addAttribute("icbs", new TreeSet<>(actor.servedIcbs()));
        model.addAttribute("isManager", actor.role() == Role.SERVICE_MANAGER);
        model.addAttribute("minutes", Map.of("ASSESSMENT", sessions.minutesOf(AppointmentType.ASSESSMENT), "FOLLOW_UP", sessions.minutesOf(AppointmentType.FOLLOW_UP)));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("date", LimberTime.today(clock).plusDays(1).toString(), "start", "09:00", "end", "12:30",
                    "languages", "en", "mode", "IN_PERSON", "type", "ASSESSMENT"));
        }
        return "clinic/sessions";
    }

    @PostMapping("/sessions")
    String createSession(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            SessionMode mode = choice(form.get("mode"), SessionMode.class, "mode", "Choose where the session is held");
            UUID hub = null;
            UUID room = null;
            String place = form.getOrDefault("place", "");
            if (mode == SessionMode.IN_PERSON) {
                if (!place.contains(":")) {
                    throw new InvalidInputException("place", "Choose a hub and room for a session in person");
                }
                hub = UUID.fromString(place.substring(0, place.indexOf(':')));
                room = place.endsWith(":") ? null : UUID.fromString(place.substring(place.indexOf(':') + 1));
            }
            LocalDate date;
            try {
                date = LocalDate.parse(form.getOrDefault("date", "").strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("date", "Enter the date of the session, for example 2027-01-04");
            }
            sessions.createSession(new ClinicianSessions.NewSession(form.get("icb"), hub, room, mode, form.get("clinician"), form.get("clinicianName"),
                    form.get("languages"), date, ClinicDayController.time(form.get("start"), "start"), ClinicDayController.time(form.get("end"), "end"),
                    choice(form.get("type"), AppointmentType.class, "type", "Choose assessments or follow-ups")));
            redirect.addFlashAttribute("done", "Session set up: its slots can be booked now.");
            return "redirect:/appointments/sessions?from=" + date;
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", Map.of(e.field(), e.getMessage()));
            redirect.addFlashAttribute("form", new LinkedHashMap<>(form));
            return "redirect:/appointments/sessions";
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("errors", Map.of("place", "Choose a hub and room from the list"));
            redirect.addFlashAttribute("form", new LinkedHashMap<>(form));
            return "redirect:/appointments/sessions";
        }
    }

    @PostMapping("/sessions/{id}/cancel")
    String cancelSession(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, @RequestParam(required = false) String from,
                         RedirectAttributes redirect) {
        try {
            int cancelled = sessions.cancel(id, reason);
            redirect.addFlashAttribute("done", "Session cancelled. " + (cancelled == 0 ? "Nobody was booked in it."
                    : cancelled + (cancelled == 1 ? " appointment was" : " appointments were") + " cancelled; those people are back on the 1:1 list."));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", Map.of(e.field(), e.getMessage()));
        }
        return "redirect:/appointments/sessions" + (from == null ? "" : "?from=" + from);
    }

    @GetMapping("/book")
    String book(@RequestParam UUID referral, @RequestParam(required = false) String type, @RequestParam(required = false) String mode, Model model) {
        OneToOneAppointments.Waiting person = appointments.person(ReferralId.of(referral));
        AppointmentType chosen = "FOLLOW_UP".equals(type) ? AppointmentType.FOLLOW_UP : AppointmentType.ASSESSMENT;
        String modeFilter = "IN_PERSON".equals(mode) || "REMOTE".equals(mode) ? mode : null;
        model.addAttribute("person", person);
        model.addAttribute("type", chosen);
        model.addAttribute("mode", modeFilter);
        model.addAttribute("slots", appointments.find(ReferralId.of(referral), chosen, modeFilter, 8));
        model.addAttribute("booked", appointments.ofReferral(ReferralId.of(referral)));
        model.addAttribute("hubs", hubs.inIcbs(List.of(person.icbCode())));
        return "clinic/book";
    }

    @PostMapping("/book")
    String bookSlot(@RequestParam UUID referral, @RequestParam(required = false) UUID slot, RedirectAttributes redirect) {
        try {
            Booking booked = appointments.book(ReferralId.of(referral), slot);
            redirect.addFlashAttribute("done", "Booked: " + booked.name() + ", " + booked.type().label().toLowerCase() + " on " + booked.when()
                    + ". A reminder goes to them two days before.");
            return "redirect:/appointments/" + booked.id();
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/appointments/book?referral=" + referral;
        }
    }

    @PostMapping("/book/hub")
    String preferHub(@RequestParam UUID referral, @RequestParam(required = false) String hub, RedirectAttributes redirect) {
        try {
            appointments.preferHub(ReferralId.of(referral), hub == null || hub.isBlank() ? null : UUID.fromString(hub));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/appointments/book?referral=" + referral;
    }

    @GetMapping("/{id}")
    String appointment(@PathVariable UUID id, Model model) {
        Booking booking = appointments.read(AppointmentId.of(id));
        model.addAttribute("a", booking);
        model.addAttribute("banner", booking.patientId() == null ? null : patients.banner(PatientId.of(booking.patientId())));
        model.addAttribute("started", !booking.date().atStartOfDay().plusMinutes(minutes(booking.start()))
                .isAfter(java.time.LocalDateTime.now(clock.withZone(LimberTime.ZONE))));
        return "clinic/appointment";
    }

    @PostMapping("/{id}/outcome")
    String outcome(@PathVariable UUID id, @RequestParam long version, @RequestParam(required = false) String outcome,
                   @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        try {
            AppointmentOutcome chosen = choice(outcome, AppointmentOutcome.class, "outcome", "Select what happened");
            Booking recorded = appointments.recordOutcome(AppointmentId.of(id), version, chosen, reason);
            redirect.addFlashAttribute("done", "Recorded: " + recorded.status().label().toLowerCase() + ".");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/appointments/" + id;
    }

    private static int minutes(String time) {
        return Integer.parseInt(time.substring(0, 2)) * 60 + Integer.parseInt(time.substring(3, 5));
    }

    private static LocalDate parse(String text, LocalDate otherwise) {
        try {
            return text == null || text.isBlank() ? otherwise : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return otherwise;
        }
    }

    private static <E extends Enum<E>> E choice(String value, Class<E> type, String field, String message) {
        try {
            return Enum.valueOf(type, value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, message);
        }
    }
}

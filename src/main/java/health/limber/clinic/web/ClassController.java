package health.limber.clinic.web;

import health.limber.clinic.ClassCourse;
import health.limber.clinic.GroupClasses;
import health.limber.clinic.Hubs;
import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.platform.InvalidInputException;
import health.limber.referral.ReferralId;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Group classes at hubs: courses, bookings and waiting lists, the register. */
@Controller
@RequestMapping("/classes")
class ClassController {

    private final GroupClasses classes;
    private final Hubs hubs;
    private final CurrentActor currentActor;
    private final Clock clock;

    ClassController(GroupClasses classes, Hubs hubs, CurrentActor currentActor, Clock clock) {
        this.classes = classes;
        this.hubs = hubs;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        Actor actor = currentActor.get();
        model.addAttribute("courses", classes.list());
        model.addAttribute("hubs", hubs.inIcbs(actor.servedIcbs()));
        model.addAttribute("canCreate", actor.role() == Role.SERVICE_MANAGER);
        model.addAttribute("today", LocalDate.now(clock));
        return "clinic/classes";
    }

    @PostMapping
    String create(@RequestParam(required = false) String room, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String firstDate,
                  @RequestParam(defaultValue = "6") String weeks, @RequestParam(defaultValue = "10:00") String start,
                  @RequestParam(defaultValue = "60") String minutes, @RequestParam(defaultValue = "12") String capacity,
                  RedirectAttributes redirect) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("room", room == null ? "" : room);
        form.put("name", name);
        form.put("description", description);
        form.put("firstDate", firstDate);
        form.put("weeks", weeks);
        form.put("start", start);
        form.put("minutes", minutes);
        form.put("capacity", capacity);
        try {
            if (room == null || !room.contains(":")) {
                throw new InvalidInputException("room", "Select a hub and room");
            }
            UUID hub = UUID.fromString(room.substring(0, room.indexOf(':')));
            UUID roomId = UUID.fromString(room.substring(room.indexOf(':') + 1));
            LocalDate first;
            try {
                first = LocalDate.parse(firstDate.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidInputException("firstDate", "Enter the date of the first session, for example 2025-03-03");
            }
            UUID id = classes.create(hub, roomId, name, description, first, ClinicDayController.number(weeks, "weeks"),
                    ClinicDayController.time(start, "start"), ClinicDayController.number(minutes, "minutes"),
                    ClinicDayController.number(capacity, "capacity"));
            return "redirect:/classes/" + id;
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", Map.of(e.field(), e.getMessage()));
            redirect.addFlashAttribute("form", form);
            return "redirect:/classes";
        }
    }

    @GetMapping("/{id}")
    String course(@PathVariable UUID id, @RequestParam(required = false) Integer session, Model model) {
        ClassCourse course = classes.read(id);
        model.addAttribute("course", course);
        model.addAttribute("waitingReferrals", classes.referralsWaiting(course.hub().icbCode()));
        int today = (int) java.util.stream.IntStream.rangeClosed(1, course.weeks())
                .filter(n -> !course.sessionDate(n).isAfter(LocalDate.now(clock))).count();
        model.addAttribute("registerSession", session != null ? session : Math.max(1, today));
        model.addAttribute("sessionsSoFar", today);
        model.addAttribute("time", (java.util.function.IntFunction<String>) health.limber.clinic.planner.InstanceJson::time);
        return "clinic/class";
    }

    @PostMapping("/{id}/bookings")
    String book(@PathVariable UUID id, @RequestParam(required = false) UUID referral, RedirectAttributes redirect) {
        try {
            if (referral == null) {
                throw new InvalidInputException("referral", "Select who to book");
            }
            ClassCourse.Status status = classes.book(id, ReferralId.of(referral));
            redirect.addFlashAttribute("done", status == ClassCourse.Status.BOOKED ? "Booked: a place is theirs."
                    : "The course is full: they are on the waiting list and will get the next free place.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/classes/" + id;
    }

    @PostMapping("/{id}/bookings/{booking}/cancel")
    String cancel(@PathVariable UUID id, @PathVariable UUID booking, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        try {
            classes.cancel(id, booking, reason);
            redirect.addFlashAttribute("done", "Cancelled. If someone was waiting, the place is now theirs.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/classes/" + id;
    }

    @PostMapping("/{id}/register")
    String register(@PathVariable UUID id, @RequestParam int session, @RequestParam(required = false) List<UUID> attended,
                    RedirectAttributes redirect) {
        try {
            classes.register(id, session, new HashSet<>(attended == null ? List.of() : attended));
            redirect.addFlashAttribute("done", "Register for session " + session + " saved.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/classes/" + id + "?session=" + session + "#register";
    }
}

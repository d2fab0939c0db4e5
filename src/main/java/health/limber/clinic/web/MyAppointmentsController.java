package health.limber.clinic.web;

import health.limber.clinic.AppointmentId;
import health.limber.clinic.OneToOneAppointments;
import health.limber.clinic.OneToOneAppointments.Booking;
import health.limber.platform.ConflictException;
import health.limber.platform.InvalidInputException;
import health.limber.platform.LimberTime;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The person's own 1:1 appointments: see them, confirm, ask to change, cancel, add to a calendar. */
@Controller
class MyAppointmentsController {

    private final OneToOneAppointments appointments;
    private final Clock clock;

    MyAppointmentsController(OneToOneAppointments appointments, Clock clock) {
        this.appointments = appointments;
        this.clock = clock;
    }

    @GetMapping("/my/appointments")
    String mine(Model model) {
        LocalDate today = LimberTime.today(clock);
        List<Booking> all = appointments.mine();
        model.addAttribute("coming", all.stream().filter(b -> !b.date().isBefore(today) && b.status().name().equals("BOOKED")).toList());
        List<Booking> past = new java.util.ArrayList<>(all.stream().filter(b -> b.date().isBefore(today) || !b.status().name().equals("BOOKED")).toList());
        java.util.Collections.reverse(past);
        model.addAttribute("past", past);
        return "clinic/my-appointments";
    }

    @PostMapping("/my/appointments/{id}/respond")
    String respond(@PathVariable UUID id, @RequestParam long version, @RequestParam(defaultValue = "") String answer,
                   @RequestParam(defaultValue = "") String comment, RedirectAttributes redirect) {
        try {
            switch (answer) {
                case "confirm" -> {
                    appointments.respond(AppointmentId.of(id), version, true, null);
                    redirect.addFlashAttribute("done", "Thank you. We have told the team you are coming.");
                }
                case "change" -> {
                    appointments.respond(AppointmentId.of(id), version, false, comment);
                    redirect.addFlashAttribute("done", "Thank you. The team will contact you to offer another time. Until then, this appointment stays booked.");
                }
                case "cancel" -> {
                    appointments.cancelByPatient(AppointmentId.of(id), version, comment);
                    redirect.addFlashAttribute("done", "Your appointment is cancelled. You stay on the waiting list: the team will offer you another one.");
                }
                default -> throw new InvalidInputException("answer", "Choose whether you can come, need another time, or want to cancel");
            }
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            redirect.addFlashAttribute("problemFor", id);
        }
        return "redirect:/my/appointments";
    }

    @GetMapping("/my/appointments/{id}.ics")
    ResponseEntity<byte[]> calendar(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("appointment.ics").build().toString())
                .body(appointments.calendar(AppointmentId.of(id)).getBytes(StandardCharsets.UTF_8));
    }
}

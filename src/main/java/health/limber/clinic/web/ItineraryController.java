package health.limber.clinic.web;

import health.limber.clinic.internal.Itineraries;
import health.limber.clinic.internal.Itinerary;
import health.limber.identity.CurrentActor;
import health.limber.platform.InvalidInputException;
import health.limber.platform.LimberTime;
import health.limber.platform.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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

/** The patient's own one-stop visit: itinerary, confirm or ask to change, add to a calendar. */
@Controller
class ItineraryController {

    private static final ZoneId LONDON = LimberTime.ZONE;
    private static final DateTimeFormatter ICS_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final Itineraries itineraries;
    private final CurrentActor currentActor;
    private final Clock clock;

    ItineraryController(Itineraries itineraries, CurrentActor currentActor, Clock clock) {
        this.itineraries = itineraries;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @GetMapping("/my/clinic-day")
    String itinerary(Model model) {
        model.addAttribute("itineraries", itineraries.of(currentActor.get().patientId()));
        return "clinic/itinerary";
    }

    @PostMapping("/my/clinic-day/{day}/respond")
    String respond(@PathVariable UUID day, @RequestParam(defaultValue = "") String answer, @RequestParam(required = false) String comment,
                   RedirectAttributes redirect) {
        try {
            if (!answer.equals("confirm") && !answer.equals("change")) {
                throw new InvalidInputException("answer", "Select whether you can come or need to change the time");
            }
            itineraries.respond(currentActor.get().patientId(), day, answer.equals("confirm"), comment);
            redirect.addFlashAttribute("done", answer.equals("confirm") ? "Thank you. We have told the team you are coming."
                    : "Thank you. The team will contact you to offer another time.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            redirect.addFlashAttribute("comment", comment);
        }
        return "redirect:/my/clinic-day";
    }

    @GetMapping("/my/clinic-day/{day}.ics")
    ResponseEntity<byte[]> calendar(@PathVariable UUID day) {
        Itinerary itinerary = itineraries.of(currentActor.get().patientId()).stream()
                .filter(i -> i.clinicDayId().equals(day)).findFirst().orElseThrow(() -> new NotFoundException("itinerary " + day));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("clinic-visit-" + itinerary.day() + ".ics").build().toString())
                .body(ics(itinerary).getBytes(StandardCharsets.UTF_8));
    }

    /** The visit as an iCalendar file (RFC 5545): one event per appointment, times in UTC. */
    String ics(Itinerary itinerary) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Limber//One-stop clinic//EN");
        line(ics, "CALSCALE:GREGORIAN");
        String stamp = clock.instant().atOffset(ZoneOffset.UTC).format(ICS_TIME);
        String where = itinerary.hub().name() + ", " + itinerary.hub().addressLine() + ", " + itinerary.hub().town() + " " + itinerary.hub().postcode();
        for (Itinerary.Stop stop : itinerary.stops()) {
            line(ics, "BEGIN:VEVENT");
            line(ics, "UID:" + stop.appointmentId() + "@limber");
            line(ics, "DTSTAMP:" + stamp);
            line(ics, "DTSTART:" + utc(itinerary, stop.start()));
            line(ics, "DTEND:" + utc(itinerary, stop.end()));
            line(ics, "SUMMARY:" + escape(stop.service() + " with " + stop.practitioner()));
            line(ics, "LOCATION:" + escape(stop.room() + ", " + where));
            line(ics, "DESCRIPTION:" + escape("You will see the " + stop.service().toLowerCase() + " " + stop.purpose() + "."));
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    private static String utc(Itinerary itinerary, int minutes) {
        return itinerary.day().atTime(minutes / 60, minutes % 60).atZone(LONDON).withZoneSameInstant(ZoneOffset.UTC).format(ICS_TIME);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    /** Adds a content line, folded at 75 octets as RFC 5545 asks. */
    private static void line(StringBuilder ics, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        boolean first = true;
        while (start < bytes.length) {
            int limit = first ? 75 : 74;
            int end = Math.min(bytes.length, start + limit);
            while (end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
                end--;
            }
            ics.append(first ? "" : " ").append(new String(bytes, start, end - start, StandardCharsets.UTF_8)).append("\r\n");
            start = end;
            first = false;
        }
    }
}

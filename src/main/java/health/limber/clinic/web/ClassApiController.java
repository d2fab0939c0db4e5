package health.limber.clinic.web;

import health.limber.clinic.ClassCourse;
import health.limber.clinic.GroupClasses;
import health.limber.clinic.planner.InstanceJson;
import health.limber.platform.InvalidInputException;
import health.limber.referral.ReferralId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Group classes over HTTP: courses, bookings (a retried booking books once) and registers. */
@RestController
@RequestMapping("/api/classes")
@Tag(name = "Group classes", description = "Courses at hubs, bookings with a waiting list, attendance registers")
class ClassApiController {

    private final GroupClasses classes;

    ClassApiController(GroupClasses classes) {
        this.classes = classes;
    }

    record CreateRequest(UUID hub, UUID room, String name, String description, LocalDate firstDate, Integer weeks, String start,
                         Integer minutes, Integer capacity) {}

    record BookRequest(UUID referral) {}

    record BookReply(UUID referral, ClassCourse.Status status) {}

    record CancelRequest(String reason) {}

    record RegisterRequest(Integer session, List<UUID> attended) {}

    record View(UUID id, UUID hubId, String hubName, UUID roomId, String roomName, String name, String description, LocalDate firstDate,
                int weeks, String start, int minutes, int capacity, int booked, List<ClassCourse.Booking> bookings,
                List<ClassCourse.Attendance> register) {
        static View of(ClassCourse c) {
            return new View(c.id(), c.hub().id(), c.hub().name(), c.room().id(), c.room().name(), c.name(), c.description(), c.firstDate(),
                    c.weeks(), InstanceJson.time(c.startMinute()), c.minutes(), c.capacity(), c.booked(), c.bookings(), c.register());
        }
    }

    @Operation(summary = "Courses at the hubs of your ICBs")
    @GetMapping
    List<GroupClasses.Summary> list() {
        return classes.list();
    }

    @Operation(summary = "Set up a course of weekly sessions (service managers)")
    @PostMapping
    ResponseEntity<View> create(@RequestBody CreateRequest r) {
        UUID id = classes.create(required(r.hub(), "hub"), required(r.room(), "room"), r.name(), r.description(), required(r.firstDate(), "firstDate"),
                r.weeks() == null ? 6 : r.weeks(), ClinicDayController.time(r.start() == null ? "10:00" : r.start(), "start"),
                r.minutes() == null ? 60 : r.minutes(), r.capacity() == null ? 12 : r.capacity());
        return ResponseEntity.created(URI.create("/api/classes/" + id)).body(View.of(classes.read(id)));
    }

    @Operation(summary = "Read a course with its bookings, waiting list and registers")
    @GetMapping("/{id}")
    View read(@PathVariable UUID id) {
        return View.of(classes.read(id));
    }

    @Operation(summary = "Book a referred person", description = "BOOKED when a place is left, otherwise WAITING; booking the same person again returns their status.")
    @PostMapping("/{id}/bookings")
    BookReply book(@PathVariable UUID id, @RequestBody BookRequest request) {
        return new BookReply(request.referral(), classes.book(id, ReferralId.of(required(request.referral(), "referral"))));
    }

    @Operation(summary = "Cancel a booking", description = "A freed place goes to the longest waiter. A reason is required.")
    @PostMapping("/{id}/bookings/{booking}/cancel")
    View cancel(@PathVariable UUID id, @PathVariable UUID booking, @RequestBody CancelRequest request) {
        classes.cancel(id, booking, request.reason());
        return View.of(classes.read(id));
    }

    @Operation(summary = "Record who came to a session", description = "attended: booking ids; everyone else booked is recorded as not attending.")
    @PostMapping("/{id}/register")
    View register(@PathVariable UUID id, @RequestBody RegisterRequest request) {
        classes.register(id, required(request.session(), "session"), new HashSet<>(request.attended() == null ? List.of() : request.attended()));
        return View.of(classes.read(id));
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "Required");
        }
        return value;
    }
}

package health.limber.clinic.web;

import health.limber.clinic.AppointmentOutcome;
import health.limber.clinic.ClinicDay;
import health.limber.clinic.ClinicDayId;
import health.limber.clinic.ClinicDays;
import health.limber.clinic.planner.InstanceJson;
import health.limber.clinic.planner.Metrics;
import health.limber.clinic.planner.Rule;
import health.limber.platform.InvalidInputException;
import health.limber.referral.ReferralId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One-stop clinic days over HTTP. Every change names the {@code version} of the day it was made
 * from; a change from an older version gets 409 with the day as it is now. Times are {@code HH:mm}.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Clinic days", description = "Plan, adjust and publish one-stop clinic days; record attendance")
class ClinicDayApiController {

    private final ClinicDays clinicDays;

    ClinicDayApiController(ClinicDays clinicDays) {
        this.clinicDays = clinicDays;
    }

    record OpenRequest(UUID hub, LocalDate day, String dayStart, String dayEnd, Integer offer) {}

    record PlanRequest(Long version, Integer seconds) {}

    record MoveRequest(Long version, UUID referral, String service, String start, UUID practitioner, UUID room) {}

    record VersionRequest(Long version) {}


    record View(UUID id, UUID hubId, String hubName, LocalDate day, String dayStart, String dayEnd, String status, long version,
                List<Person> people, List<Duty> practitioners, List<Item> plan, List<Broken> violations, Metrics metrics,
                List<Booked> appointments) {

        record Person(UUID referral, String reference, String name, List<String> needs, String availableFrom, String availableTo,
                      int maxStayMinutes, boolean stepFree, String language, boolean interpreterBooked, String unservable) {}

        record Duty(UUID id, String name, String service, List<String> languages, List<String> hours) {}

        record Item(UUID referral, String service, UUID practitioner, UUID room, String start, String end) {}

        record Broken(Rule rule, String message, List<Integer> plan) {}

        record Booked(UUID id, UUID referral, String service, UUID practitioner, UUID room, String start, String end,
                      AppointmentOutcome outcome, String reason, long version, String href) {

            static Booked of(ClinicDay.Booked a) {
                return new Booked(a.id().value(), a.referralId().value(), a.service(), a.practitionerId(), a.roomId(), InstanceJson.time(a.start()),
                        InstanceJson.time(a.end()), a.outcome(), a.reason(), a.version(), "/api/appointments/" + a.id() + "/outcome");
            }
        }

        static View of(ClinicDay day) {
            var unservable = day.unservable();
            return new View(day.id().value(), day.hub().id(), day.hub().name(), day.day(), InstanceJson.time(day.dayStart()),
                    InstanceJson.time(day.dayEnd()), day.status().name(), day.version(),
                    day.patients().stream().map(p -> new Person(p.referralId().value(), p.reference(), p.name(), p.needs(),
                            InstanceJson.time(p.availableFrom()), InstanceJson.time(p.availableTo()), p.maxStayMinutes(), p.stepFree(),
                            p.language(), p.interpreterBooked(), unservable.get(p.referralId().toString()))).toList(),
                    day.practitioners().stream().map(p -> new Duty(p.id(), p.name(), p.service(), p.languages().stream().sorted().toList(),
                            p.windows().stream().map(w -> InstanceJson.time(w.from()) + "-" + InstanceJson.time(w.to())).toList())).toList(),
                    day.plan().stream().map(p -> new Item(p.referralId().value(), p.service(), p.practitionerId(), p.roomId(),
                            InstanceJson.time(p.start()), InstanceJson.time(p.end()))).toList(),
                    day.isDraft() ? day.violations().stream().filter(v -> v.rule() != Rule.UNSERVED_LISTED)
                            .map(v -> new Broken(v.rule(), v.message(), v.appointments())).toList() : List.of(),
                    day.metrics(),
                    day.appointments().stream().map(Booked::of).toList());
        }
    }

    @Operation(summary = "Clinic days of your ICBs, latest first")
    @GetMapping("/clinic-days")
    List<ClinicDays.Summary> list() {
        return clinicDays.list();
    }

    @Operation(summary = "Open a clinic day at a hub", description = "Offers places to the people who have waited longest (offer, default 20).")
    @PostMapping("/clinic-days")
    ResponseEntity<View> open(@RequestBody OpenRequest request) {
        ClinicDayId id = clinicDays.open(request.hub(), request.day(), ClinicDayController.time(orDefault(request.dayStart(), "09:00"), "dayStart"),
                ClinicDayController.time(orDefault(request.dayEnd(), "17:00"), "dayEnd"), request.offer() == null ? 20 : request.offer());
        return ResponseEntity.created(URI.create("/api/clinic-days/" + id)).body(View.of(clinicDays.read(id)));
    }

    @Operation(summary = "Read a clinic day", description = "With its draft plan, every rule the draft breaks and its metrics, or its booked appointments.")
    @GetMapping("/clinic-days/{id}")
    View read(@PathVariable UUID id) {
        return View.of(clinicDays.read(ClinicDayId.of(id)));
    }

    @Operation(summary = "Plan the day with the optimiser", description = "seconds: time limit, 1 to 60 (default 10).")
    @PostMapping("/clinic-days/{id}/plan")
    View plan(@PathVariable UUID id, @RequestBody PlanRequest request) {
        int seconds = request.seconds() == null ? 10 : request.seconds();
        if (seconds < 1 || seconds > 60) {
            throw new InvalidInputException("seconds", "The time limit must be between 1 and 60 seconds");
        }
        clinicDays.plan(ClinicDayId.of(id), version(request.version()), Duration.ofSeconds(seconds), line -> {});
        return View.of(clinicDays.read(ClinicDayId.of(id)));
    }

    @Operation(summary = "Move (or add) one appointment in the draft",
            description = "The change is kept even if it breaks a rule; the reply lists every rule the draft now breaks.")
    @PostMapping("/clinic-days/{id}/moves")
    View move(@PathVariable UUID id, @RequestBody MoveRequest request) {
        clinicDays.move(ClinicDayId.of(id), version(request.version()), ReferralId.of(required(request.referral(), "referral")), required(request.service(), "service"),
                ClinicDayController.time(request.start(), "start"), required(request.practitioner(), "practitioner"), required(request.room(), "room"));
        return View.of(clinicDays.read(ClinicDayId.of(id)));
    }

    @Operation(summary = "Undo the last change to the draft")
    @PostMapping("/clinic-days/{id}/undo")
    View undo(@PathVariable UUID id, @RequestBody VersionRequest request) {
        clinicDays.undo(ClinicDayId.of(id), version(request.version()));
        return View.of(clinicDays.read(ClinicDayId.of(id)));
    }

    @Operation(summary = "Publish the day and book its appointments",
            description = "Refused (400) while the draft breaks a rule; 409 if the day changed or a slot was booked meanwhile.")
    @PostMapping("/clinic-days/{id}/publish")
    View publish(@PathVariable UUID id, @RequestBody VersionRequest request) {
        clinicDays.publish(ClinicDayId.of(id), version(request.version()));
        return View.of(clinicDays.read(ClinicDayId.of(id)));
    }

    private static long version(Long version) {
        if (version == null) {
            throw new InvalidInputException("version", "Send the version of the clinic day (or appointment) you read");
        }
        return version;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "Required");
        }
        return value;
    }

    private static String orDefault(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}

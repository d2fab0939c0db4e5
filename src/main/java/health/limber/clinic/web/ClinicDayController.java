package health.limber.clinic.web;

import health.limber.clinic.AppointmentId;
import health.limber.clinic.AppointmentOutcome;
import health.limber.clinic.Appointments;
import health.limber.clinic.ClinicDay;
import health.limber.clinic.ClinicDayId;
import health.limber.clinic.ClinicDays;
import health.limber.clinic.Hubs;
import health.limber.clinic.planner.Instance;
import health.limber.clinic.planner.InstanceException;
import health.limber.clinic.planner.InstanceJson;
import health.limber.clinic.planner.Violation;
import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.platform.ConflictException;
import health.limber.platform.InvalidInputException;
import health.limber.referral.ReferralId;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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

/**
 * One-stop clinic days for service managers (plan, adjust, publish) and clinicians (record
 * attendance). Only days at hubs of the ICBs the person's organisation serves are shown.
 */
@Controller
@RequestMapping("/clinic-days")
class ClinicDayController {

    private final ClinicDays clinicDays;
    private final Appointments appointments;
    private final Hubs hubs;
    private final CurrentActor currentActor;
    private final Clock clock;

    ClinicDayController(ClinicDays clinicDays, Appointments appointments, Hubs hubs, CurrentActor currentActor, Clock clock) {
        this.clinicDays = clinicDays;
        this.appointments = appointments;
        this.hubs = hubs;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        Actor actor = currentActor.get();
        model.addAttribute("days", clinicDays.list());
        model.addAttribute("hubs", hubs.inIcbs(actor.servedIcbs()));
        model.addAttribute("waiting", actor.servedIcbs().stream().sorted()
                .collect(java.util.stream.Collectors.toMap(icb -> icb, icb -> clinicDays.waiting(icb).size(), (a, b) -> a, java.util.LinkedHashMap::new)));
        model.addAttribute("canPlan", actor.role() == Role.SERVICE_MANAGER);
        model.addAttribute("today", LocalDate.now(clock));
        return "clinic/days";
    }

    @PostMapping
    String open(@RequestParam(required = false) UUID hub, @RequestParam(required = false) String day, @RequestParam(defaultValue = "09:00") String dayStart,
                @RequestParam(defaultValue = "17:00") String dayEnd, @RequestParam(defaultValue = "20") String offer, RedirectAttributes redirect) {
        try {
            if (hub == null) {
                throw new InvalidInputException("hub", "Select a hub");
            }
            UUID id = (clinicDays.open(hub, date(day), time(dayStart, "dayStart"), time(dayEnd, "dayEnd"), number(offer, "offer"))).value();
            return "redirect:/clinic-days/" + id;
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", Map.of(e.field(), e.getMessage()));
            redirect.addFlashAttribute("form", Map.of("hub", hub == null ? "" : hub.toString(), "day", day == null ? "" : day,
                    "dayStart", dayStart, "dayEnd", dayEnd, "offer", offer));
            return "redirect:/clinic-days";
        }
    }

    @GetMapping("/{id}")
    String day(@PathVariable UUID id, @RequestParam(defaultValue = "room") String view, @RequestParam(required = false) String edit, Model model) {
        ClinicDay day = clinicDays.read(ClinicDayId.of(id));
        List<Violation> violations = day.isDraft() ? day.violations().stream()
                .filter(v -> v.rule() != health.limber.clinic.planner.Rule.UNSERVED_LISTED).toList() : List.of();
        model.addAttribute("day", day);
        model.addAttribute("violations", violations);
        model.addAttribute("metrics", day.metrics());
        model.addAttribute("unservable", day.unservable());
        model.addAttribute("view", "practitioner".equals(view) ? "practitioner" : "room");
        model.addAttribute("timeline", Timeline.of(day, "practitioner".equals(view), violations));
        model.addAttribute("canPlan", currentActor.get().role() == Role.SERVICE_MANAGER && day.isDraft());
        model.addAttribute("canRecord", !day.isDraft());
        model.addAttribute("names", new Names(day));
        Map<ReferralId, Integer> counts = new java.util.HashMap<>();
        if (day.isDraft()) {
            day.plan().forEach(p -> counts.merge(p.referralId(), 1, Integer::sum));
        } else {
            day.appointments().forEach(a -> counts.merge(a.referralId(), 1, Integer::sum));
        }
        model.addAttribute("counts", counts);
        model.addAttribute("times", times(day));
        model.addAttribute("outcomes", List.of(AppointmentOutcome.ATTENDED, AppointmentOutcome.DID_NOT_ATTEND,
                AppointmentOutcome.CANCELLED_BY_PATIENT, AppointmentOutcome.CANCELLED_BY_SERVICE));
        if (edit != null && day.isDraft() && edit.contains(":")) {
            ReferralId referral = ReferralId.ofNullable(parseUuid(edit.substring(0, edit.indexOf(':'))));
            String service = edit.substring(edit.indexOf(':') + 1);
            day.patients().stream().filter(p -> p.referralId().equals(referral) && p.needs().contains(service)).findFirst().ifPresent(person -> {
                model.addAttribute("editing", person);
                model.addAttribute("editService", service);
                model.addAttribute("editCurrent", day.plan().stream()
                        .filter(p -> p.referralId().equals(referral) && p.service().equals(service)).findFirst().orElse(null));
            });
        }
        return "clinic/day";
    }

    @PostMapping("/{id}/plan")
    String plan(@PathVariable UUID id, @RequestParam long version, @RequestParam(defaultValue = "10") int seconds, RedirectAttributes redirect) {
        return change(id, redirect, () -> {
            var plan = clinicDays.plan(ClinicDayId.of(id), version, Duration.ofSeconds(Math.max(1, Math.min(seconds, 60))), line -> {});
            return String.format("Planned: %d of %d people get their whole visit%s.", plan.metrics().patientsServed(), plan.metrics().patients(),
                    plan.bound() == null ? "" : plan.gap() == 0 ? " (the most possible)" : String.format(" (at most %d possible)", plan.bound()));
        });
    }

    @PostMapping("/{id}/move")
    String move(@PathVariable UUID id, @RequestParam long version, @RequestParam UUID referral, @RequestParam String service,
                @RequestParam String start, @RequestParam UUID practitioner, @RequestParam UUID room, RedirectAttributes redirect) {
        return change(id, redirect, () -> {
            List<Violation> violations = clinicDays.move(ClinicDayId.of(id), version, ReferralId.of(referral), service, time(start, "start"), practitioner, room);
            long broken = violations.stream().filter(v -> v.rule() != health.limber.clinic.planner.Rule.UNSERVED_LISTED).count();
            return broken == 0 ? "Moved. The plan keeps every rule." : "Moved. The plan now breaks " + broken + " rule" + (broken == 1 ? "" : "s") + ": see below.";
        });
    }

    @PostMapping("/{id}/remove")
    String remove(@PathVariable UUID id, @RequestParam long version, @RequestParam UUID referral, @RequestParam String service,
                  RedirectAttributes redirect) {
        return change(id, redirect, () -> {
            clinicDays.remove(ClinicDayId.of(id), version, ReferralId.of(referral), service);
            return "Appointment removed from the draft.";
        });
    }

    @PostMapping("/{id}/undo")
    String undo(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
        return change(id, redirect, () -> {
            clinicDays.undo(ClinicDayId.of(id), version);
            return "Undone.";
        });
    }

    @PostMapping("/{id}/offer")
    String offer(@PathVariable UUID id, @RequestParam long version, @RequestParam(defaultValue = "5") String count, RedirectAttributes redirect) {
        return change(id, redirect, () -> {
            clinicDays.offerMore(ClinicDayId.of(id), version, number(count, "count"));
            return "More places offered. Plan the day again to fit them in.";
        });
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(@PathVariable UUID id, @RequestParam long version, @RequestParam UUID referral, RedirectAttributes redirect) {
        return change(id, redirect, () -> {
            clinicDays.withdraw(ClinicDayId.of(id), version, ReferralId.of(referral));
            return "Taken off the day; they are back on the waiting list for a one-stop visit.";
        });
    }

    @PostMapping("/{id}/people/{referral}")
    String changePerson(@PathVariable UUID id, @PathVariable UUID referral, @RequestParam long version, @RequestParam String availableFrom,
                        @RequestParam String availableTo, @RequestParam String maxStay, @RequestParam(defaultValue = "false") boolean interpreterBooked,
                        RedirectAttributes redirect) {
        return change(id, redirect, () -> {
            clinicDays.changeOffer(ClinicDayId.of(id), version, ReferralId.of(referral), time(availableFrom, "availableFrom"), time(availableTo, "availableTo"),
                    number(maxStay, "maxStay"), interpreterBooked);
            return "Saved.";
        });
    }

    @PostMapping("/{id}/practitioners/{practitioner}")
    String hours(@PathVariable UUID id, @PathVariable UUID practitioner, @RequestParam long version, @RequestParam(defaultValue = "") String hours,
                 RedirectAttributes redirect) {
        return change(id, redirect, () -> {
            clinicDays.setHours(ClinicDayId.of(id), version, practitioner, windows(hours));
            return "Hours saved.";
        });
    }

    @PostMapping("/{id}/publish")
    String publish(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
        return change(id, redirect, () -> {
            var booked = clinicDays.publish(ClinicDayId.of(id), version);
            return "Published: " + booked.size() + " appointments booked. People without a whole visit are back on the waiting list.";
        });
    }

    @PostMapping("/{id}/appointments/{appointment}")
    String outcome(@PathVariable UUID id, @PathVariable UUID appointment, @RequestParam long version,
                   @RequestParam(required = false) AppointmentOutcome outcome, @RequestParam(required = false) String reason,
                   RedirectAttributes redirect) {
        clinicDays.read(ClinicDayId.of(id));
        try {
            appointments.recordOutcome(AppointmentId.of(appointment), version, outcome, reason);
            redirect.addFlashAttribute("done", "Recorded.");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/clinic-days/" + id + "#appointments";
    }

    private String change(UUID id, RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        clinicDays.read(ClinicDayId.of(id));
        try {
            redirect.addFlashAttribute("done", action.get());
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/clinic-days/" + id;
    }

    static LocalDate date(String value) {
        try {
            return LocalDate.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("day", "Enter the date of the clinic day, for example 2025-02-14");
        }
    }

    static int time(String value, String field) {
        try {
            return InstanceJson.minutes(value == null ? null : value.strip(), field);
        } catch (InstanceException e) {
            throw new InvalidInputException(field, "Enter a time like 09:30");
        }
    }

    static int number(String value, String field) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "Enter a whole number");
        }
    }

    /** "09:00-12:30, 13:00-17:00"; empty means not working. */
    static List<Instance.Window> windows(String value) {
        List<Instance.Window> windows = new ArrayList<>();
        for (String part : value.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] ends = part.strip().split("\\s*[-–]\\s*");
            if (ends.length != 2) {
                throw new InvalidInputException("hours", "Enter sessions like 09:00-12:30, 13:00-17:00 (or leave empty: not working)");
            }
            windows.add(new Instance.Window(time(ends[0], "hours"), time(ends[1], "hours")));
        }
        return windows;
    }

    private static UUID parseUuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> times(ClinicDay day) {
        List<String> times = new ArrayList<>();
        for (int minute = day.dayStart(); minute < day.dayEnd(); minute += 5) {
            times.add(InstanceJson.time(minute));
        }
        return times;
    }

    /** Names for ids on the page. */
    static final class Names {
        private final ClinicDay day;

        Names(ClinicDay day) {
            this.day = day;
        }

        public String person(ReferralId referral) {
            return day.patients().stream().filter(p -> p.referralId().equals(referral)).map(ClinicDay.Offered::name).findFirst().orElse("?");
        }

        public String practitioner(UUID id) {
            return day.practitioners().stream().filter(p -> p.id().equals(id)).map(ClinicDay.OnDuty::name).findFirst().orElse("?");
        }

        public String room(UUID id) {
            return day.hub().rooms().stream().filter(r -> r.id().equals(id)).map(r -> r.name()).findFirst().orElse("?");
        }

        public String service(String code) {
            return day.services().stream().filter(s -> s.code().equals(code)).map(ClinicDay.ServiceType::name).findFirst().orElse(code);
        }

        public String time(int minutes) {
            return InstanceJson.time(minutes);
        }

        public String hours(List<Instance.Window> windows) {
            return String.join(", ", windows.stream().map(w -> InstanceJson.time(w.from()) + "-" + InstanceJson.time(w.to())).toList());
        }
    }
}

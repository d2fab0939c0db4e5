package health.limber.clinic;

import health.limber.clinic.planner.Appointment;
import health.limber.clinic.planner.Instance;
import health.limber.clinic.planner.Metrics;
import health.limber.clinic.planner.PlanChecker;
import health.limber.clinic.planner.Violation;
import health.limber.platform.Languages;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A one-stop clinic day at a hub as its planner sees it: who is offered a place, who works when,
 * the current draft plan (or the published appointments), what the plan breaks and how good it
 * is. Ids inside the planner's {@link Instance} are the referral, practitioner and room ids.
 */
public record ClinicDay(UUID id, Hub hub, LocalDate day, int dayStart, int dayEnd, ClinicDayStatus status, int planVersion,
                        long version, Instant publishedAt, String publishedBy, List<ServiceType> services,
                        List<OnDuty> practitioners, List<Offered> patients, List<Planned> plan, List<PlanChange> history,
                        boolean canUndo, List<Booked> appointments) {

    /** A service with its appointment length and why a patient sees it. */
    public record ServiceType(String code, String name, String purpose, int minutes) {}

    /** A practitioner of the hub and when they work on this day (no windows: not working). */
    public record OnDuty(UUID id, String name, String service, Set<String> languages, List<Instance.Window> windows) {}

    /** A person offered a place on the day, with what they need and when they can come. */
    public record Offered(UUID referralId, String reference, UUID patientId, String name, LocalDate birthDate, String nhsNumber, List<String> needs,
                          int availableFrom, int availableTo, int maxStayMinutes, boolean stepFree, String language,
                          boolean interpreterBooked, int weight) {
        public boolean needsInterpreter() {
            return !"en".equals(language);
        }
    }

    /** One appointment of the draft plan. */
    public record Planned(UUID referralId, String service, UUID practitionerId, UUID roomId, int start, int end) {}

    /** One step in the draft's history. */
    public record PlanChange(int version, String what, String by, Instant at) {}

    /** A published appointment and what happened to it. */
    public record Booked(UUID id, UUID referralId, UUID patientId, String service, UUID practitionerId, UUID roomId, int start,
                         int end, AppointmentOutcome outcome, String reason, String patientResponse, String patientComment,
                         long version) {}

    /** The day in the planner's terms. */
    public Instance instance() {
        Set<String> known = services.stream().map(ServiceType::code).collect(Collectors.toSet());
        return new Instance(day, dayStart, dayEnd, 5,
                services.stream().map(s -> new Instance.Service(s.code(), s.minutes())).toList(),
                // rooms may also host things that are not one-stop services (group classes): the planner sees only the services
                hub.rooms().stream().map(r -> new Instance.Room(r.id().toString(),
                        r.services().stream().filter(known::contains).collect(Collectors.toSet()), r.stepFree())).toList(),
                practitioners.stream().filter(p -> !p.windows().isEmpty())
                        .map(p -> new Instance.Practitioner(p.id().toString(), p.service(), p.languages(), p.windows())).toList(),
                patients.stream().map(p -> new Instance.Patient(p.referralId().toString(), p.needs(),
                        new Instance.Window(p.availableFrom(), p.availableTo()), p.maxStayMinutes(), p.stepFree(), p.language(),
                        p.interpreterBooked(), p.weight())).toList());
    }

    /** The draft plan in the planner's terms. */
    public List<Appointment> draft() {
        return plan.stream().map(p -> new Appointment(p.referralId().toString(), p.service(), p.practitionerId().toString(),
                p.roomId().toString(), p.start(), p.end())).toList();
    }

    /** Every rule the current draft breaks; appointment indexes refer to {@link #draft()}. */
    public List<Violation> violations() {
        List<Appointment> draft = draft();
        Set<String> served = draft.stream().map(Appointment::patient).collect(Collectors.toSet());
        List<String> unserved = patients.stream().map(p -> p.referralId().toString()).filter(id -> !served.contains(id)).toList();
        return new PlanChecker(instance()).check(draft, unserved);
    }

    public Metrics metrics() {
        return Metrics.of(instance(), draft());
    }

    /** Why each patient nobody can serve on this day cannot be served. */
    public Map<String, String> unservable() {
        Map<String, String> names = new java.util.HashMap<>();
        services.forEach(s -> names.put(s.code(), s.name().toLowerCase(java.util.Locale.UK)));
        return instance().unservable(code -> names.getOrDefault(code, code), Languages::name);
    }

    public boolean isDraft() {
        return status == ClinicDayStatus.DRAFT;
    }
}

package health.limber.clinic;

import health.limber.clinic.internal.ClinicDayStatus;
import health.limber.clinic.planner.Appointment;
import health.limber.clinic.planner.Instance;
import health.limber.clinic.planner.InstanceJson;
import health.limber.clinic.planner.Metrics;
import health.limber.clinic.planner.PlanChecker;
import health.limber.clinic.planner.Rule;
import health.limber.clinic.planner.Violation;
import health.limber.patient.PatientId;
import health.limber.platform.InvalidInputException;
import health.limber.platform.Languages;
import health.limber.platform.NotFoundException;
import health.limber.referral.ReferralId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A one-stop clinic day at a hub as its planner sees it: who is offered a place, who works when,
 * the current draft plan (or the published appointments), what the plan breaks and how good it
 * is. Ids inside the planner's {@link Instance} are the referral, practitioner and room ids.
 *
 * <p>The rules for changing a draft live here (who can be moved where, what hours are possible,
 * when it can be published); {@link ClinicDays} applies a change and keeps it as a new plan version.
 */
public record ClinicDay(ClinicDayId id, Hub hub, LocalDate day, int dayStart, int dayEnd, ClinicDayStatus status, int planVersion,
                        long version, Instant publishedAt, String publishedBy, List<ServiceType> services,
                        List<OnDuty> practitioners, List<Offered> patients, List<Planned> plan, List<PlanChange> history,
                        boolean canUndo, List<Booked> appointments) {

    /** A service with its appointment length and why a patient sees it. */
    public record ServiceType(String code, String name, String purpose, int minutes) {}

    /** A practitioner of the hub and when they work on this day (no windows: not working). */
    public record OnDuty(UUID id, String name, String service, Set<String> languages, List<Instance.Window> windows) {}

    /** A person offered a place on the day, with what they need and when they can come. */
    public record Offered(ReferralId referralId, String reference, PatientId patientId, String name, LocalDate birthDate, String nhsNumber, List<String> needs,
                          int availableFrom, int availableTo, int maxStayMinutes, boolean stepFree, String language,
                          boolean interpreterBooked, int weight) {
        public boolean needsInterpreter() {
            return !"en".equals(language);
        }
    }

    /** One appointment of the draft plan. */
    public record Planned(ReferralId referralId, String service, UUID practitionerId, UUID roomId, int start, int end) {}

    /** One step in the draft's history. */
    public record PlanChange(int version, String what, String by, Instant at) {}

    /** A published appointment and what happened to it. */
    public record Booked(AppointmentId id, ReferralId referralId, PatientId patientId, String service, UUID practitionerId, UUID roomId, int start,
                         int end, AppointmentOutcome outcome, String reason, String patientResponse, String patientComment,
                         long version) {}

    /** Every time on a clinic day is on a 5-minute boundary. */
    static final int SLOT = 5;

    /** The person offered a place on this day. */
    Offered offered(ReferralId referralId) {
        return patients.stream().filter(p -> p.referralId().equals(referralId)).findFirst()
                .orElseThrow(() -> new InvalidInputException("referral", "That person is not offered a place on this day"));
    }

    /** When a person can come must be some of the day, and their longest stay between 5 minutes and 12 hours. */
    void checkAvailability(int from, int to, int maxStay) {
        if (!onBoundary(from) || !onBoundary(to) || to <= from || from < dayStart || to > dayEnd) {
            throw new InvalidInputException("availableTo", "The person must be able to come for some of the day, between "
                    + InstanceJson.time(dayStart) + " and " + InstanceJson.time(dayEnd) + ", on a 5-minute boundary");
        }
        if (maxStay < SLOT || maxStay > 12 * 60) {
            throw new InvalidInputException("maxStay", "The longest stay must be between 5 minutes and 12 hours");
        }
    }

    /** A practitioner's sessions must be theirs to work (they are of this hub), inside the day and not overlapping. */
    void checkHours(UUID practitionerId, List<Instance.Window> windows) {
        if (practitioners.stream().noneMatch(p -> p.id().equals(practitionerId))) {
            throw new NotFoundException("practitioner " + practitionerId);
        }
        for (int i = 0; i < windows.size(); i++) {
            Instance.Window w = windows.get(i);
            if (!onBoundary(w.from()) || !onBoundary(w.to()) || w.to() <= w.from() || w.from() < dayStart || w.to() > dayEnd) {
                throw new InvalidInputException("hours", "Each session must end after it starts, inside the day, on a 5-minute boundary");
            }
            for (int j = 0; j < i; j++) {
                if (windows.get(j).overlaps(w)) {
                    throw new InvalidInputException("hours", "Sessions must not overlap");
                }
            }
        }
    }

    /**
     * The draft with the person's appointment for a service moved to a start, practitioner and room
     * (or added, if they had none): refused if they do not need the service or the time, practitioner
     * or room is not of this day. A move that breaks a planning rule is allowed; {@link #violations()} says what it breaks.
     */
    List<Planned> withMoved(ReferralId referralId, String service, int start, UUID practitionerId, UUID roomId) {
        Offered person = offered(referralId);
        if (!person.needs().contains(service)) {
            throw new InvalidInputException("service", person.name() + " does not need " + service);
        }
        if (!onBoundary(start) || start < dayStart || start >= dayEnd) {
            throw new InvalidInputException("start", "Choose a start time inside the day, on a 5-minute boundary");
        }
        if (practitioners.stream().noneMatch(p -> p.id().equals(practitionerId))) {
            throw new InvalidInputException("practitioner", "Choose a practitioner of this hub");
        }
        if (hub.rooms().stream().noneMatch(r -> r.id().equals(roomId))) {
            throw new InvalidInputException("room", "Choose a room of this hub");
        }
        int minutes = services.stream().filter(s -> s.code().equals(service)).findFirst().orElseThrow().minutes();
        List<Planned> changed = new ArrayList<>(without(referralId, service));
        changed.add(new Planned(referralId, service, practitionerId, roomId, start, start + minutes));
        return changed;
    }

    /** The draft without the person's appointment for the service, or without all of theirs when the service is null. */
    List<Planned> without(ReferralId referralId, String service) {
        return plan.stream().filter(p -> !(p.referralId().equals(referralId) && (service == null || p.service().equals(service)))).toList();
    }

    /** A draft is published only with appointments in it and no broken rule (people left unserved may go back to waiting). */
    void checkPublishable() {
        List<Violation> broken = violations().stream().filter(v -> v.rule() != Rule.UNSERVED_LISTED).toList();
        if (!broken.isEmpty()) {
            throw new InvalidInputException("plan", "The plan breaks " + broken.size() + " rule" + (broken.size() == 1 ? "" : "s")
                    + " and cannot be published: " + broken.get(0).message());
        }
        if (plan.isEmpty()) {
            throw new InvalidInputException("plan", "There are no appointments to publish: plan the day first");
        }
    }

    /** A service's name in a sentence ("physiotherapy"), or its code if it is not a service of the day. */
    String serviceName(String code) {
        return services.stream().filter(s -> s.code().equals(code)).map(s -> s.name().toLowerCase(Locale.UK)).findFirst().orElse(code);
    }

    private static boolean onBoundary(int minute) {
        return minute % SLOT == 0;
    }

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
        Map<String, String> names = new HashMap<>();
        services.forEach(s -> names.put(s.code(), s.name().toLowerCase(Locale.UK)));
        return instance().unservable(code -> names.getOrDefault(code, code), Languages::name);
    }

    public boolean isDraft() {
        return status == ClinicDayStatus.DRAFT;
    }
}

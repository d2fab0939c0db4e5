package health.limber.clinic;

import health.limber.clinic.ClinicDay.Booked;
import health.limber.clinic.ClinicDay.Offered;
import health.limber.clinic.ClinicDay.PlanChange;
import health.limber.clinic.ClinicDay.Planned;
import health.limber.clinic.internal.ClinicDayRepository;
import health.limber.clinic.internal.ClinicDayStatus;
import health.limber.clinic.internal.Itineraries;
import health.limber.clinic.planner.CpSatPlanner;
import health.limber.clinic.planner.Instance;
import health.limber.clinic.planner.InstanceException;
import health.limber.clinic.planner.InstanceJson;
import health.limber.clinic.planner.Plan;
import health.limber.clinic.planner.Violation;
import health.limber.identity.Actor;
import health.limber.identity.AuditAction;
import health.limber.identity.AuditLog;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.patient.PatientId;
import health.limber.platform.ConflictException;
import health.limber.platform.InvalidInputException;
import health.limber.referral.ReferralId;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic module's API for one-stop clinic days: open a day at a hub, offer places to people
 * waiting for a one-stop visit, plan it with the optimiser, adjust it by hand (every change is a
 * new plan version that can be undone, and the checker marks each broken rule) and publish it.
 * {@link Appointments} records what happened to each appointment; {@link Itineraries} is the
 * patient's side.
 *
 * <p>Every change to a draft names the version it was made from; a change from an older version
 * is refused with what changed, so two managers (or two app instances) cannot overwrite each
 * other. Publishing books every slot of every practitioner, room and patient in
 * {@code appointment_slot}, whose primary key makes a double booking impossible in the database.
 */
@Service
@Transactional
public class ClinicDays {

    /** Default hours for a practitioner on a clinic day: a morning and an afternoon session with a break. */
    static final List<Instance.Window> DEFAULT_HOURS = List.of(new Instance.Window(9 * 60, 12 * 60 + 30), new Instance.Window(13 * 60, 17 * 60));
    static final int DEFAULT_MAX_STAY = 180;
    static final Set<Role> STAFF = Set.of(Role.CLINICIAN, Role.SERVICE_MANAGER);
    private static final Set<Role> PLANNERS = Set.of(Role.SERVICE_MANAGER);

    private final ClinicDayRepository days;
    private final Hubs hubs;
    private final Clock clock;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Itineraries itineraries;

    ClinicDays(ClinicDayRepository days, Hubs hubs, Clock clock, CurrentActor currentActor, AuditLog audit, ApplicationEventPublisher events,
               Itineraries itineraries) {
        this.days = days;
        this.hubs = hubs;
        this.clock = clock;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
        this.itineraries = itineraries;
    }

    /** A clinic day in a list. */
    public record Summary(ClinicDayId id, UUID hubId, String hubName, String icbCode, LocalDate day, ClinicDayStatus status,
                          int offered, int booked) {}

    /** A person waiting to be offered a one-stop day; date of birth and NHS number tell two people of one name apart. */
    public record Waiting(ReferralId referralId, String reference, String name, LocalDate birthDate, String nhsNumber, List<String> needs,
                          LocalDate acceptedOn) {}

    /** A practitioner of a hub: their one service and the languages they speak. */
    /** A practitioner of a hub; {@code staffUsername} is the adviser's sign-in when one is linked (else null). */
    public record Practitioner(UUID id, String name, String service, Set<String> languages, String staffUsername) {}

    /** Clinic days at the hubs of the ICBs the signed-in person's organisation serves, latest first. */
    @Transactional(readOnly = true)
    public List<Summary> list() {
        Collection<String> icbs = allowed(STAFF, null).servedIcbs();
        return icbs.isEmpty() ? List.of() : days.list(icbs);
    }

    /** People waiting for a one-stop visit in an ICB and not yet offered a day, longest-waiting first. */
    @Transactional(readOnly = true)
    public List<Waiting> waiting(String icb) {
        allowed(STAFF, icb);
        return days.waiting(icb);
    }

    /**
     * Opens a clinic day at a hub with all the hub's practitioners on their default hours and
     * offers places to the {@code offer} people who have waited longest for a one-stop visit.
     */
    public ClinicDayId open(UUID hubId, LocalDate day, int dayStart, int dayEnd, int offer) {
        Hub hub = hubs.find(hubId).filter(h -> currentActor.get().serves(h.icbCode()))
                .orElseThrow(() -> new InvalidInputException("hub", "Select a hub"));
        allowed(PLANNERS, hub.icbCode());
        if (day == null) {
            throw new InvalidInputException("day", "Enter the date of the clinic day");
        }
        if (day.isBefore(LocalDate.now(clock))) {
            throw new InvalidInputException("day", "The clinic day must be today or in the future");
        }
        if (dayStart % ClinicDay.SLOT != 0 || dayEnd % ClinicDay.SLOT != 0 || dayEnd <= dayStart) {
            throw new InvalidInputException("dayEnd", "The day must end after it starts, on a 5-minute boundary");
        }
        if (offer < 0 || offer > 100) {
            throw new InvalidInputException("offer", "Offer between 0 and 100 places");
        }
        if (days.exists(hubId, day)) {
            throw new InvalidInputException("day", hub.name() + " already has a clinic day on " + day);
        }
        UUID id = UUID.randomUUID();
        days.insert(id, hubId, day, dayStart, dayEnd);
        days.savePlan(id, 0, -1, "Opened the clinic day", by(), clock.instant(), List.of());
        for (Practitioner practitioner : days.practitionersOf(hubId)) {
            days.setHours(id, practitioner.id(), DEFAULT_HOURS.stream()
                    .map(w -> new Instance.Window(Math.max(w.from(), dayStart), Math.min(w.to(), dayEnd)))
                    .filter(w -> w.from() < w.to()).toList());
        }
        days.offerNext(id, hub.icbCode(), dayStart, dayEnd, Math.min(DEFAULT_MAX_STAY, dayEnd - dayStart), offer);
        return ClinicDayId.of(id);
    }

    /** A clinic day, for staff of an organisation serving the hub's ICB. */
    @Transactional(readOnly = true)
    public ClinicDay read(ClinicDayId id) {
        ClinicDay day = days.load(id.value());
        allowed(STAFF, day.hub().icbCode());
        return day;
    }

    /** Offers places to the next {@code count} people waiting in the hub's ICB. */
    public void offerMore(ClinicDayId id, long version, int count) {
        ClinicDay day = changeDraft(id.value(), version);
        if (count < 1 || count > 50) {
            throw new InvalidInputException("count", "Offer between 1 and 50 more places");
        }
        days.offerNext(id.value(), day.hub().icbCode(), day.dayStart(), day.dayEnd(), Math.min(DEFAULT_MAX_STAY, day.dayEnd() - day.dayStart()), count);
    }

    /** Takes a person off the day (back to waiting); their appointments leave the draft. */
    public void withdraw(ClinicDayId id, long version, ReferralId referralId) {
        ClinicDay day = changeDraft(id.value(), version);
        Offered person = day.offered(referralId);
        days.withdraw(id.value(), referralId.value());
        List<Planned> kept = day.without(referralId, null);
        if (kept.size() != day.plan().size()) {
            keep(day, "Took " + person.name() + " off the day", kept);
        }
    }

    /** Changes when a person can come, their longest stay and whether an interpreter is booked for them. */
    public void changeOffer(ClinicDayId id, long version, ReferralId referralId, int from, int to, int maxStay, boolean interpreterBooked) {
        ClinicDay day = changeDraft(id.value(), version);
        day.offered(referralId);
        day.checkAvailability(from, to, maxStay);
        days.changeOffer(id.value(), referralId.value(), from, to, maxStay, interpreterBooked);
    }

    /** Sets a practitioner's working windows for the day; none means not working. */
    public void setHours(ClinicDayId id, long version, UUID practitionerId, List<Instance.Window> windows) {
        ClinicDay day = changeDraft(id.value(), version);
        day.checkHours(practitionerId, windows);
        days.setHours(id.value(), practitionerId, windows);
    }

    /** Plans the day with the optimiser and keeps the result as a new draft version. */
    public Plan plan(ClinicDayId id, long version, Duration limit, Consumer<String> progress) {
        ClinicDay day = changeDraft(id.value(), version);
        Instance instance;
        try {
            instance = Instance.checked(day.instance());
        } catch (InstanceException e) {
            throw new InvalidInputException("plan", "The day cannot be planned: " + e.getMessage());
        }
        Plan plan = new CpSatPlanner().plan(instance, limit, progress);
        List<Planned> planned = plan.appointments().stream().map(a -> new Planned(ReferralId.valueOf(a.patient()), a.service(),
                UUID.fromString(a.practitioner()), UUID.fromString(a.room()), a.start(), a.end())).toList();
        keep(day, String.format("Planned by the optimiser: %d of %d people get their whole visit",
                plan.metrics().patientsServed(), plan.metrics().patients()), planned);
        return plan;
    }

    /**
     * Moves one appointment of the draft (time, practitioner, room) or adds it if the person had
     * none for that service. The change is kept even when it breaks a rule, so the manager sees
     * what it breaks; the returned violations are every broken rule of the new draft.
     */
    public List<Violation> move(ClinicDayId id, long version, ReferralId referralId, String service, int start, UUID practitionerId, UUID roomId) {
        ClinicDay day = changeDraft(id.value(), version);
        List<Planned> changed = day.withMoved(referralId, service, start, practitionerId, roomId);
        keep(day, "Moved " + day.offered(referralId).name() + "'s " + day.serviceName(service) + " to " + InstanceJson.time(start), changed);
        return days.load(id.value()).violations();
    }

    /** Removes one appointment from the draft. */
    public void remove(ClinicDayId id, long version, ReferralId referralId, String service) {
        ClinicDay day = changeDraft(id.value(), version);
        Offered person = day.offered(referralId);
        keep(day, "Removed " + person.name() + "'s " + day.serviceName(service), day.without(referralId, service));
    }

    /** Goes back to the draft before the last change. */
    public void undo(ClinicDayId id, long version) {
        ClinicDay day = changeDraft(id.value(), version);
        if (!day.canUndo()) {
            throw new InvalidInputException("undo", "There is nothing to undo");
        }
        days.usePlan(id.value(), days.parentOf(id.value(), day.planVersion()).orElseThrow());
    }

    /**
     * Publishes the draft: refused while it breaks any rule; creates the appointments and books
     * every slot. People offered a place who have no appointment go back to waiting.
     */
    public List<Booked> publish(ClinicDayId id, long version) {
        ClinicDay day = days.load(id.value());
        allowed(PLANNERS, day.hub().icbCode());
        if (!day.isDraft()) {
            throw new ConflictException("version", "This clinic day was published by " + day.publishedBy() + " at "
                    + day.publishedAt() + "; it cannot be published again", now(day));
        }
        day.checkPublishable();
        if (!days.markPublished(id.value(), version, currentActor.get().username(), clock.instant())) {
            throw stale(id.value());
        }
        Map<ReferralId, Offered> people = new LinkedHashMap<>();
        day.patients().forEach(p -> people.put(p.referralId(), p));
        for (Planned planned : day.plan()) {
            UUID appointment = UUID.randomUUID();
            Offered person = people.get(planned.referralId());
            days.insertAppointment(appointment, id.value(), day.day(), planned, PatientId.uuidOf(person.patientId()));
            book(appointment, day.day(), planned, person);
        }
        Set<UUID> served = day.plan().stream().map(p -> p.referralId().value()).collect(Collectors.toSet());
        day.patients().stream().map(o -> o.referralId().value()).filter(r -> !served.contains(r)).forEach(days::release);
        days.bookedAtHub(served, day.hub().id(), day.day()).forEach(events::publishEvent);
        ClinicDay published = days.load(id.value());
        published.appointments().stream().map(Booked::patientId).filter(Objects::nonNull).distinct()
                .forEach(patient -> {
                    audit.allowed(patient.value(), AuditAction.CREATE, "Appointment", id.toString());
                    itineraries.remind(published, patient.value());
                });
        return published.appointments();
    }

    /** The hub's practitioners. */
    @Transactional(readOnly = true)
    public List<Practitioner> practitionersOf(UUID hubId) {
        return days.practitionersOf(hubId);
    }

    public Optional<Hub> findHub(UUID hubId) {
        return hubs.find(hubId);
    }

    /**
     * Who may do what: staff of an organisation serving the hub's ICB see its clinic days and
     * record attendance; only its service managers plan and publish. A day of another ICB is
     * "not found", so its existence is not revealed.
     */
    private Actor allowed(Set<Role> roles, String icb) {
        return StaffAccess.require(currentActor, roles, icb, "clinic day");
    }

    /** Holds every 5-minute slot of the appointment's practitioner, room and patient; a slot already held refuses the whole publish. */
    private void book(UUID appointment, LocalDate date, Planned planned, Offered person) {
        List<String> resources = new ArrayList<>(List.of("practitioner:" + planned.practitionerId(), "room:" + planned.roomId()));
        resources.add(person.patientId() != null ? "patient:" + person.patientId() : "referral:" + planned.referralId());
        for (String resource : resources) {
            for (int minute = planned.start(); minute < planned.end(); minute += ClinicDay.SLOT) {
                try {
                    days.holdSlot(resource, date, minute, appointment);
                } catch (DuplicateKeyException e) {
                    throw new ConflictException("plan", "Cannot publish: the " + resource.substring(0, resource.indexOf(':'))
                            + " of " + person.name() + "'s appointment at " + InstanceJson.time(minute)
                            + " is already booked on " + date + " (another clinic day was published first). Nothing was published.", null);
                }
            }
        }
    }

    /** Checks the draft is still at the version the change was made from, and moves it on. */
    private ClinicDay changeDraft(UUID id, long version) {
        allowed(PLANNERS, days.load(id).hub().icbCode());
        if (!days.advance(id, version)) {
            throw stale(id);
        }
        return days.load(id);
    }

    /** Keeps a changed plan as the draft's new version, made from its current one. */
    private void keep(ClinicDay day, String what, List<Planned> plan) {
        days.savePlan(day.id().value(), days.nextPlanVersion(day.id().value()), day.planVersion(), what, by(), clock.instant(), plan);
    }

    private String by() {
        return currentActor.find().map(Actor::username).orElse("system");
    }

    private ConflictException stale(UUID id) {
        ClinicDay current = days.load(id);
        if (!current.isDraft()) {
            return new ConflictException("version", "This clinic day was published by " + current.publishedBy()
                    + " while you were working on it; nothing you sent was saved", now(current));
        }
        PlanChange last = current.history().isEmpty() ? null : current.history().get(0);
        return new ConflictException("version", "Someone else changed this clinic day since you opened it"
                + (last == null ? "" : " (latest: \"" + last.what() + "\" by " + last.by() + ")") + "; nothing you sent was saved. Here is the day as it is now.", now(current));
    }

    /** What a client needs to catch up after a conflict. */
    private static Map<String, Object> now(ClinicDay day) {
        return Map.of("version", day.version(), "status", day.status().name(), "planVersion", day.planVersion());
    }
}

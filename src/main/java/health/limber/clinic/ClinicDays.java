package health.limber.clinic;

import health.limber.clinic.ClinicDay.Booked;
import health.limber.clinic.ClinicDay.OnDuty;
import health.limber.clinic.ClinicDay.Offered;
import health.limber.clinic.ClinicDay.PlanChange;
import health.limber.clinic.ClinicDay.Planned;
import health.limber.clinic.ClinicDay.ServiceType;
import health.limber.clinic.planner.Appointment;
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
import health.limber.notification.Channel;
import health.limber.notification.Outbox;
import health.limber.patient.Patient;
import health.limber.patient.PatientManagement;
import health.limber.platform.ConflictException;
import health.limber.platform.InvalidInputException;
import health.limber.platform.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic module's API for one-stop clinic days: open a day at a hub, offer places to people
 * waiting for a one-stop visit, plan it with the optimiser, adjust it by hand (every change is a
 * new plan version that can be undone, and the checker marks each broken rule), publish it, and
 * record what happened to each appointment.
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
    static final int SLOT = 5;
    private static final Set<Role> STAFF = Set.of(Role.CLINICIAN, Role.SERVICE_MANAGER);
    private static final Set<Role> PLANNERS = Set.of(Role.SERVICE_MANAGER);

    private final JdbcClient jdbc;
    private final Hubs hubs;
    private final Clock clock;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final PatientManagement patients;
    private final Outbox outbox;

    ClinicDays(JdbcClient jdbc, Hubs hubs, Clock clock, CurrentActor currentActor, AuditLog audit, ApplicationEventPublisher events,
               PatientManagement patients, Outbox outbox) {
        this.jdbc = jdbc;
        this.patients = patients;
        this.outbox = outbox;
        this.hubs = hubs;
        this.clock = clock;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
    }

    /** A clinic day in a list. */
    public record Summary(UUID id, UUID hubId, String hubName, String icbCode, LocalDate day, ClinicDayStatus status,
                          int offered, int booked) {}

    /** People waiting for a one-stop visit in an ICB and not yet offered a day. */
    /** A person waiting to be offered a one-stop day; date of birth and NHS number tell two people of one name apart. */
    public record Waiting(UUID referralId, String reference, String name, LocalDate birthDate, String nhsNumber, List<String> needs,
                          LocalDate acceptedOn) {}

    /** Clinic days at the hubs of the ICBs the signed-in person's organisation serves, latest first. */
    @Transactional(readOnly = true)
    public List<Summary> list() {
        Collection<String> icbs = allowed(STAFF, null).servedIcbs();
        if (icbs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select d.id, d.hub_id, h.name, h.icb_code, d.clinic_date, d.status,
                       (select count(*) from clinic_day_patient p where p.clinic_day_id = d.id),
                       (select count(distinct a.referral_id) from appointment a where a.clinic_day_id = d.id)
                from clinic_day d join hub h on h.id = d.hub_id
                where h.icb_code in (:icbs) order by d.clinic_date desc, h.name""")
                .param("icbs", icbs)
                .query((rs, n) -> new Summary(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), ClinicDayStatus.valueOf(rs.getString(6)), rs.getInt(7), rs.getInt(8)))
                .list();
    }

    @Transactional(readOnly = true)
    public List<Waiting> waiting(String icb) {
        allowed(STAFF, icb);
        return jdbc.sql("""
                select referral_id, reference, display_name, needs, accepted_on, birth_date, nhs_number from one_stop_referral
                where icb_code = :icb and clinic_day_id is null order by accepted_on, reference""")
                .param("icb", icb)
                .query((rs, n) -> new Waiting(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(6, LocalDate.class), rs.getString(7), Arrays.asList(rs.getString(4).split(",")), rs.getObject(5, LocalDate.class)))
                .list();
    }

    /**
     * Opens a clinic day at a hub with all the hub's practitioners on their default hours and
     * offers places to the {@code offer} people who have waited longest for a one-stop visit.
     */
    public UUID open(UUID hubId, LocalDate day, int dayStart, int dayEnd, int offer) {
        Hub hub = hubs.find(hubId).filter(h -> currentActor.get().serves(h.icbCode()))
                .orElseThrow(() -> new InvalidInputException("hub", "Select a hub"));
        allowed(PLANNERS, hub.icbCode());
        if (day == null) {
            throw new InvalidInputException("day", "Enter the date of the clinic day");
        }
        if (day.isBefore(LocalDate.now(clock))) {
            throw new InvalidInputException("day", "The clinic day must be today or in the future");
        }
        if (dayStart % SLOT != 0 || dayEnd % SLOT != 0 || dayEnd <= dayStart) {
            throw new InvalidInputException("dayEnd", "The day must end after it starts, on a 5-minute boundary");
        }
        if (offer < 0 || offer > 100) {
            throw new InvalidInputException("offer", "Offer between 0 and 100 places");
        }
        Integer existing = jdbc.sql("select count(*) from clinic_day where hub_id = :hub and clinic_date = :day")
                .param("hub", hubId).param("day", day).query(Integer.class).single();
        if (existing > 0) {
            throw new InvalidInputException("day", hub.name() + " already has a clinic day on " + day);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into clinic_day (id, hub_id, clinic_date, day_start, day_end, status, plan_version, version)
                values (:id, :hub, :day, :start, :end, 'DRAFT', 0, 0)""")
                .param("id", id).param("hub", hubId).param("day", day).param("start", dayStart).param("end", dayEnd).update();
        newPlanVersion(id, 0, -1, "Opened the clinic day", List.of());
        for (Practitioner practitioner : practitionersOf(hubId)) {
            for (Instance.Window window : DEFAULT_HOURS) {
                int from = Math.max(window.from(), dayStart);
                int to = Math.min(window.to(), dayEnd);
                if (from < to) {
                    insertWindow(id, practitioner.id(), from, to);
                }
            }
        }
        offerNext(id, hub.icbCode(), dayStart, dayEnd, offer);
        return id;
    }

    /** A clinic day, for staff of an organisation serving the hub's ICB. */
    @Transactional(readOnly = true)
    public ClinicDay read(UUID id) {
        ClinicDay day = load(id);
        allowed(STAFF, day.hub().icbCode());
        return day;
    }

    private ClinicDay load(UUID id) {
        var row = jdbc.sql("select hub_id, clinic_date, day_start, day_end, status, plan_version, version, published_at, published_by from clinic_day where id = :id")
                .param("id", id)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getInt(4),
                        ClinicDayStatus.valueOf(rs.getString(5)), rs.getInt(6), rs.getLong(7), instant(rs.getTimestamp(8)), rs.getString(9)})
                .optional().orElseThrow(() -> new NotFoundException("clinic day " + id));
        Hub hub = hubs.find((UUID) row[0]).orElseThrow();
        int planVersion = (int) row[5];
        List<PlanChange> history = jdbc.sql("""
                select plan_version, what, made_by, made_at from clinic_day_plan_version where clinic_day_id = :id order by plan_version desc""")
                .param("id", id)
                .query((rs, n) -> new PlanChange(rs.getInt(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4))))
                .list();
        Integer parent = jdbc.sql("select parent_version from clinic_day_plan_version where clinic_day_id = :id and plan_version = :v")
                .param("id", id).param("v", planVersion).query(Integer.class).optional().orElse(-1);
        return new ClinicDay(id, hub, (LocalDate) row[1], (int) row[2], (int) row[3], (ClinicDayStatus) row[4], planVersion, (long) row[6],
                (Instant) row[7], (String) row[8], services(), onDuty(id, hub.id()), offered(id), planned(id, planVersion), history,
                row[4] == ClinicDayStatus.DRAFT && parent != null && parent >= 1, booked(id));
    }

    /** Offers places to the next {@code count} people waiting in the hub's ICB. */
    public void offerMore(UUID id, long version, int count) {
        ClinicDay day = changeDraft(id, version);
        if (count < 1 || count > 50) {
            throw new InvalidInputException("count", "Offer between 1 and 50 more places");
        }
        offerNext(id, day.hub().icbCode(), day.dayStart(), day.dayEnd(), count);
    }

    /** Takes a person off the day (back to waiting); their appointments leave the draft. */
    public void withdraw(UUID id, long version, UUID referralId) {
        ClinicDay day = changeDraft(id, version);
        offeredOn(day, referralId);
        jdbc.sql("delete from clinic_day_patient where clinic_day_id = :id and referral_id = :r").param("id", id).param("r", referralId).update();
        jdbc.sql("update one_stop_referral set clinic_day_id = null where referral_id = :r").param("r", referralId).update();
        List<Planned> kept = day.plan().stream().filter(p -> !p.referralId().equals(referralId)).toList();
        if (kept.size() != day.plan().size()) {
            newPlanVersion(id, nextVersion(id), day.planVersion(), "Took " + offeredOn(day, referralId).name() + " off the day", kept);
        }
    }

    /** Changes when a person can come, their longest stay and whether an interpreter is booked for them. */
    public void changeOffer(UUID id, long version, UUID referralId, int from, int to, int maxStay, boolean interpreterBooked) {
        ClinicDay day = changeDraft(id, version);
        offeredOn(day, referralId);
        if (from % SLOT != 0 || to % SLOT != 0 || to <= from || from < day.dayStart() || to > day.dayEnd()) {
            throw new InvalidInputException("availableTo", "The person must be able to come for some of the day, between "
                    + InstanceJson.time(day.dayStart()) + " and " + InstanceJson.time(day.dayEnd()) + ", on a 5-minute boundary");
        }
        if (maxStay < SLOT || maxStay > 12 * 60) {
            throw new InvalidInputException("maxStay", "The longest stay must be between 5 minutes and 12 hours");
        }
        jdbc.sql("""
                update clinic_day_patient set available_from = :from, available_to = :to, max_stay = :stay, interpreter_booked = :interpreter
                where clinic_day_id = :id and referral_id = :r""")
                .param("from", from).param("to", to).param("stay", maxStay).param("interpreter", interpreterBooked)
                .param("id", id).param("r", referralId).update();
    }

    /** Sets a practitioner's working windows for the day; none means not working. */
    public void setHours(UUID id, long version, UUID practitionerId, List<Instance.Window> windows) {
        ClinicDay day = changeDraft(id, version);
        if (day.practitioners().stream().noneMatch(p -> p.id().equals(practitionerId))) {
            throw new NotFoundException("practitioner " + practitionerId);
        }
        for (int i = 0; i < windows.size(); i++) {
            Instance.Window w = windows.get(i);
            if (w.from() % SLOT != 0 || w.to() % SLOT != 0 || w.to() <= w.from() || w.from() < day.dayStart() || w.to() > day.dayEnd()) {
                throw new InvalidInputException("hours", "Each session must end after it starts, inside the day, on a 5-minute boundary");
            }
            for (int j = 0; j < i; j++) {
                if (windows.get(j).overlaps(w)) {
                    throw new InvalidInputException("hours", "Sessions must not overlap");
                }
            }
        }
        jdbc.sql("delete from clinic_day_practitioner where clinic_day_id = :id and practitioner_id = :p").param("id", id).param("p", practitionerId).update();
        windows.forEach(w -> insertWindow(id, practitionerId, w.from(), w.to()));
    }

    /** Plans the day with the optimiser and keeps the result as a new draft version. */
    public Plan plan(UUID id, long version, Duration limit, Consumer<String> progress) {
        ClinicDay day = changeDraft(id, version);
        Instance instance;
        try {
            instance = Instance.checked(day.instance());
        } catch (InstanceException e) {
            throw new InvalidInputException("plan", "The day cannot be planned: " + e.getMessage());
        }
        Plan plan = new CpSatPlanner().plan(instance, limit, progress);
        List<Planned> planned = plan.appointments().stream().map(a -> new Planned(UUID.fromString(a.patient()), a.service(),
                UUID.fromString(a.practitioner()), UUID.fromString(a.room()), a.start(), a.end())).toList();
        newPlanVersion(id, nextVersion(id), day.planVersion(), String.format("Planned by the optimiser: %d of %d people get their whole visit",
                plan.metrics().patientsServed(), plan.metrics().patients()), planned);
        return plan;
    }

    /**
     * Moves one appointment of the draft (time, practitioner, room) or adds it if the person had
     * none for that service. The change is kept even when it breaks a rule, so the manager sees
     * what it breaks; the returned violations are every broken rule of the new draft.
     */
    public List<Violation> move(UUID id, long version, UUID referralId, String service, int start, UUID practitionerId, UUID roomId) {
        ClinicDay day = changeDraft(id, version);
        Offered person = offeredOn(day, referralId);
        if (!person.needs().contains(service)) {
            throw new InvalidInputException("service", person.name() + " does not need " + service);
        }
        if (start % SLOT != 0 || start < day.dayStart() || start >= day.dayEnd()) {
            throw new InvalidInputException("start", "Choose a start time inside the day, on a 5-minute boundary");
        }
        if (day.practitioners().stream().noneMatch(p -> p.id().equals(practitionerId))) {
            throw new InvalidInputException("practitioner", "Choose a practitioner of this hub");
        }
        if (day.hub().rooms().stream().noneMatch(r -> r.id().equals(roomId))) {
            throw new InvalidInputException("room", "Choose a room of this hub");
        }
        int minutes = day.services().stream().filter(s -> s.code().equals(service)).findFirst().orElseThrow().minutes();
        List<Planned> changed = new ArrayList<>(day.plan().stream()
                .filter(p -> !(p.referralId().equals(referralId) && p.service().equals(service))).toList());
        changed.add(new Planned(referralId, service, practitionerId, roomId, start, start + minutes));
        newPlanVersion(id, nextVersion(id), day.planVersion(), "Moved " + person.name() + "'s " + serviceName(day, service)
                + " to " + InstanceJson.time(start), changed);
        return load(id).violations();
    }

    /** Removes one appointment from the draft. */
    public void remove(UUID id, long version, UUID referralId, String service) {
        ClinicDay day = changeDraft(id, version);
        Offered person = offeredOn(day, referralId);
        List<Planned> kept = day.plan().stream().filter(p -> !(p.referralId().equals(referralId) && p.service().equals(service))).toList();
        newPlanVersion(id, nextVersion(id), day.planVersion(), "Removed " + person.name() + "'s " + serviceName(day, service), kept);
    }

    /** Goes back to the draft before the last change. */
    public void undo(UUID id, long version) {
        ClinicDay day = changeDraft(id, version);
        if (!day.canUndo()) {
            throw new InvalidInputException("undo", "There is nothing to undo");
        }
        int parent = jdbc.sql("select parent_version from clinic_day_plan_version where clinic_day_id = :id and plan_version = :v")
                .param("id", id).param("v", day.planVersion()).query(Integer.class).single();
        jdbc.sql("update clinic_day set plan_version = :v where id = :id").param("v", parent).param("id", id).update();
    }

    /**
     * Publishes the draft: refused while it breaks any rule; creates the appointments and books
     * every slot. People offered a place who have no appointment go back to waiting.
     */
    public List<Booked> publish(UUID id, long version) {
        ClinicDay day = load(id);
        allowed(PLANNERS, day.hub().icbCode());
        if (!day.isDraft()) {
            throw new ConflictException("version", "This clinic day was published by " + day.publishedBy() + " at "
                    + day.publishedAt() + "; it cannot be published again", now(day));
        }
        List<Violation> violations = day.violations().stream().filter(v -> v.rule() != health.limber.clinic.planner.Rule.UNSERVED_LISTED).toList();
        if (!violations.isEmpty()) {
            throw new InvalidInputException("plan", "The plan breaks " + violations.size() + " rule" + (violations.size() == 1 ? "" : "s")
                    + " and cannot be published: " + violations.get(0).message());
        }
        if (day.plan().isEmpty()) {
            throw new InvalidInputException("plan", "There are no appointments to publish: plan the day first");
        }
        String by = currentActor.get().username();
        int updated = jdbc.sql("""
                update clinic_day set status = 'PUBLISHED', version = version + 1, published_at = :at, published_by = :by
                where id = :id and version = :version and status = 'DRAFT'""")
                .param("at", Timestamp.from(clock.instant())).param("by", by).param("id", id).param("version", version).update();
        if (updated == 0) {
            throw stale(id);
        }
        Map<UUID, Offered> people = new LinkedHashMap<>();
        day.patients().forEach(p -> people.put(p.referralId(), p));
        for (Planned planned : day.plan()) {
            UUID appointment = UUID.randomUUID();
            Offered person = people.get(planned.referralId());
            jdbc.sql("""
                    insert into appointment (id, clinic_day_id, referral_id, patient_id, service_code, practitioner_id, room_id, clinic_date,
                        start_minute, end_minute, status, version)
                    values (:id, :day, :referral, :patient, :service, :practitioner, :room, :date, :start, :end, 'BOOKED', 0)""")
                    .param("id", appointment).param("day", id).param("referral", planned.referralId()).param("patient", person.patientId())
                    .param("service", planned.service()).param("practitioner", planned.practitionerId()).param("room", planned.roomId())
                    .param("date", day.day()).param("start", planned.start()).param("end", planned.end()).update();
            book(appointment, day.day(), planned, person);
        }
        var served = day.plan().stream().map(Planned::referralId).collect(java.util.stream.Collectors.toSet());
        for (Offered person : day.patients()) {
            if (!served.contains(person.referralId())) {
                jdbc.sql("update one_stop_referral set clinic_day_id = null where referral_id = :r").param("r", person.referralId()).update();
            }
        }
        jdbc.sql("select referral_id, reference, provider_code from one_stop_referral where referral_id in (:served)").param("served", served)
                .query((rs, n) -> new BookedAtHub(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), day.hub().id(), day.day(),
                        "one-stop clinic day " + day.day()))
                .list().forEach(events::publishEvent);
        ClinicDay published = load(id);
        published.appointments().stream().map(Booked::patientId).filter(java.util.Objects::nonNull).distinct()
                .forEach(patient -> {
                    audit.allowed(patient, AuditAction.CREATE, "Appointment", id.toString());
                    remind(published, patient);
                });
        return published.appointments();
    }

    /** Records what happened to a published appointment; a cancellation frees its slots. */
    public Booked recordOutcome(UUID appointmentId, long version, AppointmentOutcome outcome, String reason) {
        if (outcome == null || outcome == AppointmentOutcome.BOOKED) {
            throw new InvalidInputException("outcome", "Select what happened");
        }
        String why = reason == null ? "" : reason.strip();
        if (outcome.isCancellation() && why.isEmpty()) {
            throw new InvalidInputException("reason", "Enter why the appointment was cancelled");
        }
        if (why.length() > 500) {
            throw new InvalidInputException("reason", "The reason must be 500 characters or fewer");
        }
        var row = jdbc.sql("""
                select a.clinic_day_id, a.referral_id, a.patient_id, a.service_code, a.clinic_date, a.status, o.reference, o.provider_code
                from appointment a join one_stop_referral o on o.referral_id = a.referral_id where a.id = :id""")
                .param("id", appointmentId)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getString(8)})
                .optional().orElseThrow(() -> new NotFoundException("appointment " + appointmentId));
        allowed(STAFF, load((UUID) row[0]).hub().icbCode());
        if (!"BOOKED".equals(row[5])) {
            throw new InvalidInputException("outcome", "This appointment is already recorded as "
                    + AppointmentOutcome.valueOf((String) row[5]).label().toLowerCase());
        }
        if (!outcome.isCancellation() && ((LocalDate) row[4]).isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("outcome", "Attendance can be recorded on or after the day of the appointment");
        }
        int updated = jdbc.sql("""
                update appointment set status = :status, reason = :reason, recorded_by = :by, recorded_at = :at, version = version + 1
                where id = :id and version = :version and status = 'BOOKED'""")
                .param("status", outcome.name()).param("reason", why.isEmpty() ? null : why).param("by", currentActor.get().username())
                .param("at", Timestamp.from(clock.instant())).param("id", appointmentId).param("version", version).update();
        if (updated == 0) {
            throw new ConflictException("version", "Someone else recorded this appointment since you opened the page", null);
        }
        if (outcome.isCancellation()) {
            jdbc.sql("delete from appointment_slot where appointment_id = :id").param("id", appointmentId).update();
            if (row[2] != null && jdbc.sql("select count(*) from appointment where clinic_day_id = :day and patient_id = :p and status = 'BOOKED'")
                    .param("day", row[0]).param("p", row[2]).query(Integer.class).single() == 0) {
                outbox.withdraw(reminderKey((UUID) row[0], (UUID) row[2]));
            }
        }
        UUID referral = (UUID) row[1];
        boolean firstVisit = jdbc.sql("""
                select count(*) from appointment where referral_id = :r and clinic_date < :day and status in ('ATTENDED', 'DID_NOT_ATTEND')""")
                .param("r", referral).param("day", row[4]).query(Integer.class).single() == 0;
        if (row[2] != null) {
            audit.allowed((UUID) row[2], AuditAction.UPDATE, "Appointment", appointmentId.toString());
        }
        events.publishEvent(new AppointmentRecorded(appointmentId, referral, (String) row[6], (String) row[7], (String) row[3],
                (LocalDate) row[4], outcome, firstVisit));
        return load((UUID) row[0]).appointments().stream().filter(b -> b.id().equals(appointmentId)).findFirst().orElseThrow();
    }

    /** A patient's published visits from today on, with everything they need to find their way. */
    public List<Itinerary> itineraries(UUID patientId) {
        if (!currentActor.get().isPatient(patientId)) {
            throw new AccessDeniedException("Only the patient sees their itinerary here");
        }
        List<UUID> days = jdbc.sql("""
                select distinct clinic_day_id, clinic_date from appointment where patient_id = :p and clinic_date >= :today order by clinic_date""")
                .param("p", patientId).param("today", LocalDate.now(clock))
                .query((rs, n) -> rs.getObject(1, UUID.class)).list();
        List<Itinerary> itineraries = new ArrayList<>();
        for (UUID dayId : days) {
            ClinicDay day = load(dayId);
            List<Itinerary.Stop> stops = day.appointments().stream()
                    .filter(b -> patientId.equals(b.patientId()) && !b.outcome().isCancellation())
                    .map(b -> {
                        ServiceType service = day.services().stream().filter(s -> s.code().equals(b.service())).findFirst().orElseThrow();
                        OnDuty who = day.practitioners().stream().filter(p -> p.id().equals(b.practitionerId())).findFirst().orElseThrow();
                        Hub.Room room = day.hub().rooms().stream().filter(r -> r.id().equals(b.roomId())).findFirst().orElseThrow();
                        return new Itinerary.Stop(b.id(), b.start(), b.end(), service.name(), service.purpose(), who.name(), room.name(), room.stepFree());
                    })
                    .sorted(java.util.Comparator.comparingInt(Itinerary.Stop::start))
                    .toList();
            if (stops.isEmpty()) {
                continue;
            }
            String response = day.appointments().stream().filter(b -> patientId.equals(b.patientId()) && b.patientResponse() != null)
                    .map(Booked::patientResponse).findFirst().orElse(null);
            itineraries.add(new Itinerary(dayId, day.hub(), day.day(), stops, response));
        }
        audit.allowed(patientId, AuditAction.READ, "Itinerary", patientId.toString());
        return itineraries;
    }

    /** The patient confirms their visit or asks to change it (with what would suit them). */
    public void respond(UUID patientId, UUID clinicDayId, boolean confirm, String comment) {
        if (!currentActor.get().isPatient(patientId)) {
            throw new AccessDeniedException("Only the patient answers for their visit");
        }
        String text = comment == null ? "" : comment.strip();
        if (!confirm && text.isEmpty()) {
            throw new InvalidInputException("comment", "Tell us what would suit you better, so we can offer another time");
        }
        if (text.length() > 500) {
            throw new InvalidInputException("comment", "Your message must be 500 characters or fewer");
        }
        int updated = jdbc.sql("""
                update appointment set patient_response = :response, patient_comment = :comment
                where clinic_day_id = :day and patient_id = :patient and status = 'BOOKED'""")
                .param("response", confirm ? "CONFIRMED" : "CHANGE_REQUESTED").param("comment", text.isEmpty() ? null : text)
                .param("day", clinicDayId).param("patient", patientId).update();
        if (updated == 0) {
            throw new NotFoundException("itinerary " + clinicDayId);
        }
        audit.allowed(patientId, AuditAction.UPDATE, "Itinerary", clinicDayId.toString());
    }

    /**
     * Queues the visit's reminder for two days before (09:00), or at once if that has passed, by
     * the person's preferred channel (text message, then email). Nobody without a mobile number
     * or email address that they agreed to be contacted on gets one; the itinerary page is always there.
     */
    private void remind(ClinicDay day, UUID patientId) {
        Patient patient;
        try {
            patient = patients.read(patientId);
        } catch (AccessDeniedException e) {
            return;
        }
        List<Booked> own = day.appointments().stream().filter(b -> patientId.equals(b.patientId())).toList();
        int arrive = own.stream().mapToInt(Booked::start).min().orElseThrow() - 10;
        Channel channel = patient.contact().bySms() && patient.phone() != null ? Channel.SMS
                : patient.contact().byEmail() && patient.email() != null ? Channel.EMAIL : null;
        if (channel == null) {
            return;
        }
        java.time.ZoneId london = health.limber.platform.LimberTime.ZONE;
        Instant twoDaysBefore = day.day().minusDays(2).atTime(9, 0).atZone(london).toInstant();
        Instant sendAfter = twoDaysBefore.isBefore(clock.instant()) ? clock.instant() : twoDaysBefore;
        String when = day.day().format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM", java.util.Locale.UK));
        String body = "Your one-stop clinic visit is on " + when + " at " + day.hub().name() + ", " + day.hub().addressLine() + ", "
                + day.hub().postcode() + ". Please arrive by " + InstanceJson.time(arrive) + ". You will see " + own.size()
                + " people in one visit. See your times or ask to change them: sign in to Limber and choose My clinic visit.";
        outbox.queue(new Outbox.Message(reminderKey(day.id(), patientId), patientId, day.hub().icbCode(), channel,
                channel == Channel.SMS ? patient.phone() : patient.email(), "Your one-stop clinic visit on " + when, body, sendAfter));
    }

    private static String reminderKey(UUID day, UUID patient) {
        return "clinic-day:" + day + ":patient:" + patient + ":reminder";
    }

    /** The hub's practitioners. */
    @Transactional(readOnly = true)
    public List<Practitioner> practitionersOf(UUID hubId) {
        return jdbc.sql("select id, name, service_code, languages from practitioner where hub_id = :hub order by service_code, name")
                .param("hub", hubId)
                .query((rs, n) -> new Practitioner(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), languages(rs.getString(4))))
                .list();
    }

    /** A practitioner of a hub: their one service and the languages they speak. */
    public record Practitioner(UUID id, String name, String service, Set<String> languages) {}

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

    private void book(UUID appointment, LocalDate date, Planned planned, Offered person) {
        List<String> resources = new ArrayList<>(List.of("practitioner:" + planned.practitionerId(), "room:" + planned.roomId()));
        resources.add(person.patientId() != null ? "patient:" + person.patientId() : "referral:" + planned.referralId());
        for (String resource : resources) {
            for (int minute = planned.start(); minute < planned.end(); minute += SLOT) {
                try {
                    jdbc.sql("insert into appointment_slot (resource, slot_date, slot_minute, appointment_id) values (:r, :day, :m, :a)")
                            .param("r", resource).param("day", date).param("m", minute).param("a", appointment).update();
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
        allowed(PLANNERS, load(id).hub().icbCode());
        int updated = jdbc.sql("update clinic_day set version = version + 1 where id = :id and version = :version and status = 'DRAFT'")
                .param("id", id).param("version", version).update();
        if (updated == 0) {
            throw stale(id);
        }
        return load(id);
    }

    private ConflictException stale(UUID id) {
        ClinicDay current = load(id);
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

    private void offerNext(UUID id, String icb, int dayStart, int dayEnd, int count) {
        List<UUID> next = jdbc.sql("""
                select referral_id from one_stop_referral where icb_code = :icb and clinic_day_id is null
                order by accepted_on, reference""")
                .param("icb", icb).query((rs, n) -> rs.getObject(1, UUID.class)).list().stream().limit(count).toList();
        for (UUID referral : next) {
            jdbc.sql("update one_stop_referral set clinic_day_id = :day where referral_id = :r and clinic_day_id is null")
                    .param("day", id).param("r", referral).update();
            jdbc.sql("""
                    insert into clinic_day_patient (clinic_day_id, referral_id, needs, available_from, available_to, max_stay, interpreter_booked, weight)
                    select :day, referral_id, needs, :from, :to, :stay, false, 1 from one_stop_referral where referral_id = :r""")
                    .param("day", id).param("r", referral).param("from", dayStart).param("to", dayEnd)
                    .param("stay", Math.min(DEFAULT_MAX_STAY, dayEnd - dayStart)).update();
        }
    }

    private Offered offeredOn(ClinicDay day, UUID referralId) {
        return day.patients().stream().filter(p -> p.referralId().equals(referralId)).findFirst()
                .orElseThrow(() -> new InvalidInputException("referral", "That person is not offered a place on this day"));
    }

    private int nextVersion(UUID id) {
        return jdbc.sql("select coalesce(max(plan_version), 0) + 1 from clinic_day_plan_version where clinic_day_id = :id")
                .param("id", id).query(Integer.class).single();
    }

    private void newPlanVersion(UUID id, int version, int parent, String what, List<Planned> plan) {
        jdbc.sql("""
                insert into clinic_day_plan_version (clinic_day_id, plan_version, parent_version, what, made_by, made_at)
                values (:id, :v, :parent, :what, :by, :at)""")
                .param("id", id).param("v", version).param("parent", parent).param("what", what)
                .param("by", currentActor.find().map(a -> a.username()).orElse("system")).param("at", Timestamp.from(clock.instant())).update();
        for (Planned p : plan) {
            jdbc.sql("""
                    insert into clinic_day_plan (clinic_day_id, plan_version, referral_id, service_code, practitioner_id, room_id, start_minute, end_minute)
                    values (:id, :v, :r, :s, :p, :room, :start, :end)""")
                    .param("id", id).param("v", version).param("r", p.referralId()).param("s", p.service()).param("p", p.practitionerId())
                    .param("room", p.roomId()).param("start", p.start()).param("end", p.end()).update();
        }
        jdbc.sql("update clinic_day set plan_version = :v where id = :id").param("v", version).param("id", id).update();
    }

    private void insertWindow(UUID id, UUID practitioner, int from, int to) {
        jdbc.sql("insert into clinic_day_practitioner (clinic_day_id, practitioner_id, window_from, window_to) values (:id, :p, :from, :to)")
                .param("id", id).param("p", practitioner).param("from", from).param("to", to).update();
    }

    private List<ServiceType> services() {
        return jdbc.sql("select code, name, purpose, minutes from clinic_service order by position")
                .query((rs, n) -> new ServiceType(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4))).list();
    }

    private static String serviceName(ClinicDay day, String code) {
        return day.services().stream().filter(s -> s.code().equals(code)).map(s -> s.name().toLowerCase()).findFirst().orElse(code);
    }

    private List<OnDuty> onDuty(UUID id, UUID hubId) {
        Map<UUID, List<Instance.Window>> windows = new LinkedHashMap<>();
        jdbc.sql("select practitioner_id, window_from, window_to from clinic_day_practitioner where clinic_day_id = :id order by window_from")
                .param("id", id)
                .query(rs -> {
                    windows.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new Instance.Window(rs.getInt(2), rs.getInt(3)));
                });
        return practitionersOf(hubId).stream()
                .map(p -> new OnDuty(p.id(), p.name(), p.service(), p.languages(), windows.getOrDefault(p.id(), List.of()))).toList();
    }

    private List<Offered> offered(UUID id) {
        return jdbc.sql("""
                select o.referral_id, o.reference, o.patient_id, o.display_name, p.needs, p.available_from, p.available_to, p.max_stay,
                       o.step_free, o.language, o.interpreter_needed, p.interpreter_booked, p.weight, o.birth_date, o.nhs_number
                from clinic_day_patient p join one_stop_referral o on o.referral_id = p.referral_id
                where p.clinic_day_id = :id order by o.accepted_on, o.reference""")
                .param("id", id)
                .query((rs, n) -> new Offered(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
                        rs.getObject(14, LocalDate.class), rs.getString(15), Arrays.asList(rs.getString(5).split(",")), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getBoolean(9),
                        rs.getBoolean(11) ? rs.getString(10) : "en", rs.getBoolean(12), rs.getInt(13)))
                .list();
    }

    private List<Planned> planned(UUID id, int version) {
        return jdbc.sql("""
                select referral_id, service_code, practitioner_id, room_id, start_minute, end_minute from clinic_day_plan
                where clinic_day_id = :id and plan_version = :v order by start_minute""")
                .param("id", id).param("v", version)
                .query((rs, n) -> new Planned(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), rs.getInt(5), rs.getInt(6)))
                .list();
    }

    private List<Booked> booked(UUID id) {
        return jdbc.sql("""
                select id, referral_id, patient_id, service_code, practitioner_id, room_id, start_minute, end_minute, status, reason,
                       patient_response, patient_comment, version
                from appointment where clinic_day_id = :id order by start_minute""")
                .param("id", id)
                .query((rs, n) -> booked(rs))
                .list();
    }

    private static Booked booked(ResultSet rs) throws SQLException {
        return new Booked(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4),
                rs.getObject(5, UUID.class), rs.getObject(6, UUID.class), rs.getInt(7), rs.getInt(8),
                AppointmentOutcome.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11), rs.getString(12), rs.getLong(13));
    }

    private static Set<String> languages(String value) {
        return Set.copyOf(Arrays.asList(value.split(",")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

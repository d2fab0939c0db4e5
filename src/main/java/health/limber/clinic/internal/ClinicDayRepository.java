package health.limber.clinic.internal;

import health.limber.clinic.AppointmentId;
import health.limber.clinic.AppointmentOutcome;
import health.limber.clinic.BookedAtHub;
import health.limber.clinic.ClinicDay;
import health.limber.clinic.ClinicDay.Booked;
import health.limber.clinic.ClinicDay.Offered;
import health.limber.clinic.ClinicDay.OnDuty;
import health.limber.clinic.ClinicDay.PlanChange;
import health.limber.clinic.ClinicDay.Planned;
import health.limber.clinic.ClinicDay.ServiceType;
import health.limber.clinic.ClinicDayId;
import health.limber.clinic.ClinicDays;
import health.limber.clinic.ClinicDays.Practitioner;
import health.limber.clinic.Hub;
import health.limber.clinic.Hubs;
import health.limber.clinic.planner.Instance;
import health.limber.patient.PatientId;
import health.limber.platform.NotFoundException;
import health.limber.referral.ReferralId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where clinic days are kept: the day (status, the current plan version, an optimistic-lock
 * version), who works when, who is offered a place, every plan version with what changed, and the
 * published appointments with the slots they hold. Named-parameter SQL; the rules are in
 * {@link ClinicDay} and {@link ClinicDays}.
 */
@Repository
public class ClinicDayRepository {

    private final JdbcClient jdbc;
    private final Hubs hubs;

    ClinicDayRepository(JdbcClient jdbc, Hubs hubs) {
        this.jdbc = jdbc;
        this.hubs = hubs;
    }

    /** The clinic day with everything its planner needs. */
    public ClinicDay load(UUID id) {
        var row = jdbc.sql("""
                select hub_id, clinic_date, day_start, day_end, status, plan_version, version, published_at, published_by
                from clinic_day where id = :id""")
                .param("id", id)
                .query((rs, n) -> new DayRow(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getInt(4),
                        ClinicDayStatus.valueOf(rs.getString(5)), rs.getInt(6), rs.getLong(7), instant(rs.getTimestamp(8)), rs.getString(9)))
                .optional().orElseThrow(() -> new NotFoundException("clinic day " + id));
        Hub hub = hubs.find(row.hubId()).orElseThrow();
        List<PlanChange> history = jdbc.sql("""
                select plan_version, what, made_by, made_at from clinic_day_plan_version where clinic_day_id = :id order by plan_version desc""")
                .param("id", id)
                .query((rs, n) -> new PlanChange(rs.getInt(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4))))
                .list();
        int parent = parentOf(id, row.planVersion()).orElse(-1);
        return new ClinicDay(ClinicDayId.of(id), hub, row.day(), row.dayStart(), row.dayEnd(), row.status(), row.planVersion(), row.version(),
                row.publishedAt(), row.publishedBy(), services(), onDuty(id, hub.id()), offered(id), planned(id, row.planVersion()), history,
                row.status() == ClinicDayStatus.DRAFT && parent >= 1, booked(id));
    }

    private record DayRow(UUID hubId, LocalDate day, int dayStart, int dayEnd, ClinicDayStatus status, int planVersion, long version,
                          Instant publishedAt, String publishedBy) {}

    public List<ClinicDays.Summary> list(Collection<String> icbs) {
        return jdbc.sql("""
                select d.id, d.hub_id, h.name, h.icb_code, d.clinic_date, d.status,
                       (select count(*) from clinic_day_patient p where p.clinic_day_id = d.id),
                       (select count(distinct a.referral_id) from appointment a where a.clinic_day_id = d.id)
                from clinic_day d join hub h on h.id = d.hub_id
                where h.icb_code in (:icbs) order by d.clinic_date desc, h.name""")
                .param("icbs", icbs)
                .query((rs, n) -> new ClinicDays.Summary(ClinicDayId.of(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class), ClinicDayStatus.valueOf(rs.getString(6)), rs.getInt(7), rs.getInt(8)))
                .list();
    }

    public List<ClinicDays.Waiting> waiting(String icb) {
        return jdbc.sql("""
                select referral_id, reference, display_name, needs, accepted_on, birth_date, nhs_number from one_stop_referral
                where icb_code = :icb and clinic_day_id is null order by accepted_on, reference""")
                .param("icb", icb)
                .query((rs, n) -> new ClinicDays.Waiting(ReferralId.of(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
                        rs.getObject(6, LocalDate.class), rs.getString(7), needs(rs.getString(4)), rs.getObject(5, LocalDate.class)))
                .list();
    }

    public boolean exists(UUID hubId, LocalDate day) {
        return jdbc.sql("select count(*) from clinic_day where hub_id = :hub and clinic_date = :day")
                .param("hub", hubId).param("day", day).query(Integer.class).single() > 0;
    }

    public void insert(UUID id, UUID hubId, LocalDate day, int dayStart, int dayEnd) {
        jdbc.sql("""
                insert into clinic_day (id, hub_id, clinic_date, day_start, day_end, status, plan_version, version)
                values (:id, :hub, :day, :start, :end, 'DRAFT', 0, 0)""")
                .param("id", id).param("hub", hubId).param("day", day).param("start", dayStart).param("end", dayEnd).update();
    }

    /** Moves a draft on from the version a change was made from; false if it is no longer at that version (or not a draft). */
    public boolean advance(UUID id, long version) {
        return jdbc.sql("update clinic_day set version = version + 1 where id = :id and version = :version and status = 'DRAFT'")
                .param("id", id).param("version", version).update() == 1;
    }

    /** Marks a draft published; false if it is no longer at the version it was read at. */
    public boolean markPublished(UUID id, long version, String by, Instant at) {
        return jdbc.sql("""
                update clinic_day set status = 'PUBLISHED', version = version + 1, published_at = :at, published_by = :by
                where id = :id and version = :version and status = 'DRAFT'""")
                .param("at", Timestamp.from(at)).param("by", by).param("id", id).param("version", version).update() == 1;
    }

    public int nextPlanVersion(UUID id) {
        return jdbc.sql("select coalesce(max(plan_version), 0) + 1 from clinic_day_plan_version where clinic_day_id = :id")
                .param("id", id).query(Integer.class).single();
    }

    public Optional<Integer> parentOf(UUID id, int planVersion) {
        return jdbc.sql("select parent_version from clinic_day_plan_version where clinic_day_id = :id and plan_version = :v")
                .param("id", id).param("v", planVersion).query(Integer.class).optional();
    }

    /** Keeps a plan version (what changed, by whom, from which version) and makes it the day's current plan. */
    public void savePlan(UUID id, int version, int parent, String what, String by, Instant at, List<Planned> plan) {
        jdbc.sql("""
                insert into clinic_day_plan_version (clinic_day_id, plan_version, parent_version, what, made_by, made_at)
                values (:id, :v, :parent, :what, :by, :at)""")
                .param("id", id).param("v", version).param("parent", parent).param("what", what)
                .param("by", by).param("at", Timestamp.from(at)).update();
        for (Planned p : plan) {
            jdbc.sql("""
                    insert into clinic_day_plan (clinic_day_id, plan_version, referral_id, service_code, practitioner_id, room_id, start_minute, end_minute)
                    values (:id, :v, :r, :s, :p, :room, :start, :end)""")
                    .param("id", id).param("v", version).param("r", p.referralId()).param("s", p.service()).param("p", p.practitionerId())
                    .param("room", p.roomId()).param("start", p.start()).param("end", p.end()).update();
        }
        usePlan(id, version);
    }

    public void usePlan(UUID id, int version) {
        jdbc.sql("update clinic_day set plan_version = :v where id = :id").param("v", version).param("id", id).update();
    }

    /** Replaces a practitioner's working windows on the day. */
    public void setHours(UUID id, UUID practitionerId, List<Instance.Window> windows) {
        jdbc.sql("delete from clinic_day_practitioner where clinic_day_id = :id and practitioner_id = :p")
                .param("id", id).param("p", practitionerId).update();
        for (Instance.Window w : windows) {
            jdbc.sql("""
                    insert into clinic_day_practitioner (clinic_day_id, practitioner_id, window_from, window_to) values (:id, :p, :from, :to)""")
                    .param("id", id).param("p", practitionerId).param("from", w.from()).param("to", w.to()).update();
        }
    }

    /** Offers places to the next {@code count} people waiting in the ICB, longest-waiting first, free for the whole day. */
    public void offerNext(UUID id, String icb, int dayStart, int dayEnd, int maxStay, int count) {
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
                    .param("day", id).param("r", referral).param("from", dayStart).param("to", dayEnd).param("stay", maxStay).update();
        }
    }

    /** Takes a person off the day: they wait again. */
    public void withdraw(UUID id, UUID referralId) {
        jdbc.sql("delete from clinic_day_patient where clinic_day_id = :id and referral_id = :r").param("id", id).param("r", referralId).update();
        release(referralId);
    }

    /** The person waits again for a one-stop day. */
    public void release(UUID referralId) {
        jdbc.sql("update one_stop_referral set clinic_day_id = null where referral_id = :r").param("r", referralId).update();
    }

    public void changeOffer(UUID id, UUID referralId, int from, int to, int maxStay, boolean interpreterBooked) {
        jdbc.sql("""
                update clinic_day_patient set available_from = :from, available_to = :to, max_stay = :stay, interpreter_booked = :interpreter
                where clinic_day_id = :id and referral_id = :r""")
                .param("from", from).param("to", to).param("stay", maxStay).param("interpreter", interpreterBooked)
                .param("id", id).param("r", referralId).update();
    }

    /** What a published booking tells the waiting list: the referral's reference and provider, booked at the hub on the day. */
    public List<BookedAtHub> bookedAtHub(Set<UUID> referrals, UUID hubId, LocalDate day) {
        if (referrals.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select referral_id, reference, provider_code from one_stop_referral where referral_id in (:served)")
                .param("served", referrals)
                .query((rs, n) -> new BookedAtHub(ReferralId.of(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3), hubId, day,
                        "one-stop clinic day " + day))
                .list();
    }

    public void insertAppointment(UUID appointmentId, UUID dayId, LocalDate date, Planned planned, UUID patientId) {
        jdbc.sql("""
                insert into appointment (id, clinic_day_id, referral_id, patient_id, service_code, practitioner_id, room_id, clinic_date,
                    start_minute, end_minute, status, version)
                values (:id, :day, :referral, :patient, :service, :practitioner, :room, :date, :start, :end, 'BOOKED', 0)""")
                .param("id", appointmentId).param("day", dayId).param("referral", planned.referralId()).param("patient", patientId)
                .param("service", planned.service()).param("practitioner", planned.practitionerId()).param("room", planned.roomId())
                .param("date", date).param("start", planned.start()).param("end", planned.end()).update();
    }

    /**
     * Holds one 5-minute slot of a resource for an appointment; the table's primary key refuses a
     * second holder with {@link org.springframework.dao.DuplicateKeyException}.
     */
    public void holdSlot(String resource, LocalDate date, int minute, UUID appointmentId) {
        jdbc.sql("insert into appointment_slot (resource, slot_date, slot_minute, appointment_id) values (:r, :day, :m, :a)")
                .param("r", resource).param("day", date).param("m", minute).param("a", appointmentId).update();
    }

    public void freeSlots(UUID appointmentId) {
        jdbc.sql("delete from appointment_slot where appointment_id = :id").param("id", appointmentId).update();
    }

    /** A published appointment with what the waiting list needs to hear about it. */
    public record AppointmentRow(UUID clinicDayId, UUID referralId, UUID patientId, String service, LocalDate date, AppointmentOutcome outcome,
                          String reference, String providerCode) {}

    public Optional<AppointmentRow> appointment(UUID appointmentId) {
        return jdbc.sql("""
                select a.clinic_day_id, a.referral_id, a.patient_id, a.service_code, a.clinic_date, a.status, o.reference, o.provider_code
                from appointment a join one_stop_referral o on o.referral_id = a.referral_id where a.id = :id""")
                .param("id", appointmentId)
                .query((rs, n) -> new AppointmentRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getObject(5, LocalDate.class), AppointmentOutcome.valueOf(rs.getString(6)), rs.getString(7),
                        rs.getString(8)))
                .optional();
    }

    /** Records what happened; false if the appointment is no longer booked at the version it was read at. */
    public boolean recordOutcome(UUID appointmentId, long version, AppointmentOutcome outcome, String reason, String by, Instant at) {
        return jdbc.sql("""
                update appointment set status = :status, reason = :reason, recorded_by = :by, recorded_at = :at, version = version + 1
                where id = :id and version = :version and status = 'BOOKED'""")
                .param("status", outcome.name()).param("reason", reason).param("by", by)
                .param("at", Timestamp.from(at)).param("id", appointmentId).param("version", version).update() == 1;
    }

    public int stillBooked(UUID dayId, UUID patientId) {
        return jdbc.sql("select count(*) from appointment where clinic_day_id = :day and patient_id = :p and status = 'BOOKED'")
                .param("day", dayId).param("p", patientId).query(Integer.class).single();
    }

    /** Whether no earlier appointment of the referral was attended or missed: this is the first visit. */
    public boolean firstVisit(UUID referralId, LocalDate day) {
        return jdbc.sql("""
                select count(*) from appointment where referral_id = :r and clinic_date < :day and status in ('ATTENDED', 'DID_NOT_ATTEND')""")
                .param("r", referralId).param("day", day).query(Integer.class).single() == 0;
    }

    /** The clinic days on which the patient has appointments, from the day given, soonest first. */
    List<UUID> daysOf(UUID patientId, LocalDate from) {
        return jdbc.sql("""
                select distinct clinic_day_id, clinic_date from appointment where patient_id = :p and clinic_date >= :today order by clinic_date""")
                .param("p", patientId).param("today", from)
                .query((rs, n) -> rs.getObject(1, UUID.class)).list();
    }

    /** The patient's answer to their visit, on each of their booked appointments of the day; how many took it. */
    int respond(UUID patientId, UUID clinicDayId, String response, String comment) {
        return jdbc.sql("""
                update appointment set patient_response = :response, patient_comment = :comment
                where clinic_day_id = :day and patient_id = :patient and status = 'BOOKED'""")
                .param("response", response).param("comment", comment)
                .param("day", clinicDayId).param("patient", patientId).update();
    }

    public List<Practitioner> practitionersOf(UUID hubId) {
        return jdbc.sql("select id, name, service_code, languages, staff_username from practitioner where hub_id = :hub order by service_code, name")
                .param("hub", hubId)
                .query((rs, n) -> new Practitioner(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        Set.copyOf(Arrays.asList(rs.getString(4).split(","))), rs.getString(5)))
                .list();
    }

    private List<ServiceType> services() {
        return jdbc.sql("select code, name, purpose, minutes from clinic_service order by position")
                .query((rs, n) -> new ServiceType(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4))).list();
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
                select o.referral_id, o.reference, o.patient_id, o.display_name, o.birth_date, o.nhs_number, p.needs, p.available_from,
                       p.available_to, p.max_stay, o.step_free, o.language, o.interpreter_needed, p.interpreter_booked, p.weight
                from clinic_day_patient p join one_stop_referral o on o.referral_id = p.referral_id
                where p.clinic_day_id = :id order by o.accepted_on, o.reference""")
                .param("id", id)
                .query((rs, n) -> new Offered(ReferralId.of(rs.getObject("referral_id", UUID.class)), rs.getString("reference"),
                        PatientId.ofNullable(rs.getObject("patient_id", UUID.class)), rs.getString("display_name"), rs.getObject("birth_date", LocalDate.class),
                        rs.getString("nhs_number"), needs(rs.getString("needs")), rs.getInt("available_from"), rs.getInt("available_to"),
                        rs.getInt("max_stay"), rs.getBoolean("step_free"),
                        rs.getBoolean("interpreter_needed") ? rs.getString("language") : "en", rs.getBoolean("interpreter_booked"),
                        rs.getInt("weight")))
                .list();
    }

    private List<Planned> planned(UUID id, int version) {
        return jdbc.sql("""
                select referral_id, service_code, practitioner_id, room_id, start_minute, end_minute from clinic_day_plan
                where clinic_day_id = :id and plan_version = :v order by start_minute""")
                .param("id", id).param("v", version)
                .query((rs, n) -> new Planned(ReferralId.of(rs.getObject("referral_id", UUID.class)), rs.getString("service_code"),
                        rs.getObject("practitioner_id", UUID.class), rs.getObject("room_id", UUID.class), rs.getInt("start_minute"),
                        rs.getInt("end_minute")))
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
        return new Booked(AppointmentId.of(rs.getObject("id", UUID.class)), ReferralId.of(rs.getObject("referral_id", UUID.class)),
                PatientId.ofNullable(rs.getObject("patient_id", UUID.class)), rs.getString("service_code"), rs.getObject("practitioner_id", UUID.class), rs.getObject("room_id", UUID.class),
                rs.getInt("start_minute"), rs.getInt("end_minute"), AppointmentOutcome.valueOf(rs.getString("status")), rs.getString("reason"),
                rs.getString("patient_response"), rs.getString("patient_comment"), rs.getLong("version"));
    }

    private static List<String> needs(String value) {
        return Arrays.asList(value.split(","));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

package health.limber.clinic.internal;

import health.limber.clinic.AppointmentId;
import health.limber.clinic.AppointmentOutcome;
import health.limber.clinic.AppointmentType;
import health.limber.clinic.OneToOneAppointments.Booking;
import health.limber.clinic.SessionMode;
import health.limber.clinic.planner.InstanceJson;
import health.limber.referral.ReferralId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows of 1:1 care: people waiting for physiotherapy, clinicians' sessions, their bookable
 * slots and the appointments booked into them. A slot is taken by setting its appointment only
 * where it is free, so two bookings of one slot cannot both succeed.
 */
@Repository
public class OneToOneRepository {

    private final JdbcClient jdbc;

    OneToOneRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A person accepted to physiotherapy, as the booking pages know them. */
    public record ReferralRow(UUID referralId, String reference, UUID patientId, String name, LocalDate birthDate, String nhsNumber,
                              String icbCode, String providerCode, String priority, LocalDate receivedOn, String language,
                              boolean interpreterNeeded, boolean stepFree, UUID preferredHubId, LocalDate closedOn, LocalDate followUpUntil) {}

    /** A session's row. */
    public record SessionRow(UUID id, String icbCode, String providerCode, UUID hubId, UUID roomId, String mode, String clinician,
                             String clinicianName, String languages, LocalDate date, int start, int end, String type, int slotMinutes) {}

    /** A slot with what the finder and the booking page show about it. */
    public record SlotRow(UUID id, UUID sessionId, String icbCode, LocalDate date, int start, int end, String type, String mode,
                          UUID hubId, String hubName, UUID roomId, String roomName, boolean stepFree, String clinician,
                          String clinicianName, String languages, UUID appointmentId, boolean cancelled) {}

    /** An appointment with its person, slot and session. */
    public record AppointmentRow(UUID id, UUID slotId, UUID referralId, String reference, String providerCode, String icbCode,
                                 UUID patientId, String name, LocalDate birthDate, String nhsNumber, String type, LocalDate date,
                                 int start, int end, String mode, UUID hubId, String hubName, String hubAddress, String roomName,
                                 String clinician, String clinicianName, AppointmentOutcome status, String reason,
                                 String patientResponse, String patientComment, long version) {

        /** The appointment as the module's API shows it, with where it is in words. */
        public Booking toBooking() {
            SessionMode how = SessionMode.valueOf(mode);
            String place = how == SessionMode.IN_PERSON ? hubName + (roomName == null ? "" : " (" + roomName + ")") + ", " + hubAddress
                    : how == SessionMode.TELEPHONE ? "by telephone: the clinician will call you" : "by video: you will get a link before the appointment";
            return new Booking(AppointmentId.of(id), ReferralId.of(referralId), reference, patientId, name, birthDate, nhsNumber,
                    AppointmentType.valueOf(type), date, InstanceJson.time(start), InstanceJson.time(end), how, place, clinicianName, status,
                    reason, patientResponse, patientComment, version);
        }
    }

    public void admit(ReferralRow r) {
        jdbc.sql("""
                insert into one_to_one_referral (referral_id, reference, patient_id, display_name, birth_date, nhs_number, icb_code,
                    provider_code, priority, received_on, accepted_on, language, interpreter_needed, step_free)
                values (:id, :reference, :patient, :name, :born, :nhs, :icb, :provider, :priority, :received, :accepted, :language,
                    :interpreter, :stepFree)""")
                .param("id", r.referralId()).param("reference", r.reference()).param("patient", r.patientId()).param("name", r.name())
                .param("born", r.birthDate()).param("nhs", r.nhsNumber()).param("icb", r.icbCode()).param("provider", r.providerCode())
                .param("priority", r.priority()).param("received", r.receivedOn()).param("accepted", r.receivedOn())
                .param("language", r.language()).param("interpreter", r.interpreterNeeded()).param("stepFree", r.stepFree()).update();
    }

    private static final String REFERRAL_COLUMNS = """
            referral_id, reference, patient_id, display_name, birth_date, nhs_number, icb_code, provider_code, priority, received_on,
            language, interpreter_needed, step_free, preferred_hub_id, closed_on, follow_up_until""";

    public Optional<ReferralRow> referral(UUID referralId) {
        return jdbc.sql("select " + REFERRAL_COLUMNS + " from one_to_one_referral where referral_id = :id")
                .param("id", referralId).query(OneToOneRepository::referralRow).optional();
    }

    /**
     * People of an ICB accepted to physiotherapy who have neither attended an assessment nor got one
     * booked, and whose episode is open: urgent first, then soon, then routine, longest wait first.
     */
    public List<ReferralRow> waiting(String icb, int limit) {
        return jdbc.sql("select " + REFERRAL_COLUMNS + """
                         from one_to_one_referral r
                        where r.icb_code = :icb and r.closed_on is null
                          and not exists (select 1 from one_to_one_appointment a where a.referral_id = r.referral_id
                                          and a.status in ('BOOKED', 'ATTENDED'))
                        order by case r.priority when 'URGENT' then 0 when 'SOON' then 1 else 2 end, r.received_on, r.reference
                        fetch first :limit rows only""")
                .param("icb", icb).param("limit", limit).query(OneToOneRepository::referralRow).list();
    }

    public void preferHub(UUID referralId, UUID hubId) {
        jdbc.sql("update one_to_one_referral set preferred_hub_id = :hub where referral_id = :id").param("hub", hubId).param("id", referralId).update();
    }

    public int close(UUID referralId, LocalDate on, LocalDate followUpUntil) {
        return jdbc.sql("update one_to_one_referral set closed_on = :on, follow_up_until = :until where referral_id = :id")
                .param("on", on).param("until", followUpUntil).param("id", referralId).update();
    }

    private static ReferralRow referralRow(ResultSet rs, int n) throws SQLException {
        return new ReferralRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
                rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getObject(10, LocalDate.class), rs.getString(11), rs.getBoolean(12), rs.getBoolean(13), rs.getObject(14, UUID.class),
                rs.getObject(15, LocalDate.class), rs.getObject(16, LocalDate.class));
    }

    public void insertSession(SessionRow s, String by, Instant at) {
        jdbc.sql("""
                insert into clinician_session (id, icb_code, provider_code, hub_id, room_id, mode, clinician, clinician_name, languages,
                    session_date, start_minute, end_minute, appointment_type, slot_minutes, created_by, created_at)
                values (:id, :icb, :provider, :hub, :room, :mode, :clinician, :name, :languages, :date, :start, :end, :type, :minutes, :by, :at)""")
                .param("id", s.id()).param("icb", s.icbCode()).param("provider", s.providerCode()).param("hub", s.hubId())
                .param("room", s.roomId()).param("mode", s.mode()).param("clinician", s.clinician()).param("name", s.clinicianName())
                .param("languages", s.languages()).param("date", s.date()).param("start", s.start()).param("end", s.end())
                .param("type", s.type()).param("minutes", s.slotMinutes()).param("by", by).param("at", Timestamp.from(at)).update();
        for (int start = s.start(); start + s.slotMinutes() <= s.end(); start += s.slotMinutes()) {
            jdbc.sql("""
                    insert into session_slot (id, session_id, icb_code, slot_date, start_minute, end_minute, appointment_type)
                    values (:id, :session, :icb, :date, :start, :end, :type)""")
                    .param("id", UUID.randomUUID()).param("session", s.id()).param("icb", s.icbCode()).param("date", s.date())
                    .param("start", start).param("end", start + s.slotMinutes()).param("type", s.type()).update();
        }
    }

    /** Sessions of the clinician on the day that overlap the given hours. */
    public int overlapping(String clinician, LocalDate date, int start, int end) {
        return jdbc.sql("""
                select count(*) from clinician_session where clinician = :clinician and session_date = :date
                and start_minute < :end and end_minute > :start""")
                .param("clinician", clinician).param("date", date).param("start", start).param("end", end).query(Integer.class).single();
    }

    /** Sessions of the ICBs between two dates, earliest first, with how many of their slots are booked. */
    public List<Session> sessions(Collection<String> icbs, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select s.id, s.session_date, s.start_minute, s.end_minute, s.mode, h.name, r.name, s.clinician_name, s.appointment_type,
                       (select count(*) from session_slot x where x.session_id = s.id),
                       (select count(*) from session_slot x where x.session_id = s.id and x.appointment_id is not null), s.icb_code,
                       s.cancelled_reason, s.clinician
                from clinician_session s left join hub h on h.id = s.hub_id left join room r on r.id = s.room_id
                where s.icb_code in (:icbs) and s.session_date between :from and :to
                order by s.session_date, s.start_minute, s.clinician_name""")
                .param("icbs", icbs).param("from", from).param("to", to)
                .query((rs, n) -> new Session(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10), rs.getInt(11),
                        rs.getString(12), rs.getString(13), rs.getString(14)))
                .list();
    }

    /** A session in a list. */
    public record Session(UUID id, LocalDate date, int start, int end, String mode, String hubName, String roomName, String clinicianName,
                          String type, int slots, int booked, String icbCode, String cancelledReason, String clinician) {

        public boolean cancelled() {
            return cancelledReason != null;
        }
    }

    public Optional<Session> session(UUID id) {
        record Where(String icb, LocalDate date) {}
        return jdbc.sql("select icb_code, session_date from clinician_session where id = :id").param("id", id)
                .query((rs, n) -> new Where(rs.getString(1), rs.getObject(2, LocalDate.class))).optional()
                .flatMap(w -> sessions(List.of(w.icb()), w.date(), w.date()).stream().filter(s -> s.id().equals(id)).findFirst());
    }

    /** Marks the session cancelled; false if it already was. */
    public boolean cancelSession(UUID id, String reason, Instant at) {
        return jdbc.sql("update clinician_session set cancelled_at = :at, cancelled_reason = :reason where id = :id and cancelled_at is null")
                .param("at", Timestamp.from(at)).param("reason", reason).param("id", id).update() == 1;
    }

    /** The appointments still booked in a session's slots. */
    public List<UUID> bookedIn(UUID sessionId) {
        return jdbc.sql("""
                select a.id from one_to_one_appointment a join session_slot x on x.id = a.slot_id
                where x.session_id = :s and a.status = 'BOOKED'""").param("s", sessionId).query(UUID.class).list();
    }

    private static final String SLOT_SELECT = """
            select x.id, x.session_id, x.icb_code, x.slot_date, x.start_minute, x.end_minute, x.appointment_type, s.mode, s.hub_id, h.name,
                   s.room_id, r.name, coalesce(r.step_free, h.step_free, true), s.clinician, s.clinician_name, s.languages, x.appointment_id,
                   s.cancelled_at
            from session_slot x join clinician_session s on s.id = x.session_id
            left join hub h on h.id = s.hub_id left join room r on r.id = s.room_id
            """;

    public Optional<SlotRow> slot(UUID id) {
        return jdbc.sql(SLOT_SELECT + " where x.id = :id").param("id", id).query(OneToOneRepository::slotRow).optional();
    }

    /**
     * The earliest free slots of an ICB after a moment that fit a person: of the type, step-free when
     * they need it (a remote slot always is), a clinician who speaks their language unless they
     * speak English or an interpreter is booked, and at their preferred hub (or remote) when they
     * have one. The index on (ICB, type, date, start) serves the order.
     */
    public List<SlotRow> free(String icb, String type, LocalDate afterDate, int afterMinute, boolean stepFree, String language,
                              UUID hubId, String mode, int limit) {
        StringBuilder where = new StringBuilder("""
                 where x.icb_code = :icb and x.appointment_type = :type and x.appointment_id is null and s.cancelled_at is null
                   and (x.slot_date > :date or (x.slot_date = :date and x.start_minute >= :minute))""");
        if (stepFree) {
            where.append(" and (s.mode <> 'IN_PERSON' or coalesce(r.step_free, h.step_free))");
        }
        if (language != null) {
            where.append(" and s.languages like :language");
        }
        if (hubId != null) {
            where.append(" and (s.hub_id = :hub or s.mode <> 'IN_PERSON')");
        }
        if ("IN_PERSON".equals(mode)) {
            where.append(" and s.mode = 'IN_PERSON'");
        } else if ("REMOTE".equals(mode)) {
            where.append(" and s.mode <> 'IN_PERSON'");
        }
        var spec = jdbc.sql(SLOT_SELECT + where + " order by x.slot_date, x.start_minute, s.clinician_name fetch first :limit rows only")
                .param("icb", icb).param("type", type).param("date", afterDate).param("minute", afterMinute).param("limit", limit);
        if (language != null) {
            spec = spec.param("language", "%" + language + "%");
        }
        if (hubId != null) {
            spec = spec.param("hub", hubId);
        }
        return spec.query(OneToOneRepository::slotRow).list();
    }

    private static SlotRow slotRow(ResultSet rs, int n) throws SQLException {
        return new SlotRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, LocalDate.class),
                rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getObject(9, UUID.class), rs.getString(10),
                rs.getObject(11, UUID.class), rs.getString(12), rs.getBoolean(13), rs.getString(14), rs.getString(15), rs.getString(16),
                rs.getObject(17, UUID.class), rs.getTimestamp(18) != null);
    }

    /** Takes the slot for the appointment if it is free; false if someone else took it first. */
    public boolean take(UUID slotId, UUID appointmentId) {
        return jdbc.sql("update session_slot set appointment_id = :a where id = :id and appointment_id is null")
                .param("a", appointmentId).param("id", slotId).update() == 1;
    }

    public void release(UUID slotId, UUID appointmentId) {
        jdbc.sql("update session_slot set appointment_id = null where id = :id and appointment_id = :a")
                .param("id", slotId).param("a", appointmentId).update();
    }

    /** Holds one 5-minute slot of a resource; the primary key refuses a second holder with {@link org.springframework.dao.DuplicateKeyException}. */
    public void hold(String resource, LocalDate date, int minute, UUID appointmentId) {
        jdbc.sql("insert into appointment_slot (resource, slot_date, slot_minute, appointment_id) values (:r, :day, :m, :a)")
                .param("r", resource).param("day", date).param("m", minute).param("a", appointmentId).update();
    }

    public void freeHolds(UUID appointmentId) {
        jdbc.sql("delete from appointment_slot where appointment_id = :id").param("id", appointmentId).update();
    }

    public void insertAppointment(UUID id, SlotRow slot, UUID referralId, UUID patientId, String by, Instant at) {
        jdbc.sql("""
                insert into one_to_one_appointment (id, slot_id, referral_id, patient_id, appointment_type, slot_date, start_minute, end_minute,
                    status, booked_by, booked_at, version)
                values (:id, :slot, :referral, :patient, :type, :date, :start, :end, 'BOOKED', :by, :at, 0)""")
                .param("id", id).param("slot", slot.id()).param("referral", referralId).param("patient", patientId).param("type", slot.type())
                .param("date", slot.date()).param("start", slot.start()).param("end", slot.end()).param("by", by)
                .param("at", Timestamp.from(at)).update();
    }

    private static final String APPOINTMENT_SELECT = """
            select a.id, a.slot_id, a.referral_id, o.reference, o.provider_code, o.icb_code, a.patient_id, o.display_name, o.birth_date,
                   o.nhs_number, a.appointment_type, a.slot_date, a.start_minute, a.end_minute, s.mode, s.hub_id, h.name,
                   h.address_line || ', ' || h.town || ' ' || h.postcode, r.name, s.clinician, s.clinician_name, a.status, a.reason,
                   a.patient_response, a.patient_comment, a.version
            from one_to_one_appointment a join one_to_one_referral o on o.referral_id = a.referral_id
            join session_slot x on x.id = a.slot_id join clinician_session s on s.id = x.session_id
            left join hub h on h.id = s.hub_id left join room r on r.id = s.room_id
            """;

    public Optional<AppointmentRow> appointment(UUID id) {
        return jdbc.sql(APPOINTMENT_SELECT + " where a.id = :id").param("id", id).query(OneToOneRepository::appointmentRow).optional();
    }

    public List<AppointmentRow> ofReferral(UUID referralId) {
        return jdbc.sql(APPOINTMENT_SELECT + " where a.referral_id = :id order by a.slot_date, a.start_minute")
                .param("id", referralId).query(OneToOneRepository::appointmentRow).list();
    }

    public List<AppointmentRow> ofPatient(UUID patientId) {
        return jdbc.sql(APPOINTMENT_SELECT + " where a.patient_id = :id order by a.slot_date, a.start_minute")
                .param("id", patientId).query(OneToOneRepository::appointmentRow).list();
    }

    /** Appointments of the ICBs on a day, optionally of one clinician, in time order. */
    public List<AppointmentRow> onDay(Collection<String> icbs, LocalDate day, String clinician) {
        var spec = jdbc.sql(APPOINTMENT_SELECT + " where o.icb_code in (:icbs) and a.slot_date = :day"
                        + (clinician == null ? "" : " and s.clinician = :clinician") + " order by a.start_minute, s.clinician_name")
                .param("icbs", icbs).param("day", day);
        if (clinician != null) {
            spec = spec.param("clinician", clinician);
        }
        return spec.query(OneToOneRepository::appointmentRow).list();
    }

    private static AppointmentRow appointmentRow(ResultSet rs, int n) throws SQLException {
        return new AppointmentRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class), rs.getString(8), rs.getObject(9, LocalDate.class),
                rs.getString(10), rs.getString(11), rs.getObject(12, LocalDate.class), rs.getInt(13), rs.getInt(14), rs.getString(15),
                rs.getObject(16, UUID.class), rs.getString(17), rs.getString(18), rs.getString(19), rs.getString(20), rs.getString(21),
                AppointmentOutcome.valueOf(rs.getString(22)), rs.getString(23), rs.getString(24), rs.getString(25), rs.getLong(26));
    }

    /** Records what happened; false if the appointment is no longer booked at the version it was read at. */
    public boolean recordOutcome(UUID id, long version, AppointmentOutcome outcome, String reason, String by, Instant at) {
        return jdbc.sql("""
                update one_to_one_appointment set status = :status, reason = :reason, recorded_by = :by, recorded_at = :at, version = version + 1
                where id = :id and version = :version and status = 'BOOKED'""")
                .param("status", outcome.name()).param("reason", reason).param("by", by).param("at", Timestamp.from(at))
                .param("id", id).param("version", version).update() == 1;
    }

    public boolean respond(UUID id, long version, String response, String comment) {
        return jdbc.sql("""
                update one_to_one_appointment set patient_response = :response, patient_comment = :comment, version = version + 1
                where id = :id and version = :version and status = 'BOOKED'""")
                .param("response", response).param("comment", comment).param("id", id).param("version", version).update() == 1;
    }

    /** Whether the referral had an appointment attended or missed before this day: a DNA then is not at the first appointment. */
    public boolean seenOrMissedBefore(UUID referralId, LocalDate day, UUID except) {
        return jdbc.sql("""
                select count(*) from one_to_one_appointment where referral_id = :r and id <> :except
                and status in ('ATTENDED', 'DID_NOT_ATTEND') and slot_date <= :day""")
                .param("r", referralId).param("except", except).param("day", day).query(Integer.class).single() > 0;
    }

    /** Booked appointments of the referral from a day on. */
    public List<UUID> bookedFrom(UUID referralId, LocalDate from) {
        return jdbc.sql("select id from one_to_one_appointment where referral_id = :r and status = 'BOOKED' and slot_date >= :from")
                .param("r", referralId).param("from", from).query(UUID.class).list();
    }
}

package health.limber.clinic;

import health.limber.clinic.internal.ClassHolds;
import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.platform.ConflictException;
import health.limber.platform.InvalidInputException;
import health.limber.platform.NotFoundException;
import health.limber.referral.ReferralId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic module's API for group classes at hubs: courses of weekly sessions with a capacity,
 * bookings with a waiting list, and an attendance register. A place is taken only by a conditional
 * update of the course's count ({@code booked < capacity}), so two staff (or two app instances)
 * booking the last place at once give it to one and put the other on the waiting list. When a
 * booked person leaves, the longest waiter gets the place in the same transaction.
 */
@Service
@Transactional
public class GroupClasses {

    private static final Set<Role> STAFF = Set.of(Role.CLINICIAN, Role.SERVICE_MANAGER);

    private final JdbcClient jdbc;
    private final Hubs hubs;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ClassHolds holds;

    GroupClasses(JdbcClient jdbc, Hubs hubs, CurrentActor currentActor, Clock clock, ApplicationEventPublisher events, ClassHolds holds) {
        this.holds = holds;
        this.jdbc = jdbc;
        this.hubs = hubs;
        this.currentActor = currentActor;
        this.clock = clock;
        this.events = events;
    }

    /** A course in a list. */
    public record Summary(UUID id, String hubName, String name, LocalDate firstDate, int weeks, int capacity, int booked, int waiting) {}

    /** A person referred to a group class who has no place or waiting-list entry yet. */
    /** A person referred to a group class and on no course; date of birth and NHS number tell two people of one name apart. */
    public record Waiting(ReferralId referralId, String reference, String name, LocalDate birthDate, String nhsNumber, LocalDate acceptedOn) {}

    @Transactional(readOnly = true)
    public List<Summary> list() {
        Set<String> icbs = allowed(STAFF, null).servedIcbs();
        if (icbs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select c.id, h.name, c.name, c.first_date, c.weeks, c.capacity, c.booked,
                       (select count(*) from class_booking b where b.course_id = c.id and b.status = 'WAITING')
                from class_course c join hub h on h.id = c.hub_id where h.icb_code in (:icbs) order by c.first_date desc, c.name""")
                .param("icbs", icbs)
                .query((rs, n) -> new Summary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8)))
                .list();
    }

    /** People in the ICB referred to a group class and not on any course. */
    @Transactional(readOnly = true)
    public List<Waiting> referralsWaiting(String icb) {
        allowed(STAFF, icb);
        return jdbc.sql("""
                select referral_id, reference, display_name, accepted_on, birth_date, nhs_number from class_referral r
                where icb_code = :icb and not exists (select 1 from class_booking b where b.referral_id = r.referral_id and b.status <> 'CANCELLED')
                order by accepted_on, reference""")
                .param("icb", icb)
                .query((rs, n) -> new Waiting(ReferralId.of(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3), rs.getObject(5, LocalDate.class),
                        rs.getString(6), rs.getObject(4, LocalDate.class)))
                .list();
    }

    /** Sets up a course (service managers). */
    public UUID create(UUID hubId, UUID roomId, String name, String description, LocalDate firstDate, int weeks, int startMinute,
                       int minutes, int capacity) {
        Hub hub = hubs.find(hubId).filter(h -> currentActor.get().serves(h.icbCode()))
                .orElseThrow(() -> new InvalidInputException("hub", "Select a hub"));
        Actor actor = allowed(Set.of(Role.SERVICE_MANAGER), hub.icbCode());
        if (hub.rooms().stream().noneMatch(r -> r.id().equals(roomId))) {
            throw new InvalidInputException("room", "Select a room at " + hub.name());
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidInputException("name", "Enter the course's name (up to 200 characters)");
        }
        if (firstDate == null || firstDate.isBefore(LocalDate.now(clock))) {
            throw new InvalidInputException("firstDate", "The first session must be today or later");
        }
        if (weeks < 1 || weeks > 26) {
            throw new InvalidInputException("weeks", "A course runs for 1 to 26 weeks");
        }
        if (capacity < 1 || capacity > 50) {
            throw new InvalidInputException("capacity", "A class holds 1 to 50 people");
        }
        if (minutes < 15 || minutes > 240 || startMinute % 5 != 0 || minutes % 5 != 0 || startMinute + minutes > 24 * 60) {
            throw new InvalidInputException("minutes", "A session lasts 15 minutes to 4 hours, on 5-minute boundaries");
        }
        UUID id = UUID.randomUUID();
        ClassHolds.Sessions sessions = new ClassHolds.Sessions(firstDate, weeks, startMinute, minutes);
        holds.clash("room:" + roomId, sessions, firstDate).ifPresent(date -> {
            throw new InvalidInputException("room", "That room is already booked during the session on " + date + ": choose another room or time");
        });
        try {
            holds.hold("room:" + roomId, sessions, firstDate, id);
        } catch (DuplicateKeyException raced) {
            throw new ConflictException("room", "That room was booked for the same time a moment ago: choose another room or time", null);
        }
        jdbc.sql("""
                insert into class_course (id, hub_id, room_id, name, description, first_date, weeks, start_minute, minutes, capacity, booked, created_by)
                values (:id, :hub, :room, :name, :description, :first, :weeks, :start, :minutes, :capacity, 0, :by)""")
                .param("id", id).param("hub", hubId).param("room", roomId).param("name", name.strip())
                .param("description", description == null ? "" : description.strip()).param("first", firstDate).param("weeks", weeks)
                .param("start", startMinute).param("minutes", minutes).param("capacity", capacity).param("by", actor.username()).update();
        return id;
    }

    @Transactional(readOnly = true)
    public ClassCourse read(UUID id) {
        ClassCourse course = load(id);
        allowed(STAFF, course.hub().icbCode());
        return course;
    }

    /**
     * Books a referred person onto a course: a place if one is left, otherwise the waiting list.
     * Booking the same person twice returns their existing booking (a retried request books once).
     */
    public ClassCourse.Status book(UUID courseId, ReferralId referralId) {
        ClassCourse course = read(courseId);
        String icb = jdbc.sql("select icb_code from class_referral where referral_id = :r").param("r", referralId)
                .query(String.class).optional().orElseThrow(() -> new InvalidInputException("referral", "That person is not referred to a group class"));
        if (!icb.equals(course.hub().icbCode())) {
            throw new InvalidInputException("referral", "That person is referred in another area");
        }
        var existing = course.bookings().stream().filter(b -> b.referralId().equals(referralId)).findFirst();
        if (existing.isPresent() && existing.get().status() != ClassCourse.Status.CANCELLED) {
            return existing.get().status();
        }
        String person = person(referralId);
        LocalDate today = LocalDate.now(clock);
        holds.clash(person, sessions(course), today).ifPresent(date -> {
            throw new ConflictException("referral", "This person already has an appointment during the class on " + date
                    + "; nothing was booked", null);
        });
        boolean placed = jdbc.sql("update class_course set booked = booked + 1 where id = :id and booked < capacity")
                .param("id", courseId).update() == 1;
        ClassCourse.Status status = placed ? ClassCourse.Status.BOOKED : ClassCourse.Status.WAITING;
        Timestamp now = Timestamp.from(clock.instant());
        UUID bookingId = existing.map(ClassCourse.Booking::id).orElseGet(UUID::randomUUID);
        if (placed) {
            try {
                holds.hold(person, sessions(course), today, bookingId);
            } catch (DuplicateKeyException raced) {
                throw new ConflictException("referral", "This person was booked elsewhere for the same time a moment ago; nothing was booked", null);
            }
        }
        if (existing.isPresent()) {
            jdbc.sql("update class_booking set status = :status, requested_at = :now, changed_at = :now, changed_by = :by, reason = null where id = :id")
                    .param("status", status.name()).param("now", now).param("by", currentActor.get().username()).param("id", existing.get().id()).update();
        } else {
            jdbc.sql("""
                    insert into class_booking (id, course_id, referral_id, status, requested_at, changed_at, changed_by)
                    values (:id, :course, :referral, :status, :now, :now, :by)""")
                    .param("id", bookingId).param("course", courseId).param("referral", referralId).param("status", status.name())
                    .param("now", now).param("by", currentActor.get().username()).update();
        }
        jdbc.sql("select reference, provider_code from class_referral where referral_id = :r").param("r", referralId)
                .query((rs, n) -> new BookedAtHub(referralId, rs.getString(1), rs.getString(2), course.hub().id(), course.firstDate(),
                        "group class " + course.name()))
                .optional().ifPresent(events::publishEvent);
        return status;
    }

    /** Takes a person off the course or its waiting list; a freed place goes to the longest waiter. */
    public void cancel(UUID courseId, UUID bookingId, String reason) {
        ClassCourse course = read(courseId);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new InvalidInputException("reason", "Enter why the place is cancelled (up to 500 characters)");
        }
        ClassCourse.Booking booking = course.bookings().stream().filter(b -> b.id().equals(bookingId)).findFirst()
                .orElseThrow(() -> new NotFoundException("booking " + bookingId));
        int changed = jdbc.sql("update class_booking set status = 'CANCELLED', reason = :reason, changed_at = :now, changed_by = :by where id = :id and status = :was")
                .param("reason", why).param("now", Timestamp.from(clock.instant())).param("by", currentActor.get().username())
                .param("id", bookingId).param("was", booking.status().name()).update();
        if (changed == 0 || booking.status() != ClassCourse.Status.BOOKED) {
            return;
        }
        holds.free(bookingId);
        LocalDate today = LocalDate.now(clock);
        for (ClassCourse.Booking next : course.waiting()) {
            String person = person(next.referralId());
            if (holds.clash(person, sessions(course), today).isPresent()) {
                continue; // they have another appointment during the class: the next waiter gets the place
            }
            int promoted = jdbc.sql("update class_booking set status = 'BOOKED', changed_at = :now, changed_by = :by where id = :id and status = 'WAITING'")
                    .param("now", Timestamp.from(clock.instant())).param("by", currentActor.get().username()).param("id", next.id()).update();
            if (promoted == 1) {
                holds.hold(person, sessions(course), today, next.id());
                return;
            }
        }
        jdbc.sql("update class_course set booked = booked - 1 where id = :id").param("id", courseId).update();
    }

    /**
     * Records the register for one session: who came. Only booked people are on the register;
     * a session can be recorded on its day or later, and recorded again to correct it.
     */
    public void register(UUID courseId, int session, Set<UUID> attended) {
        ClassCourse course = read(courseId);
        if (session < 1 || session > course.weeks()) {
            throw new InvalidInputException("session", "There is no session " + session);
        }
        LocalDate on = course.sessionDate(session);
        if (on.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("session", "Session " + session + " is on " + on + ": record it on the day or later");
        }
        String by = currentActor.get().username();
        Map<UUID, UUID> referralOf = new java.util.HashMap<>();
        course.onCourse().forEach(b -> referralOf.put(b.id(), b.referralId().value()));
        for (UUID unknown : attended) {
            if (!referralOf.containsKey(unknown)) {
                throw new InvalidInputException("attended", "Only people booked on the course are on the register");
            }
        }
        List<UUID> attendees = new ArrayList<>();
        for (ClassCourse.Booking booking : course.onCourse()) {
            boolean came = attended.contains(booking.id());
            jdbc.sql("delete from class_attendance where booking_id = :b and session = :s").param("b", booking.id()).param("s", session).update();
            jdbc.sql("insert into class_attendance (booking_id, session, attended, recorded_by, recorded_at) values (:b, :s, :a, :by, :at)")
                    .param("b", booking.id()).param("s", session).param("a", came).param("by", by).param("at", Timestamp.from(clock.instant())).update();
            if (came) {
                attendees.add(booking.referralId().value());
            }
        }
        for (UUID referral : attendees) {
            var row = jdbc.sql("select reference, provider_code from class_referral where referral_id = :r").param("r", referral)
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
            events.publishEvent(new ClassAttended(ReferralId.of(referral), row[0], row[1], courseId, session, on));
        }
    }

    private static ClassHolds.Sessions sessions(ClassCourse course) {
        return new ClassHolds.Sessions(course.firstDate(), course.weeks(), course.startMinute(), course.minutes());
    }

    /** The person as appointment_slot knows them: their record, or the referral when they have none. */
    private String person(ReferralId referralId) {
        UUID patient = jdbc.sql("select patient_id from class_referral where referral_id = :r").param("r", referralId)
                .query((rs, n) -> rs.getObject(1, UUID.class)).optional().orElse(null);
        return patient != null ? "patient:" + patient : "referral:" + referralId.value();
    }

    private ClassCourse load(UUID id) {
        var row = jdbc.sql("""
                select hub_id, room_id, name, description, first_date, weeks, start_minute, minutes, capacity, booked
                from class_course where id = :id""")
                .param("id", id)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10)})
                .optional().orElseThrow(() -> new NotFoundException("course " + id));
        Hub hub = hubs.find((UUID) row[0]).orElseThrow();
        Hub.Room room = hub.rooms().stream().filter(r -> r.id().equals(row[1])).findFirst().orElseThrow();
        List<ClassCourse.Booking> bookings = jdbc.sql("""
                select b.id, b.referral_id, r.reference, r.display_name, b.status, b.requested_at, b.reason, r.birth_date, r.nhs_number
                from class_booking b join class_referral r on r.referral_id = b.referral_id where b.course_id = :id order by b.requested_at""")
                .param("id", id)
                .query((rs, n) -> new ClassCourse.Booking(rs.getObject(1, UUID.class), ReferralId.of(rs.getObject(2, UUID.class)), rs.getString(3), rs.getString(4),
                        rs.getObject(8, LocalDate.class), rs.getString(9), ClassCourse.Status.valueOf(rs.getString(5)), rs.getTimestamp(6).toInstant(), rs.getString(7)))
                .list();
        List<ClassCourse.Attendance> register = jdbc.sql("""
                select a.booking_id, a.session, a.attended from class_attendance a join class_booking b on b.id = a.booking_id where b.course_id = :id""")
                .param("id", id)
                .query((rs, n) -> new ClassCourse.Attendance(rs.getObject(1, UUID.class), rs.getInt(2), rs.getBoolean(3))).list();
        return new ClassCourse(id, hub, room, (String) row[2], (String) row[3], (LocalDate) row[4], (int) row[5], (int) row[6], (int) row[7],
                (int) row[8], (int) row[9], bookings, register);
    }

    private Actor allowed(Set<Role> roles, String icb) {
        return StaffAccess.require(currentActor, roles, icb, "course");
    }
}

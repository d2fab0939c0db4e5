package health.limber.demo;

import health.limber.clinic.AppointmentOutcome;
import health.limber.clinic.ClinicDay;
import health.limber.clinic.Appointments;
import health.limber.clinic.ClinicDays;
import health.limber.clinic.GroupClasses;
import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Practitioners at every hub, and for the first ICB's first hub: people waiting for a one-stop
 * visit, a clinic day two weeks ago (published, attendance recorded), one in three days
 * (published; the first demo patient is booked on it, so their itinerary shows) and one next
 * week left as a draft for the manager to plan. The days are made through the clinic module's
 * API as the ICB's service manager, so they are planned and checked like any other.
 */
@Component
class DemoClinics {

    private static final String[][] PRACTITIONERS = {
            {"PHYSIO", "Amira Haddad", "en,ar"}, {"PHYSIO", "Tom Fletcher", "en"}, {"MENTAL_HEALTH", "Grace Mensah", "en"},
            {"PHYSICAL_ACTIVITY", "Kasia Nowak", "en,pl"}, {"PHYSIO", "Marek Zielinski", "en,pl"}, {"EMPLOYMENT", "Dev Sharma", "en,pa,ur"}, {"DEBT", "Helen Price", "en"}};

    private final JdbcTemplate jdbc;
    private final ClinicDays clinicDays;
    private final Appointments appointments;
    private final GroupClasses classes;
    private final CurrentActor currentActor;

    DemoClinics(JdbcTemplate jdbc, ClinicDays clinicDays, Appointments appointments, GroupClasses classes, CurrentActor currentActor) {
        this.jdbc = jdbc;
        this.clinicDays = clinicDays;
        this.appointments = appointments;
        this.classes = classes;
        this.currentActor = currentActor;
    }

    void practitioners(Random random, String icb) {
        for (UUID hub : jdbc.queryForList("select id from hub where icb_code = ? order by name", UUID.class, icb)) {
            for (String[] p : PRACTITIONERS) {
                jdbc.update("insert into practitioner (id, hub_id, name, service_code, languages) values (?, ?, ?, ?, ?)",
                        new UUID(random.nextLong(), random.nextLong()), hub, p[1], p[0], p[2]);
            }
        }
    }

    /** One-stop referrals and three clinic days at the ICB's first hub. */
    void clinicDays(Random random, String icb, String provider, LocalDate today, UUID signInPatient) {
        List<UUID> referrals = jdbc.queryForList("""
                select id from referral where icb_code = ? and status = 'ACCEPTED' order by received_on desc, reference limit 32""", UUID.class, icb);
        for (int i = 0; i < referrals.size(); i++) {
            UUID referral = referrals.get(i);
            jdbc.update("update referral set pathway = 'ONE_STOP_CLINIC' where id = ?", referral);
            jdbc.update("""
                    insert into one_stop_referral (referral_id, reference, patient_id, display_name, icb_code, provider_code, needs,
                        language, interpreter_needed, step_free, accepted_on)
                    select id, reference, ?, given_name || ' ' || family_name, icb_code, ?, ?, ?, ?, ?, ?
                    from referral where id = ?""",
                    i == 10 ? signInPatient : null, provider, needs(random, i), i % 9 == 4 ? "pl" : "en", i % 9 == 4, i % 7 == 3,
                    Date.valueOf(today.minusDays(60 - i)), referral);
        }
        if (signInPatient != null) {
            jdbc.update("update one_stop_referral set display_name = (select given_name || ' ' || family_name from patient where id = ?) where patient_id = ?",
                    signInPatient, signInPatient);
        }
        UUID hub = jdbc.queryForList("select id from hub where icb_code = ? order by name", UUID.class, icb).get(0);
        // the one-stop hub has two more consulting rooms than the generated hubs
        jdbc.update("insert into room (id, hub_id, name, step_free, services) values (?, ?, 'Consulting room', true, 'PHYSIO,MENTAL_HEALTH')",
                new UUID(random.nextLong(), random.nextLong()), hub);
        jdbc.update("insert into room (id, hub_id, name, step_free, services) values (?, ?, 'Advice room', false, 'EMPLOYMENT,DEBT,MENTAL_HEALTH')",
                new UUID(random.nextLong(), random.nextLong()), hub);
        Actor manager = new Actor("manager." + icb.toLowerCase(), "Alex Morgan", Role.SERVICE_MANAGER, provider, Set.of(icb), null);
        currentActor.runAs(manager, () -> {
            UUID past = publishedDay(hub, weekday(today.plusDays(1)), 10);
            moveToPast(past, weekday(today.minusDays(14)));
            UUID soon = publishedDay(hub, weekday(today.plusDays(3)), 8);
            ClinicDay day = clinicDays.read(past);
            for (ClinicDay.Booked booked : day.appointments()) {
                int roll = random.nextInt(20);
                AppointmentOutcome outcome = roll == 0 ? AppointmentOutcome.DID_NOT_ATTEND : roll == 1 ? AppointmentOutcome.CANCELLED_BY_PATIENT : AppointmentOutcome.ATTENDED;
                appointments.recordOutcome(booked.id(), booked.version(), outcome, outcome.isCancellation() ? "Unwell on the day" : null);
            }
            clinicDays.open(hub, weekday(today.plusDays(8)), 9 * 60, 17 * 60, 12);
            courses(random, hub, icb, provider, today);
            return soon;
        });
    }

    /**
     * People referred to group classes, a back class that started three weeks ago (full, with a
     * waiting list and three registers taken) and a knee class starting in two weeks.
     */
    private void courses(Random random, UUID hub, String icb, String provider, LocalDate today) {
        List<UUID> referrals = jdbc.queryForList("""
                select id from referral where icb_code = ? and status = 'ACCEPTED' and id not in (select referral_id from one_stop_referral)
                order by received_on desc, reference limit 20""", UUID.class, icb);
        for (int i = 0; i < referrals.size(); i++) {
            jdbc.update("update referral set pathway = 'GROUP_CLASS' where id = ?", referrals.get(i));
            jdbc.update("""
                    insert into class_referral (referral_id, reference, patient_id, display_name, icb_code, provider_code, accepted_on)
                    select id, reference, null, given_name || ' ' || family_name, icb_code, ?, ? from referral where id = ?""",
                    provider, Date.valueOf(today.minusDays(50 - i)), referrals.get(i));
        }
        UUID studio = jdbc.queryForList("select id from room where hub_id = ? order by case when services like '%GROUP_CLASS%' then 0 else 1 end, name",
                UUID.class, hub).get(0);
        UUID back = classes.create(hub, studio, "Back class", "Exercise and advice for back pain, in a small group with a physiotherapist.",
                today.plusDays(1), 6, 10 * 60, 60, 12);
        for (int i = 0; i < 14 && i < referrals.size(); i++) {
            classes.book(back, referrals.get(i));
        }
        // Demo only: the course is moved three weeks into the past so it can show its registers.
        jdbc.update("update class_course set first_date = ? where id = ?", Date.valueOf(today.minusDays(21)), back);
        var course = classes.read(back);
        for (int session = 1; session <= 3; session++) {
            Set<UUID> came = new java.util.HashSet<>();
            course.onCourse().forEach(b -> {
                if (random.nextInt(6) > 0) {
                    came.add(b.id());
                }
            });
            classes.register(back, session, came);
        }
        UUID knee = classes.create(hub, studio, "Knee class", "Strength and balance exercises for knee pain.", today.plusDays(14), 6, 14 * 60, 60, 10);
        for (int i = 14; i < referrals.size(); i++) {
            classes.book(knee, referrals.get(i));
        }
    }

    private UUID publishedDay(UUID hub, LocalDate date, int offer) {
        UUID id = clinicDays.open(hub, date, 9 * 60, 17 * 60, offer);
        clinicDays.plan(id, clinicDays.read(id).version(), Duration.ofSeconds(2), line -> {});
        clinicDays.publish(id, clinicDays.read(id).version());
        return id;
    }

    /** Clinic days run on weekdays: a Saturday or Sunday moves to the Monday after. */
    private static LocalDate weekday(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case SATURDAY -> date.plusDays(2);
            case SUNDAY -> date.plusDays(1);
            default -> date;
        };
    }

    /** Demo only: a day published "tomorrow" is moved into the past so it can show attendance. */
    private void moveToPast(UUID day, LocalDate date) {
        jdbc.update("update clinic_day set clinic_date = ? where id = ?", Date.valueOf(date), day);
        jdbc.update("update appointment set clinic_date = ? where clinic_day_id = ?", Date.valueOf(date), day);
        jdbc.update("update appointment_slot set slot_date = ? where appointment_id in (select id from appointment where clinic_day_id = ?)",
                Date.valueOf(date), day);
    }

    private static String needs(Random random, int i) {
        StringBuilder needs = new StringBuilder("PHYSIO");
        if (random.nextInt(3) == 0) {
            needs.append(",MENTAL_HEALTH");
        }
        needs.append(",PHYSICAL_ACTIVITY");
        if (random.nextInt(3) == 0 || i == 10) {
            needs.append(",EMPLOYMENT");
        }
        if (random.nextInt(4) == 0) {
            needs.append(",DEBT");
        }
        return needs.toString();
    }
}

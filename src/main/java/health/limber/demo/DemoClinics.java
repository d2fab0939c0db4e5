package health.limber.demo;

import health.limber.clinic.AppointmentOutcome;
import health.limber.clinic.AppointmentType;
import health.limber.clinic.Appointments;
import health.limber.clinic.ClinicianSessions;
import health.limber.clinic.OneToOneAppointments;
import health.limber.clinic.SessionMode;
import health.limber.clinic.ClinicDay;
import health.limber.clinic.ClinicDayId;
import health.limber.clinic.ClinicDays;
import health.limber.clinic.ClinicHistory;
import health.limber.clinic.GroupClasses;
import health.limber.clinic.Hub;
import health.limber.clinic.HubResources;
import health.limber.clinic.HubWaitingLists;
import health.limber.clinic.Hubs;
import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.patient.PatientBulkLoad;
import health.limber.patient.PatientId;
import health.limber.platform.LimberTime;
import health.limber.referral.CarePathway;
import health.limber.referral.ReferralBulkLoad.PastReferral;
import health.limber.referral.ReferralId;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Practitioners at every hub; people accepted to one-stop visits and group classes on the hubs'
 * lists; and for the first ICB's first hub: a clinic day two weeks ago (published, attendance
 * recorded), one in three days (published; the first demo patient is booked on it, so their
 * itinerary shows) and one next week left as a draft for the manager to plan, and two classes.
 * Everything is made through the clinic module's API as the ICB's service manager, so it is planned
 * and checked like any other; only moving a day or a course into the past uses {@link ClinicHistory}.
 */
@Component
class DemoClinics {

    private static final String[][] PRACTITIONERS = {
            {"PHYSIO", "Amira Haddad", "en,ar"}, {"PHYSIO", "Tom Fletcher", "en"}, {"MENTAL_HEALTH", "Grace Mensah", "en"},
            {"PHYSICAL_ACTIVITY", "Kasia Nowak", "en,pl"}, {"PHYSIO", "Marek Zielinski", "en,pl"}, {"EMPLOYMENT", "Dev Sharma", "en,pa,ur"}, {"DEBT", "Helen Price", "en"}};

    private final ClinicDays clinicDays;
    private final Appointments appointments;
    private final GroupClasses classes;
    private final HubResources hubResources;
    private final HubWaitingLists waitingLists;
    private final ClinicHistory history;
    private final Hubs hubs;
    private final PatientBulkLoad patients;
    private final CurrentActor currentActor;
    private final ClinicianSessions sessions;
    private final OneToOneAppointments oneToOne;
    /** By ICB: the people waiting for a group class, most recently accepted first. */
    private final Map<String, List<ReferralId>> classReferrals = new HashMap<>();

    DemoClinics(ClinicDays clinicDays, Appointments appointments, GroupClasses classes, HubResources hubResources, HubWaitingLists waitingLists,
                ClinicHistory history, Hubs hubs, PatientBulkLoad patients, CurrentActor currentActor, ClinicianSessions sessions,
                OneToOneAppointments oneToOne) {
        this.sessions = sessions;
        this.oneToOne = oneToOne;
        this.clinicDays = clinicDays;
        this.appointments = appointments;
        this.classes = classes;
        this.hubResources = hubResources;
        this.waitingLists = waitingLists;
        this.history = history;
        this.hubs = hubs;
        this.patients = patients;
        this.currentActor = currentActor;
    }

    /**
     * The same seven practitioners at every hub (as the ICB's service manager); returns the employment
     * and debt advisers among them with the sign-in each is to be linked to once the accounts exist.
     */
    java.util.Map<UUID, String> practitioners(Random random, List<UUID> hubIds, String icbCode) {
        java.util.Map<UUID, String> advisers = new java.util.LinkedHashMap<>();
        for (UUID hub : hubIds) {
            for (String[] p : PRACTITIONERS) {
                UUID id = hubResources.addPractitioner(hub, p[1], p[0], p[2]);
                if (p[0].equals("EMPLOYMENT") || p[0].equals("DEBT")) {
                    advisers.put(id, DemoData.username(p[0].equals("EMPLOYMENT") ? "adviser.work" : "adviser.money", icbCode));
                }
            }
        }
        return advisers;
    }

    /** Links the hubs' advisers to their sign-ins (as the ICB's service manager). */
    Void linkAdvisers(java.util.Map<UUID, String> advisers) {
        advisers.forEach(hubResources::linkPractitioner);
        return null;
    }

    /**
     * The ICB's referrals accepted to a one-stop visit or a group class join the hubs' lists, with a
     * spread of needs, a few Polish speakers with an interpreter and a few needing step-free rooms;
     * the eleventh one-stop referral is the demo's signed-in patient's.
     */
    void admit(Random random, List<PastReferral> referrals, String provider, LocalDate today, PatientId signInPatient) {
        Comparator<PastReferral> newestFirst = Comparator.comparing(PastReferral::receivedOn).reversed().thenComparing(PastReferral::reference);
        // people accepted in the last five weeks are still being asked which dates suit them, so the demo's clinic day and
        // class in the past hold only people referred before them
        List<PastReferral> oneStop = new ArrayList<>(referrals.stream().filter(r -> r.pathway() == CarePathway.ONE_STOP_CLINIC && settled(r, today))
                .sorted(newestFirst).toList());
        // the tour patient's one-stop referral is eleventh, so the planner offers them a place on the demo's next clinic day
        oneStop.stream().filter(r -> signInPatient != null && signInPatient.equals(r.patientId())).findFirst().ifPresent(r -> {
            oneStop.remove(r);
            oneStop.add(Math.min(10, oneStop.size()), r);
        });
        List<PastReferral> group = referrals.stream().filter(r -> r.pathway() == CarePathway.GROUP_CLASS && settled(r, today))
                .sorted(newestFirst).toList();
        PatientBulkLoad.Summary patient = signInPatient == null ? null
                : patients.inIcb(referrals.get(0).icbCode()).stream().filter(p -> p.id().equals(signInPatient)).findFirst().orElse(null);
        List<HubWaitingLists.Admission> admissions = new ArrayList<>();
        for (int i = 0; i < oneStop.size(); i++) {
            PastReferral r = oneStop.get(i);
            boolean theirs = patient != null && patient.id().equals(r.patientId());
            admissions.add(new HubWaitingLists.Admission(r.id(), r.reference(), theirs ? patient.id() : r.patientId(),
                    theirs ? patient.givenName() + " " + patient.familyName() : r.givenName() + " " + r.familyName(), r.icbCode(), provider,
                    CarePathway.ONE_STOP_CLINIC, needs(random, i), i % 9 == 4 ? "pl" : "en", i % 9 == 4, i % 7 == 3, today.minusDays(60 - i),
                    theirs ? patient.birthDate() : r.birthDate(), theirs ? patient.nhsNumber().value() : null, null, r.receivedOn()));
        }
        for (int i = 0; i < group.size(); i++) {
            PastReferral r = group.get(i);
            admissions.add(new HubWaitingLists.Admission(r.id(), r.reference(), r.patientId(), r.givenName() + " " + r.familyName(), r.icbCode(),
                    provider, CarePathway.GROUP_CLASS, List.of(), "en", false, false, today.minusDays(50 - i), r.birthDate(), null, null,
                    r.receivedOn()));
        }
        // the people still waiting for physiotherapy are on the 1:1 list
        referrals.stream().filter(r -> r.pathway() == CarePathway.PHYSIOTHERAPY)
                .sorted(newestFirst)
                .forEach(r -> admissions.add(new HubWaitingLists.Admission(r.id(), r.reference(), r.patientId(), r.givenName() + " " + r.familyName(),
                        r.icbCode(), provider, CarePathway.PHYSIOTHERAPY, List.of(), "en", false, false, LimberTime.dateOf(r.triagedAt()),
                        r.birthDate(), null, r.priority(), r.receivedOn())));
        waitingLists.admit(admissions);
        classReferrals.put(referrals.get(0).icbCode(), group.stream().map(PastReferral::id).toList());
    }

    private static boolean settled(PastReferral r, LocalDate today) {
        return r.receivedOn().isBefore(today.minusDays(35));
    }

    /** Three clinic days and two classes at the ICB's first hub. */
    void clinicDays(Random random, String icb, String provider, LocalDate today) {
        Actor manager = new Actor("manager." + icb.toLowerCase(), "Alex Morgan", Role.SERVICE_MANAGER, provider, Set.of(icb), null);
        currentActor.runAs(manager, () -> {
            UUID hub = hubs.inIcbs(List.of(icb)).get(0).id();
            // the one-stop hub has two more consulting rooms than the generated hubs
            hubResources.addRoom(hub, "Consulting room", true, List.of("PHYSIO", "MENTAL_HEALTH"));
            hubResources.addRoom(hub, "Advice room", false, List.of("EMPLOYMENT", "DEBT", "MENTAL_HEALTH"));
            UUID past = publishedDay(hub, weekday(today.plusDays(1)), 10);
            history.moveDay(ClinicDayId.of(past), weekday(today.minusDays(14)));
            UUID soon = publishedDay(hub, weekday(today.plusDays(3)), 8);
            ClinicDay day = clinicDays.read(ClinicDayId.of(past));
            for (ClinicDay.Booked booked : day.appointments()) {
                int roll = random.nextInt(20);
                AppointmentOutcome outcome = roll == 0 ? AppointmentOutcome.DID_NOT_ATTEND : roll == 1 ? AppointmentOutcome.CANCELLED_BY_PATIENT : AppointmentOutcome.ATTENDED;
                appointments.recordOutcome(booked.id(), booked.version(), outcome, outcome.isCancellation() ? "Unwell on the day" : null);
            }
            clinicDays.open(hub, weekday(today.plusDays(8)), 9 * 60, 17 * 60, 12);
            courses(random, hub, icb, today);
            oneToOneSessions(icb, provider, today);
            return soon;
        });
    }

    /**
     * Two weeks of the ICB clinician's 1:1 sessions: assessment mornings at the ICB's second hub and
     * telephone follow-up afternoons; the person at the top of the 1:1 list is booked.
     */
    private void oneToOneSessions(String icb, String provider, LocalDate today) {
        Actor clinician = new Actor("clinician." + icb.toLowerCase(), "Sam Okoro", Role.CLINICIAN, provider, Set.of(icb), null);
        currentActor.runAs(clinician, () -> {
            List<Hub> icbHubs = hubs.inIcbs(List.of(icb));
            UUID hub = icbHubs.get(Math.min(1, icbHubs.size() - 1)).id();
            for (LocalDate day = weekday(today.plusDays(1)); day.isBefore(today.plusDays(15)); day = weekday(day.plusDays(1))) {
                sessions.createSession(new ClinicianSessions.NewSession(icb, hub, null, SessionMode.IN_PERSON, null, null, "en, pa", day, 9 * 60,
                        12 * 60, AppointmentType.ASSESSMENT));
                sessions.createSession(new ClinicianSessions.NewSession(icb, null, null, SessionMode.TELEPHONE, null, null, "en, pa", day, 13 * 60 + 30,
                        15 * 60 + 30, AppointmentType.FOLLOW_UP));
            }
            for (OneToOneAppointments.Waiting person : oneToOne.waiting(icb, 1)) {
                oneToOne.find(person.referralId(), AppointmentType.ASSESSMENT, null, 1).stream().findFirst()
                        .ifPresent(slot -> oneToOne.book(person.referralId(), slot.id()));
            }
            return null;
        });
    }

    /**
     * A back class that started three weeks ago (full, with a waiting list and three registers
     * taken) and a knee class starting in two weeks, for the people referred to classes.
     */
    private void courses(Random random, UUID hub, String icb, LocalDate today) {
        List<ReferralId> referrals = classReferrals.getOrDefault(icb, List.of());
        UUID studio = hubs.find(hub).orElseThrow().rooms().stream().sorted(Comparator
                        .comparing((Hub.Room r) -> r.services().contains("GROUP_CLASS") ? 0 : 1).thenComparing(Hub.Room::name))
                .findFirst().orElseThrow().id();
        UUID back = classes.create(hub, studio, "Back class", "Exercise and advice for back pain, in a small group with a physiotherapist.",
                today.plusDays(1), 6, 10 * 60, 60, 12);
        for (int i = 0; i < 14 && i < referrals.size(); i++) {
            classes.book(back, referrals.get(i));
        }
        history.moveCourse(back, today.minusDays(21));
        var course = classes.read(back);
        for (int session = 1; session <= 3; session++) {
            Set<UUID> came = new HashSet<>();
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
        UUID id = (clinicDays.open(hub, date, 9 * 60, 17 * 60, offer)).value();
        clinicDays.plan(ClinicDayId.of(id), clinicDays.read(ClinicDayId.of(id)).version(), Duration.ofSeconds(1), line -> {});
        clinicDays.publish(ClinicDayId.of(id), clinicDays.read(ClinicDayId.of(id)).version());
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

    private static List<String> needs(Random random, int i) {
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
        return List.of(needs.toString().split(","));
    }
}

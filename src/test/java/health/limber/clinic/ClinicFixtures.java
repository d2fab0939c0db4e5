package health.limber.clinic;

import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.referral.ReferralId;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Test hubs, one-stop referrals and planned days in the demo ICB QHL, made as its service manager. */
@Component
public class ClinicFixtures {

    public static final String ICB = "QHL";

    private final ClinicDays clinicDays;
    private final CurrentActor currentActor;
    private final JdbcTemplate jdbc;

    public ClinicFixtures(ClinicDays clinicDays, CurrentActor currentActor, JdbcTemplate jdbc) {
        this.clinicDays = clinicDays;
        this.currentActor = currentActor;
        this.jdbc = jdbc;
    }

    public Actor manager() {
        String provider = jdbc.queryForObject("select organisation_code from staff_user where username = 'manager.qhl'", String.class);
        return new Actor("manager.qhl", "Alex Morgan", Role.SERVICE_MANAGER, provider, Set.of(ICB), null);
    }

    public <T> T asManager(Supplier<T> work) {
        return currentActor.runAs(manager(), work);
    }

    /** A fresh hub (so test days never meet the demo's) with two rooms and one practitioner per service. */
    public UUID newHub() {
        UUID hub = UUID.randomUUID();
        String provider = manager().organisationCode();
        jdbc.update("""
                insert into hub (id, provider_code, icb_code, name, address_line, town, postcode, step_free, opening_hours)
                values (?, ?, ?, ?, '1 Test Street', 'Testham', 'B1 1AA', true, 'Weekdays')""", hub, provider, ICB, "Test hub " + hub);
        jdbc.update("insert into room (id, hub_id, name, step_free, services) values (?, ?, 'Room A', true, 'PHYSIO,MENTAL_HEALTH,EMPLOYMENT,DEBT')",
                UUID.randomUUID(), hub);
        jdbc.update("insert into room (id, hub_id, name, step_free, services) values (?, ?, 'Room B', true, 'PHYSIO,PHYSICAL_ACTIVITY,EMPLOYMENT,DEBT')",
                UUID.randomUUID(), hub);
        for (String service : List.of("PHYSIO", "MENTAL_HEALTH", "PHYSICAL_ACTIVITY", "EMPLOYMENT", "DEBT")) {
            jdbc.update("insert into practitioner (id, hub_id, name, service_code, languages) values (?, ?, ?, ?, 'en')",
                    UUID.randomUUID(), hub, "Test " + service, service);
        }
        return hub;
    }

    /** A one-stop referral waiting in the ICB, oldest first so the next day offers it. */
    public UUID waitingReferral(UUID patient, String needs) {
        UUID referral = UUID.randomUUID();
        jdbc.update("""
                insert into one_stop_referral (referral_id, reference, patient_id, display_name, icb_code, provider_code, needs, language,
                    interpreter_needed, step_free, accepted_on)
                values (?, ?, ?, 'Test Person', ?, ?, ?, 'en', false, false, ?)""",
                referral, reference(), patient, ICB, manager().organisationCode(), needs, LocalDate.of(2000, 1, 1));
        return referral;
    }

    /** A made-up referral reference; the clinic module keeps its own copy of what it needs from a referral. */
    static String reference() {
        String digits = String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
        return "TST-" + digits.substring(0, 4) + "-" + digits.substring(4);
    }

    /** Takes every other waiting one-stop referral of the ICB off the list for the test, so days offer only the test's people. */
    public void onlyTheseWait(List<UUID> referrals) {
        jdbc.update("update one_stop_referral set accepted_on = ? where icb_code = ? and clinic_day_id is null", LocalDate.of(2100, 1, 1), ICB);
        referrals.forEach(r -> jdbc.update("update one_stop_referral set accepted_on = ? where referral_id = ?", LocalDate.of(2000, 1, 1), r));
    }

    public UUID plannedDay(UUID hub, LocalDate date, int offer) {
        return asManager(() -> {
            UUID id = (clinicDays.open(hub, date, 9 * 60, 13 * 60, offer)).value();
            clinicDays.plan(ClinicDayId.of(id), clinicDays.read(ClinicDayId.of(id)).version(), Duration.ofSeconds(5), line -> {});
            return id;
        });
    }

    /** A named person referred to a group class in the ICB, with their date of birth and NHS number. */
    public ReferralId classReferral(String name, LocalDate born, String nhsNumber) {
        UUID referral = UUID.randomUUID();
        jdbc.update("""
                insert into class_referral (referral_id, reference, patient_id, display_name, icb_code, provider_code, accepted_on, birth_date, nhs_number)
                values (?, ?, null, ?, ?, ?, ?, ?, ?)""", referral, reference(), name, ICB, manager().organisationCode(), LocalDate.of(2001, 1, 1),
                born, nhsNumber);
        return ReferralId.of(referral);
    }

    /** A person referred to a group class in the ICB, not booked anywhere. */
    public ReferralId classReferral() {
        UUID referral = UUID.randomUUID();
        jdbc.update("""
                insert into class_referral (referral_id, reference, patient_id, display_name, icb_code, provider_code, accepted_on)
                values (?, ?, null, 'Class Person', ?, ?, ?)""", referral, reference(), ICB, manager().organisationCode(), LocalDate.of(2001, 1, 1));
        return ReferralId.of(referral);
    }
}

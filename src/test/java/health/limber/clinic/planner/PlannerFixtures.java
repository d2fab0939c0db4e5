package health.limber.clinic.planner;

import health.limber.clinic.planner.Instance.Patient;
import health.limber.clinic.planner.Instance.Practitioner;
import health.limber.clinic.planner.Instance.Room;
import health.limber.clinic.planner.Instance.Service;
import health.limber.clinic.planner.Instance.Window;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A small clinic day and a plan for it that keeps every rule. Each checker test changes one
 * thing in the plan so that exactly one rule breaks.
 */
final class PlannerFixtures {

    private PlannerFixtures() {}

    static int at(String time) {
        return InstanceJson.minutes(time, "test");
    }

    /**
     * 09:00–13:00. PHYSIO 45 min, DEBT 30 min. R1 hosts PHYSIO (step-free), R2 hosts PHYSIO and
     * DEBT (not step-free), R3 hosts DEBT (step-free). P1 physio 09:00–12:00 speaks en and pl;
     * P2 physio 09:00–13:00 en; D1 debt 09:00–13:00 en. A1 needs PHYSIO and DEBT 09:00–12:00,
     * stays at most 120 min, needs step-free; B2 needs PHYSIO 10:00–13:00, speaks pl.
     */
    static Instance day() {
        return Instance.checked(new Instance(LocalDate.of(2025, 2, 14), at("09:00"), at("13:00"), 5,
                List.of(new Service("PHYSIO", 45), new Service("DEBT", 30)),
                List.of(new Room("R1", Set.of("PHYSIO"), true), new Room("R2", Set.of("PHYSIO", "DEBT"), false),
                        new Room("R3", Set.of("DEBT"), true)),
                List.of(new Practitioner("P1", "PHYSIO", Set.of("en", "pl"), List.of(new Window(at("09:00"), at("12:00")))),
                        new Practitioner("P2", "PHYSIO", Set.of("en"), List.of(new Window(at("09:00"), at("13:00")))),
                        new Practitioner("D1", "DEBT", Set.of("en"), List.of(new Window(at("09:00"), at("13:00"))))),
                List.of(new Patient("A1", List.of("PHYSIO", "DEBT"), new Window(at("09:00"), at("12:00")), 120, true, "en", false, 1),
                        new Patient("B2", List.of("PHYSIO"), new Window(at("10:00"), at("13:00")), 60, false, "pl", false, 1))));
    }

    /** A1 sees P2 in R1 09:00–09:45 then D1 in R3 09:45–10:15; B2 sees P1 in R1 10:00–10:45. */
    static List<Appointment> validPlan() {
        return new ArrayList<>(List.of(
                new Appointment("A1", "PHYSIO", "P2", "R1", at("09:00"), at("09:45")),
                new Appointment("A1", "DEBT", "D1", "R3", at("09:45"), at("10:15")),
                new Appointment("B2", "PHYSIO", "P1", "R1", at("10:00"), at("10:45"))));
    }
}

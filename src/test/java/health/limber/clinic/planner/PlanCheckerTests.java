package health.limber.clinic.planner;

import static health.limber.clinic.planner.PlannerFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** One test per rule: each plan breaks exactly that rule, and the checker names it. */
class PlanCheckerTests {

    private final Instance day = PlannerFixtures.day();

    private List<Violation> check(List<Appointment> appointments, List<String> unserved) {
        return new PlanChecker(day).check(appointments, unserved);
    }

    private List<Violation> checkWith(int index, UnaryOperator<Appointment> change) {
        List<Appointment> plan = PlannerFixtures.validPlan();
        plan.set(index, change.apply(plan.get(index)));
        return check(plan, List.of());
    }

    private static Appointment with(Appointment a, String practitioner, String room, String start) {
        int begin = at(start);
        return new Appointment(a.patient(), a.service(), practitioner, room, begin, begin + (a.end() - a.start()));
    }

    private static void onlyBroken(List<Violation> violations, Rule rule) {
        assertThat(violations).as("violations").isNotEmpty().allSatisfy(v -> assertThat(v.rule()).isEqualTo(rule));
    }

    @Test
    void theFixturePlanKeepsEveryRule() {
        assertThat(check(PlannerFixtures.validPlan(), List.of())).isEmpty();
    }

    @Test
    void anAppointmentForSomethingThePatientDoesNotNeedBreaksKnownReferences() {
        List<Violation> violations = checkWith(2, a -> new Appointment("B2", "DEBT", "D1", "R3", at("10:15"), at("10:45")));
        // B2 now has DEBT (not needed) and no PHYSIO: known references, and the visit is no longer whole
        assertThat(violations).extracting(Violation::rule).contains(Rule.KNOWN_REFERENCES);
        List<Violation> unknownRoom = checkWith(2, a -> with(a, "P1", "R9", "10:00"));
        onlyBroken(unknownRoom, Rule.KNOWN_REFERENCES);
        assertThat(unknownRoom.get(0).message()).contains("no room R9");
    }

    @Test
    void anAppointmentOffTheGridOrOfTheWrongLengthBreaksOnGrid() {
        onlyBroken(checkWith(2, a -> new Appointment(a.patient(), a.service(), a.practitioner(), a.room(), at("10:02"), at("10:47"))), Rule.ON_GRID);
        List<Violation> tooShort = checkWith(2, a -> new Appointment(a.patient(), a.service(), a.practitioner(), a.room(), at("10:00"), at("10:30")));
        onlyBroken(tooShort, Rule.ON_GRID);
        assertThat(tooShort.get(0).message()).contains("lasts 30 minutes, PHYSIO takes 45");
    }

    @Test
    void anAppointmentBeforeThePatientCanComeBreaksPatientAvailable() {
        onlyBroken(checkWith(2, a -> with(a, "P1", "R1", "09:45")), Rule.PATIENT_AVAILABLE);
    }

    @Test
    void anAppointmentAfterThePractitionerHasGoneBreaksPractitionerAvailable() {
        onlyBroken(checkWith(2, a -> with(a, "P1", "R1", "11:30")), Rule.PRACTITIONER_AVAILABLE);
    }

    @Test
    void aDebtAdviserGivingPhysiotherapyBreaksPractitionerGivesService() {
        onlyBroken(checkWith(0, a -> with(a, "D1", "R1", "09:00")), Rule.PRACTITIONER_GIVES_SERVICE);
    }

    @Test
    void physiotherapyInTheDebtRoomBreaksRoomHostsService() {
        onlyBroken(checkWith(2, a -> with(a, "P1", "R3", "10:15")), Rule.ROOM_HOSTS_SERVICE);
    }

    @Test
    void aStepFreePatientInARoomWithStepsBreaksStepFree() {
        onlyBroken(checkWith(0, a -> with(a, "P2", "R2", "09:00")), Rule.STEP_FREE);
    }

    @Test
    void aPolishSpeakerWithAnEnglishOnlyPractitionerAndNoInterpreterBreaksLanguage() {
        onlyBroken(checkWith(2, a -> with(a, "P2", "R2", "10:00")), Rule.LANGUAGE);
    }

    @Test
    void anInterpreterBookedMeansAnyPractitionerWillDo() {
        var patients = new java.util.ArrayList<>(day.patients());
        var b2 = patients.get(1);
        patients.set(1, new Instance.Patient(b2.id(), b2.needs(), b2.available(), b2.maxStayMinutes(), false, "pl", true, 1));
        Instance withInterpreter = new Instance(day.date(), day.dayStart(), day.dayEnd(), 5, day.services(), day.rooms(), day.practitioners(), patients);
        List<Appointment> plan = PlannerFixtures.validPlan();
        plan.set(2, with(plan.get(2), "P2", "R2", "10:00"));
        assertThat(new PlanChecker(withInterpreter).check(plan, List.of())).isEmpty();
    }

    @Test
    void aPatientInTwoPlacesAtOnceBreaksPatientOneAtATime() {
        onlyBroken(checkWith(1, a -> with(a, "D1", "R3", "09:30")), Rule.PATIENT_ONE_AT_A_TIME);
    }

    @Test
    void aPractitionerWithTwoPatientsAtOnceBreaksPractitionerOneAtATime() {
        List<Violation> violations = check(List.of(
                new Appointment("A1", "PHYSIO", "P1", "R1", at("09:30"), at("10:15")),
                new Appointment("A1", "DEBT", "D1", "R3", at("10:15"), at("10:45")),
                new Appointment("B2", "PHYSIO", "P1", "R2", at("10:00"), at("10:45"))), List.of());
        onlyBroken(violations, Rule.PRACTITIONER_ONE_AT_A_TIME);
        assertThat(violations.get(0).appointments()).containsExactly(0, 2);
    }

    @Test
    void twoAppointmentsInOneRoomAtOnceBreaksRoomOneAtATime() {
        List<Violation> violations = check(List.of(
                new Appointment("A1", "PHYSIO", "P2", "R1", at("09:30"), at("10:15")),
                new Appointment("A1", "DEBT", "D1", "R3", at("10:15"), at("10:45")),
                new Appointment("B2", "PHYSIO", "P1", "R1", at("10:00"), at("10:45"))), List.of());
        onlyBroken(violations, Rule.ROOM_ONE_AT_A_TIME);
        assertThat(violations.get(0).message()).contains("the room R1 is double-booked");
    }

    @Test
    void aPartialVisitBreaksWholeVisit() {
        List<Appointment> plan = PlannerFixtures.validPlan();
        plan.remove(1);
        List<Violation> violations = check(plan, List.of());
        onlyBroken(violations, Rule.WHOLE_VISIT);
        assertThat(violations.get(0).message()).contains("A1 has a partial visit: no appointment for DEBT");
    }

    @Test
    void aStayLongerThanTheLimitBreaksMaxStay() {
        List<Appointment> plan = PlannerFixtures.validPlan();
        plan.set(1, with(plan.get(1), "D1", "R3", "11:30"));
        List<Violation> violations = check(plan, List.of());
        onlyBroken(violations, Rule.MAX_STAY);
        assertThat(violations.get(0).message()).contains("A1 would stay 180 minutes (09:00–12:00), longer than their 120");
    }

    @Test
    void anUnservedListThatDisagreesWithTheAppointmentsBreaksUnservedListed() {
        List<Appointment> plan = PlannerFixtures.validPlan();
        onlyBroken(check(plan, List.of("B2")), Rule.UNSERVED_LISTED);
        plan.remove(2);
        onlyBroken(check(plan, List.of()), Rule.UNSERVED_LISTED);
        assertThat(check(plan, List.of("B2"))).isEmpty();
    }

    @Test
    void everyRuleHasATestHere() {
        var names = java.util.Arrays.stream(PlanCheckerTests.class.getDeclaredMethods()).map(m -> m.getName().toLowerCase()).toList();
        for (Rule rule : Rule.values()) {
            String words = rule.name().replace("_", "").toLowerCase();
            assertThat(names).as("a test named for " + rule).anyMatch(name -> name.endsWith("breaks" + words));
        }
    }
}

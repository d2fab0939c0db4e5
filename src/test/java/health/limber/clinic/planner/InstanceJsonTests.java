package health.limber.clinic.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The JSON contract of docs/planner.md, and each kind of broken clinic day named by its element. */
class InstanceJsonTests {

    static final String EXAMPLE = """
            {"date":"2025-02-14","dayStart":"09:00","dayEnd":"17:00","slotMinutes":5,
             "services":[{"id":"PHYSIO","minutes":45},{"id":"DEBT","minutes":30}],
             "rooms":[{"id":"R1","services":["PHYSIO","DEBT"],"stepFree":true}],
             "practitioners":[{"id":"P1","service":"PHYSIO","languages":["en"],"available":[{"from":"09:00","to":"12:30"}]},
                              {"id":"D1","service":"DEBT","available":[{"from":"09:00","to":"12:00"},{"from":"13:00","to":"17:00"}]}],
             "patients":[{"id":"A1","needs":["PHYSIO","DEBT"],"available":{"from":"10:00","to":"15:00"},
                          "maxStayMinutes":180,"needsStepFree":false,"language":"en","weight":1}]}
            """;

    private static void broken(String json, String element, String rule) {
        assertThatThrownBy(() -> InstanceJson.read(json))
                .isInstanceOf(InstanceException.class)
                .satisfies(e -> assertThat(((InstanceException) e).element()).isEqualTo(element))
                .hasMessageContaining(rule);
    }

    @Test
    void theIssuesExampleReadsAndWritesBackTheSameDay() {
        Instance day = InstanceJson.read(EXAMPLE);
        assertThat(day.patients().get(0).available()).isEqualTo(new Instance.Window(600, 900));
        assertThat(day.practitioners().get(1).languages()).containsExactly("en");
        assertThat(InstanceJson.read(InstanceJson.write(day))).isEqualTo(day);
    }

    @Test
    void anUnknownServiceIsNamedWithItsElement() {
        broken(EXAMPLE.replace("\"needs\":[\"PHYSIO\",\"DEBT\"]", "\"needs\":[\"PHYSIO\",\"YOGA\"]"),
                "patients[0] (A1).needs", "unknown service YOGA");
        broken(EXAMPLE.replace("\"services\":[\"PHYSIO\",\"DEBT\"]", "\"services\":[\"PHYSIO\",\"DEBIT\"]"),
                "rooms[0] (R1).services", "unknown service DEBIT");
    }

    @Test
    void invertedAvailabilityIsNamed() {
        broken(EXAMPLE.replace("{\"from\":\"10:00\",\"to\":\"15:00\"}", "{\"from\":\"15:00\",\"to\":\"10:00\"}"),
                "patients[0] (A1).available", "ends (10:00) before it starts (15:00)");
    }

    @Test
    void overlappingAvailabilityIsNamed() {
        broken(EXAMPLE.replace("{\"from\":\"13:00\",\"to\":\"17:00\"}", "{\"from\":\"11:00\",\"to\":\"17:00\"}"),
                "practitioners[1] (D1).available[1]", "overlaps available[0]");
    }

    @Test
    void timesOffTheSlotGridAreNamed() {
        broken(EXAMPLE.replace("\"from\":\"10:00\"", "\"from\":\"10:07\""), "patients[0] (A1).available.from", "10:07 is not on the 5-minute grid");
        broken(EXAMPLE.replace("\"from\":\"10:00\"", "\"from\":\"10am\""), "patients[0] (A1).available.from", "\"10am\" is not a time in HH:mm form");
        broken(EXAMPLE.replace("\"minutes\":45", "\"minutes\":42"), "services[0] (PHYSIO).minutes", "multiple of slotMinutes");
    }

    @Test
    void duplicateIdsAreNamed() {
        broken(EXAMPLE.replace("{\"id\":\"D1\"", "{\"id\":\"P1\""), "practitioners[1].id", "duplicate id P1");
    }

    @Test
    void missingFieldsAndBrokenJsonAreNamed() {
        broken(EXAMPLE.replace("\"date\":\"2025-02-14\",", ""), "date", "is not a date");
        broken(EXAMPLE.replace("\"rooms\"", "\"roomz\""), "rooms", "is required");
        broken("{\"date\":", "instance", "is not valid JSON");
        broken(EXAMPLE.replace("\"weight\":1", "\"weight\":\"heavy\""), "patients[0] (A1).weight", "whole number");
    }

    @Test
    void aPatientNeedingAServiceNobodyOffersIsListedAsUnservableWithTheReason() {
        Instance day = InstanceJson.read(EXAMPLE.replace("{\"id\":\"DEBT\",\"minutes\":30}", "{\"id\":\"DEBT\",\"minutes\":30},{\"id\":\"MENTAL_HEALTH\",\"minutes\":40}")
                .replace("\"needs\":[\"PHYSIO\",\"DEBT\"]", "\"needs\":[\"PHYSIO\",\"MENTAL_HEALTH\"]"));
        assertThat(day.unservable()).containsEntry("A1", "nobody offers MENTAL_HEALTH on this day");
        Plan plan = new GreedyPlanner().plan(day, java.time.Duration.ofSeconds(1), line -> {});
        assertThat(plan.unserved()).containsExactly("A1");
        assertThat(InstanceJson.write(plan)).contains("\"reason\" : \"nobody offers MENTAL_HEALTH on this day\"");
    }

    @Test
    void aPlanReadsBackFromItsJson() {
        Instance day = PlannerFixtures.day();
        Plan plan = Plan.of(day, PlannerFixtures.validPlan(), 2, 0.5, "test");
        Plan read = InstanceJson.readPlan(day, InstanceJson.write(plan));
        assertThat(read.appointments()).isEqualTo(plan.appointments());
        assertThat(PlanChecker.check(day, read)).isEmpty();
    }
}

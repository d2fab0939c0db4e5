package health.limber.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import health.limber.DemoFixtures;
import health.limber.IntegrationTest;
import health.limber.TestClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Hazard H-48: the work outcomes report counts a person who asked, was seen and went back to work, and analysts see published figures. */
@IntegrationTest
class SupportReportIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired DemoFixtures demo;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPersonWhoAskedWasSeenAndWentBackToWorkIsCountedOnce() throws Exception {
        LocalDate from = LocalDate.now(clock);
        LocalDate to = from.plusDays(20);
        Map<String, Long> before = total("manager.qhl", from, to);
        SupportJourneys journeys = new SupportJourneys(mvc, jdbc, clock, demo);
        var a = journeys.accepted(true);
        UUID id = journeys.referralOf(a, "IN_HOUSE_EMPLOYMENT");
        clock.advance(Duration.ofDays(9));
        LocalDate later = LocalDate.now(clock);
        journeys.send(SupportJourneys.ADVISER, "/api/support/referrals/" + id + "/contacts",
                "{\"on\": \"%s\", \"mode\": \"PHONE\", \"minutes\": 30}".formatted(later)).andExpect(status().isOk());
        journeys.send(SupportJourneys.ADVISER, "/api/support/referrals/" + id + "/outcomes",
                "{\"kind\": \"RETURNED_TO_WORK\", \"on\": \"%s\"}".formatted(later)).andExpect(status().isOk());
        mvc.perform(post("/api/episodes/" + a.episode() + "/discharge").with(httpBasic(SupportJourneys.CLINICIAN, DemoFixtures.PASSWORD))
                .contentType("application/json").content("""
                        {"version": 0, "reason": "TREATMENT_COMPLETE", "on": "%s"}""".formatted(later))).andExpect(status().isOk());
        Map<String, Long> after = total("manager.qhl", from, to);
        assertThat(after.get("Asked for help") - before.get("Asked for help")).isEqualTo(1);
        assertThat(after.get("Referred") - before.get("Referred")).isEqualTo(1);
        assertThat(after.get("Seen by an adviser") - before.get("Seen by an adviser")).isEqualTo(1);
        assertThat(after.get("Not working at start") - before.get("Not working at start")).isEqualTo(1);
        assertThat(after.get("Back in work") - before.get("Back in work")).isEqualTo(1);
        assertThat(after.get("Stayed in work") - before.get("Stayed in work")).isZero();
    }

    @Test
    void analystsSeePublishedFiguresAndEveryFormatHasTheSameTable() throws Exception {
        LocalDate to = LocalDate.now(clock);
        LocalDate from = to.minusYears(1);
        JsonNode report = report("analyst.programme", from, to);
        assertThat(report.get("suppressed").asBoolean()).isTrue();
        for (JsonNode row : report.get("rows")) {
            for (String column : new String[] {"Asked for help", "Referred", "Seen by an adviser", "Back in work"}) {
                String cell = row.get(column).asText();
                assertThat(cell.equals("*") || Long.parseLong(cell) % 5 == 0).as(column + " " + cell).isTrue();
            }
        }
        assertThat(report.get("rows").size()).as("17 ICBs' rows and the total").isGreaterThan(17);
        String csv = mvc.perform(get("/support/report.csv").param("from", from.toString()).param("to", to.toString())
                .with(httpBasic("analyst.programme", DemoFixtures.PASSWORD))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv.lines().count()).isEqualTo(report.get("rows").size() + 1L);
        mvc.perform(get("/support/report.pdf").with(httpBasic("manager.qhl", DemoFixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"));
        mvc.perform(get("/api/support/report").param("from", "not a date").with(httpBasic("manager.qhl", DemoFixtures.PASSWORD)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/support/report").with(httpBasic("adviser.work.qhl", DemoFixtures.PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(get("/support/report").with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD))).andExpect(status().isForbidden());
    }

    @Test
    void rowsPerHubAddUpToTheSameTotalAsRowsPerKindOfCare() throws Exception {
        LocalDate to = LocalDate.now(clock);
        LocalDate from = to.minusYears(1);
        JsonNode byKind = report("manager.qhl", from, to, "kind");
        JsonNode byHub = report("manager.qhl", from, to, "hub");
        JsonNode kindTotal = byKind.get("rows").get(byKind.get("rows").size() - 1);
        JsonNode hubTotal = byHub.get("rows").get(byHub.get("rows").size() - 1);
        assertThat(hubTotal.get("Referred").asText()).isEqualTo(kindTotal.get("Referred").asText());
        assertThat(hubTotal.get("Back in work").asText()).isEqualTo(kindTotal.get("Back in work").asText());
        long perHub = 0;
        boolean named = false;
        for (JsonNode row : byHub.get("rows")) {
            if (!row.get("ICB").asText().equals("All ICBs")) {
                perHub += Long.parseLong(row.get("Referred").asText());
                named |= !row.get("Hub").asText().equals("No hub assigned") && row.get("Kind of care").asText().equals("All");
            }
        }
        assertThat(perHub).as("each person is in one hub's row").isEqualTo(Long.parseLong(hubTotal.get("Referred").asText()));
        assertThat(named).as("the demo's pathways are assigned to hubs").isTrue();
        mvc.perform(get("/api/support/report").param("by", "town").with(httpBasic("manager.qhl", DemoFixtures.PASSWORD)))
                .andExpect(status().isBadRequest());
    }

    private JsonNode report(String user, LocalDate from, LocalDate to, String by) throws Exception {
        String body = mvc.perform(get("/api/support/report").param("from", from.toString()).param("to", to.toString()).param("by", by)
                .with(httpBasic(user, DemoFixtures.PASSWORD))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonMapper.builder().build().readTree(body);
    }

    private JsonNode report(String user, LocalDate from, LocalDate to) throws Exception {
        String body = mvc.perform(get("/api/support/report").param("from", from.toString()).param("to", to.toString())
                .with(httpBasic(user, DemoFixtures.PASSWORD))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonMapper.builder().build().readTree(body);
    }

    private Map<String, Long> total(String user, LocalDate from, LocalDate to) throws Exception {
        JsonNode rows = report(user, from, to).get("rows");
        JsonNode total = rows.get(rows.size() - 1);
        Map<String, Long> figures = new java.util.HashMap<>();
        for (String column : new String[] {"Asked for help", "Referred", "Seen by an adviser", "Not working at start", "Back in work", "Stayed in work"}) {
            figures.put(column, Long.parseLong(total.get(column).asText()));
        }
        return figures;
    }
}

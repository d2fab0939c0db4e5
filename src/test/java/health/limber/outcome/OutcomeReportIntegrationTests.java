package health.limber.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import health.limber.DemoFixtures;
import health.limber.IntegrationTest;
import health.limber.TestClock;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The outcome report over two people, in a period of their own (a year and more ahead, so nothing
 * else in the shared database falls in it): return rates, paired change with its interval, back in
 * work, exact for a service manager and suppressed for an analyst.
 */
@IntegrationTest
class OutcomeReportIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired DemoFixtures demo;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void twoPeopleFromStartToDischarge() throws Exception {
        OutcomeJourneys journeys = new OutcomeJourneys(mvc, jdbc, clock, demo);
        var first = journeys.accepted("DIGITAL_SELF_MANAGEMENT");
        var second = journeys.accepted("DIGITAL_SELF_MANAGEMENT");
        // MSK-HQ at the start 20 and 30, at discharge 30 and 32: changes +10 (improved) and +2 (no meaningful change)
        journeys.answer(first, "msk-hq", journeys.due(first, "BASELINE", "msk-hq"), "b1", OutcomeJourneys.mskHq(20)).andExpect(status().isCreated());
        journeys.answer(second, "msk-hq", journeys.due(second, "BASELINE", "msk-hq"), "b2", OutcomeJourneys.mskHq(30)).andExpect(status().isCreated());
        journeys.answer(first, "work", journeys.due(first, "BASELINE", "work"), "w1", OutcomeJourneys.work("EMPLOYED_OFF_SICK")).andExpect(status().isCreated());
        journeys.answer(second, "work", journeys.due(second, "BASELINE", "work"), "w2", OutcomeJourneys.work("EMPLOYED_WORKING")).andExpect(status().isCreated());
        clock.advance(Duration.ofDays(400));
        LocalDate day = LocalDate.now(clock);
        for (var a : java.util.List.of(first, second)) {
            mvc.perform(post("/api/episodes/" + a.episode() + "/discharge").with(httpBasic(OutcomeJourneys.CLINICIAN, DemoFixtures.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"version\": 0, \"reason\": \"TREATMENT_COMPLETE\", \"on\": \"" + day + "\"}"))
                    .andExpect(status().isOk());
        }
        journeys.answer(first, "msk-hq", journeys.due(first, "DISCHARGE", "msk-hq"), "d1", OutcomeJourneys.mskHq(30)).andExpect(status().isCreated());
        journeys.answer(second, "msk-hq", journeys.due(second, "DISCHARGE", "msk-hq"), "d2", OutcomeJourneys.mskHq(32))
                .andExpect(status().isCreated());
        journeys.answer(first, "work", journeys.due(first, "DISCHARGE", "work"), "dw1", OutcomeJourneys.work("EMPLOYED_WORKING")).andExpect(status().isCreated());
        journeys.answer(second, "work", journeys.due(second, "DISCHARGE", "work"), "dw2", OutcomeJourneys.work("EMPLOYED_WORKING")).andExpect(status().isCreated());

        java.util.function.Supplier<org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder> report = () -> get("/api/outcomes/report")
                .param("from", day.toString()).param("to", day.toString()).param("kind", "DIGITAL_SELF_MANAGEMENT");
        mvc.perform(report.get().with(httpBasic("manager.qhl", DemoFixtures.PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.returns[?(@.ICB == 'All ICBs')]['Returned']").value("4"))
                .andExpect(jsonPath("$.returns[?(@.ICB == 'All ICBs')]['Return rate %%']").value("100.0"))
                .andExpect(jsonPath("$.pairedChange[0].Questionnaire").value("MSK-HQ"))
                .andExpect(jsonPath("$.pairedChange[0]['People (baseline and discharge)']").value("2"))
                .andExpect(jsonPath("$.pairedChange[0]['Mean change']").value("+6.0"))
                .andExpect(jsonPath("$.pairedChange[0]['95%% CI']").value("-44.8 to +56.8"))
                .andExpect(jsonPath("$.pairedChange[0]['Improved %%']").value("50.0"))
                .andExpect(jsonPath("$.work[0]['Back in work']").value("1"))
                .andExpect(jsonPath("$.work[0]['Stayed in work']").value("1"));
        mvc.perform(report.get().with(httpBasic("analyst.programme", DemoFixtures.PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.suppressed").value(true))
                .andExpect(jsonPath("$.pairedChange[0]['Mean change']").value("*"))
                .andExpect(jsonPath("$.work[0]['Back in work']").value("*"));
        mvc.perform(report.get().with(httpBasic(OutcomeJourneys.CLINICIAN, DemoFixtures.PASSWORD))).andExpect(status().isForbidden());
        String page = mvc.perform(get("/outcomes").param("from", day.toString()).param("to", day.toString())
                .with(httpBasic("manager.qhl", DemoFixtures.PASSWORD))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Change from the start to discharge", "MSK-HQ", "+6.0");
        String csv = mvc.perform(get("/outcomes/report.csv").param("from", day.toString()).param("to", day.toString())
                .with(httpBasic("manager.qhl", DemoFixtures.PASSWORD))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("paired_change,MSK-HQ");
        mvc.perform(get("/outcomes/report.pdf").param("from", day.toString()).param("to", day.toString())
                .with(httpBasic("manager.qhl", DemoFixtures.PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/api/outcomes/report").param("from", "2027-13-01").with(httpBasic("manager.qhl", DemoFixtures.PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
    }
}

package health.limber.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import health.limber.DemoFixtures;
import health.limber.IntegrationTest;
import health.limber.TestClock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Hazard H-47: fit-note advice on the episode, its dates, no two notes on the same day, printed and on the timeline. */
@IntegrationTest
class FitNoteIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired DemoFixtures demo;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static String note(String fitness, LocalDate from, LocalDate to, String extra) {
        return """
                {"fitness": "%s", "condition": "Low back pain", "startsOn": "%s", "endsOn": "%s"%s}""".formatted(fitness, from, to, extra);
    }

    @Test
    void aNoteCannotEndBeforeItStartsNorOverlapAnotherUnlessTheOtherIsEndedFirst() throws Exception {
        SupportJourneys journeys = new SupportJourneys(mvc, jdbc, clock, demo);
        var a = journeys.accepted(false);
        String path = "/api/episodes/" + a.episode() + "/fit-notes";
        LocalDate today = LocalDate.now(clock);
        journeys.send(SupportJourneys.CLINICIAN, path, note("NOT_FIT", today, today.minusDays(1), ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("endsOn"));
        journeys.send(SupportJourneys.CLINICIAN, path, note("NOT_FIT", today, today.plusDays(27), ", \"phasedReturn\": true"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("fitness"));
        journeys.send("manager.qhl", path, note("NOT_FIT", today, today.plusDays(27), "")).andExpect(status().isForbidden());
        assertThat(count(a)).isZero();

        journeys.send(SupportJourneys.CLINICIAN, path, note("NOT_FIT", today, today.plusDays(27), "")).andExpect(status().isCreated());
        journeys.send(SupportJourneys.CLINICIAN, path, note("MAY_BE_FIT", today.plusDays(14), today.plusDays(41), ", \"phasedReturn\": true"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("startsOn"));
        assertThat(count(a)).as("nothing saved").isEqualTo(1);
        String made = journeys.send(SupportJourneys.CLINICIAN, path, note("MAY_BE_FIT", today.plusDays(14), today.plusDays(41),
                        ", \"phasedReturn\": true, \"alteredHours\": true, \"endOther\": true"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(jdbc.queryForObject("select ended_early_on from fit_note where episode_id = ? and fitness = 'NOT_FIT'", LocalDate.class, a.episode()))
                .isEqualTo(today.plusDays(13));
        journeys.send(SupportJourneys.CLINICIAN, path, note("NOT_FIT", today.plusDays(12), today.plusDays(20), ", \"endOther\": true"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("startsOn"));
        assertThat(count(a)).as("a note may not start before one that covers the same days, even ending the running one").isEqualTo(2);

        UUID id = UUID.fromString(made.replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1"));
        mvc.perform(get("/support/fit-notes/" + id + ".pdf").with(httpBasic(SupportJourneys.CLINICIAN, DemoFixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"));
        String page = mvc.perform(get("/episodes/" + a.episode()).with(httpBasic(SupportJourneys.CLINICIAN, DemoFixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("May be fit for work: phased return, altered hours").contains("Not fit for work");
    }

    @Test
    void aNoteIsGivenOnAnOpenEpisodeOnly() throws Exception {
        SupportJourneys journeys = new SupportJourneys(mvc, jdbc, clock, demo);
        var a = journeys.accepted(false);
        LocalDate today = LocalDate.now(clock);
        mvc.perform(post("/api/episodes/" + a.episode() + "/discharge").with(httpBasic(SupportJourneys.CLINICIAN, DemoFixtures.PASSWORD))
                .contentType("application/json").content("""
                        {"version": 0, "reason": "TREATMENT_COMPLETE", "on": "%s"}""".formatted(today))).andExpect(status().isOk());
        journeys.send(SupportJourneys.CLINICIAN, "/api/episodes/" + a.episode() + "/fit-notes", note("NOT_FIT", today, today.plusDays(6), ""))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("episodeId"));
        assertThat(count(a)).isZero();
    }

    private int count(SupportJourneys.Accepted a) {
        return jdbc.queryForObject("select count(*) from fit_note where episode_id = ?", Integer.class, a.episode());
    }
}

package health.limber.exercise;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import health.limber.DemoFixtures;
import health.limber.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ExercisePagesIntegrationTests {

    @Autowired MockMvc mvc;

    @Test
    void aClinicianFiltersTheLibraryAndOpensAnExerciseInEnglishOrWelsh() throws Exception {
        mvc.perform(get("/exercises").param("region", "ANKLE_FOOT").param("category", "STRENGTH").with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Heel raise")))
                .andExpect(content().string(not(containsString("Bridge</a>"))));
        mvc.perform(get("/exercises/knee-straight-leg-raise").with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<animate")))
                .andExpect(content().string(containsString("Cymraeg")))
                .andExpect(content().string(containsString("Knee straightening over a roll")));
        mvc.perform(get("/exercises/knee-straight-leg-raise").param("lang", "cy").with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Codi&#39;r goes yn syth")))
                .andExpect(content().string(containsString("lang=\"cy\"")));
        mvc.perform(get("/exercises/no-such-exercise").with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD))).andExpect(status().isNotFound());
        mvc.perform(get("/exercises").with(httpBasic("analyst.qhl", DemoFixtures.PASSWORD))).andExpect(status().isForbidden());
    }
}

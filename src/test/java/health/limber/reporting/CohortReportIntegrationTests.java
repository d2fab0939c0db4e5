package health.limber.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import health.limber.DemoFixtures;
import health.limber.IntegrationTest;
import health.limber.identity.StaffAccounts;
import health.limber.organisation.Cohorts;
import health.limber.organisation.Organisations;
import health.limber.waitinglist.internal.Pathways;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The cohort report on the hand-built {@link CohortData}: each figure worked out by hand, the same in every channel, published for analysts. */
@IntegrationTest
class CohortReportIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired DemoFixtures demo;
    @Autowired Organisations organisations;
    @Autowired StaffAccounts staff;
    @Autowired Pathways pathways;
    @Autowired Cohorts cohorts;
    @Autowired health.limber.patient.PatientBulkLoad patients;

    @BeforeEach
    void data() {
        CohortData.load(organisations, staff, pathways, jdbc, demo, patients);
    }

    private MockHttpServletRequestBuilder areas(String path) {
        return get(path).param("icb", "QZA", "QZB").param("from", CohortData.FROM.toString()).param("to", CohortData.TO.toString());
    }

    private JsonNode api(String user) throws Exception {
        String body = mvc.perform(areas("/api/reports/cohort").with(httpBasic(user, DemoFixtures.PASSWORD))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonMapper.builder().build().readTree(body);
    }

    /** The API's rows as icb to column to value. */
    private static Map<String, Map<String, String>> rows(JsonNode report) {
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (JsonNode row : report.get("rows")) {
            Map<String, String> values = new HashMap<>();
            row.get("values").properties().forEach(e -> values.put(e.getKey(), e.getValue().asString()));
            rows.put(row.get("icb").asString(), values);
        }
        return rows;
    }

    @Test
    void theFiguresWorkedOutByHand() throws Exception {
        Map<String, String> a = rows(api(CohortData.MANAGER)).get("QZA");
        assertThat(a).containsEntry("w18_start", "12").containsEntry("w18_end", "6").containsEntry("w18_change", "-6")
                .containsEntry("w18_pct_change", "-50.0").containsEntry("w52_start", "2").containsEntry("w52_end", "2")
                .containsEntry("w52_pct_change", "0.0").containsEntry("seen", "6").containsEntry("seen_one_stop_clinic", "6")
                .containsEntry("capacity_per_week", "1.0").containsEntry("seen_quicker", "6").containsEntry("weeks_saved", "51")
                .containsEntry("not_within_horizon", "0");
        // usefulness per patient (latest rating) and per rating differ on the same ratings
        assertThat(a).containsEntry("patients_answered", "3").containsEntry("patients_useful", "2").containsEntry("pct_patients_useful", "66.7")
                .containsEntry("ratings", "7").containsEntry("ratings_useful", "5").containsEntry("pct_ratings_useful", "71.4")
                .containsEntry("patients_rated_change", "2").containsEntry("patients_much_better", "1").containsEntry("pct_much_better", "50.0");
        Map<String, String> total = rows(api(CohortData.MANAGER)).get("TOTAL");
        // the total from the summed counts: (6 + 20) - (12 + 20) over 32, not an average of the areas' percentages
        assertThat(total).containsEntry("w18_start", "32").containsEntry("w18_end", "26").containsEntry("w18_pct_change", "-18.8")
                .containsEntry("seen", "16").containsEntry("seen_group_class", "10");
    }

    @Test
    void analystsSeePublishedFiguresWithSecondarySuppression() throws Exception {
        JsonNode report = api(CohortData.ANALYST);
        assertThat(report.get("suppressed").asBoolean()).isTrue();
        Map<String, Map<String, String>> rows = rows(report);
        // QZA's 6 people seen are withheld; QZB's 10 would then give them away from the total of 16, so it is withheld too
        assertThat(rows.get("QZA").get("seen")).isEqualTo("*");
        assertThat(rows.get("QZB").get("seen")).isEqualTo("*");
        assertThat(rows.get("TOTAL").get("seen")).isEqualTo("15");
        // the 2 people waiting a year: withheld, and no change or percentage that would reveal them
        assertThat(rows.get("QZA")).containsEntry("w52_start", "*").containsEntry("w52_change", "").containsEntry("w52_pct_change", "");
        // QZA's 6 still waiting 18 weeks at the end are withheld, and so QZB's 20 (the total would give them away); the total is rounded
        assertThat(rows.get("QZA")).containsEntry("w18_start", "10").containsEntry("w18_end", "*").containsEntry("w18_pct_change", "");
        assertThat(rows.get("QZB")).containsEntry("w18_end", "*");
        assertThat(rows.get("TOTAL")).containsEntry("w18_start", "30").containsEntry("w18_end", "25").containsEntry("w18_pct_change", "-16.7");
        for (Map<String, String> row : rows.values()) {
            for (String column : List.of("w18_start", "w18_end", "seen", "seen_quicker", "patients_answered", "ratings")) {
                String cell = row.get(column);
                assertThat(cell.equals("*") || Long.parseLong(cell) % 5 == 0).as(column + " " + cell).isTrue();
            }
        }
    }

    @Test
    void theSameFiguresOnThePageInTheCsvInTheBoardPaperAndFromTheApi() throws Exception {
        for (String user : List.of(CohortData.MANAGER, CohortData.ANALYST)) {
            Map<String, String> a = rows(api(user)).get("QZA");
            String page = mvc.perform(areas("/reports/cohort").with(httpBasic(user, DemoFixtures.PASSWORD))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains(">" + a.get("w18_pct_change") + "<", ">" + a.get("pct_patients_useful") + "<", "Seen quicker: each area");
            String csv = mvc.perform(areas("/reports/cohort.csv").with(httpBasic(user, DemoFixtures.PASSWORD))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            List<String> header = List.of(csv.lines().findFirst().orElseThrow().split(","));
            List<String> line = List.of(csv.lines().filter(l -> l.startsWith("QZA,")).findFirst().orElseThrow().split(",", -1));
            for (String column : List.of("w18_start", "w18_end", "w18_pct_change", "seen", "seen_quicker", "weeks_saved", "pct_patients_useful")) {
                assertThat(line.get(header.indexOf(column))).as(user + " " + column).isEqualTo(a.get(column));
            }
            byte[] pdf = mvc.perform(areas("/reports/cohort.pdf").with(httpBasic(user, DemoFixtures.PASSWORD))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsByteArray();
            try (var document = Loader.loadPDF(pdf)) {
                assertThat(document.getNumberOfPages()).isEqualTo(2);
                String text = new PDFTextStripper().getText(document);
                Map<String, String> total = rows(api(user)).get("TOTAL");
                assertThat(text).contains(total.get("w18_pct_change") + "%", total.get("seen_quicker"));
                assertThat(text.substring(text.indexOf("Per area"))).contains("Test", a.get("weeks_saved"), a.get("w18_start"));
            }
        }
    }

    @Test
    void anIcbCanBeInTwoCohortsAndEachReportCountsIt() throws Exception {
        if (cohorts.find("Test cohort AB").isEmpty()) {
            cohorts.create(new Cohorts.CohortForm("Test cohort AB", CohortData.FROM, CohortData.TO, 32_000L, null, Set.of("QZA", "QZB")), "test");
            cohorts.create(new Cohorts.CohortForm("Test cohort A", CohortData.FROM, CohortData.TO, null, null, Set.of("QZA")), "test");
        }
        assertThat(cohorts.of("QZA")).extracting(c -> c.name()).contains("Test cohort AB", "Test cohort A");
        for (String code : List.of("TEST_COHORT_AB", "TEST_COHORT_A")) {
            JsonNode report = JsonMapper.builder().build().readTree(mvc.perform(get("/api/reports/cohorts/" + code)
                    .with(httpBasic(CohortData.MANAGER, DemoFixtures.PASSWORD))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            assertThat(rows(report).get("QZA").get("w18_pct_change")).isEqualTo("-50.0");
            List<String> icbs = new ArrayList<>();
            report.get("rows").forEach(r -> icbs.add(r.get("icb").asString()));
            assertThat(icbs).isEqualTo(code.equals("TEST_COHORT_AB") ? List.of("QZA", "QZB", "TOTAL") : List.of("QZA", "TOTAL"));
            // funding per person seen: £32,000 over 16 people seen
            assertThat(rows(report).get("TOTAL").get("cost_per_person_seen")).isEqualTo(code.equals("TEST_COHORT_AB") ? "2000" : "");
        }
    }

    @Test
    void anAnalystOfOneAreaSeesOnlyThatAreaAndIsToldTheRestIsLeftOut() throws Exception {
        JsonNode report = api(CohortData.ANALYST_QZA);
        assertThat(rows(report).keySet()).containsExactlyInAnyOrder("QZA", "TOTAL");
        assertThat(report.get("areasLeftOut").get(0).asString()).isEqualTo("Test Area B");
    }

    @Test
    void onlyManagersAndAnalystsReadProgrammeReportsOnAnyChannel() throws Exception {
        for (String path : List.of("/reports/cohort", "/reports/cohort.csv", "/reports/cohort.pdf", "/api/reports/cohort")) {
            mvc.perform(areas(path).with(httpBasic("clinician.tzr", DemoFixtures.PASSWORD))).andExpect(status().isForbidden());
            mvc.perform(areas(path).with(httpBasic("admin.qhl", DemoFixtures.PASSWORD))).andExpect(status().isForbidden());
        }
        mvc.perform(areas("/api/reports/cohort")).andExpect(status().isUnauthorized());
        // the exact per-exercise usefulness counts are not an analyst's: they read usefulness here, published
        mvc.perform(get("/api/reports/usefulness").with(httpBasic("analyst.programme", DemoFixtures.PASSWORD))).andExpect(status().isForbidden());
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndAPeriodWithNoDataSaysSo() throws Exception {
        var manager = httpBasic(CohortData.MANAGER, DemoFixtures.PASSWORD);
        mvc.perform(get("/api/reports/cohort").param("icb", "QZA").param("from", "2025-03-01").param("to", "2025-01-01").with(manager))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/reports/cohort").param("icb", "RXX").param("from", "2025-01-01").param("to", "2025-03-01").with(manager))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].field").value("icb"));
        mvc.perform(get("/api/reports/cohort").param("icb", "QQQ").param("from", "2025-01-01").param("to", "2025-03-01").with(manager))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/reports/cohort").param("from", "2025-01-01").param("to", "2025-03-01").with(manager))
                .andExpect(status().isBadRequest());
        String page = mvc.perform(get("/reports/cohort").param("icb", "QZA").param("from", "2001-01-01").param("to", "2001-03-01").with(manager))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("No data for this period").doesNotContain("Download the board paper");
    }
}

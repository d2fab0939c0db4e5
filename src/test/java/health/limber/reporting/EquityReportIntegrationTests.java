package health.limber.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import health.limber.DemoFixtures;
import health.limber.IntegrationTest;
import health.limber.identity.StaffAccounts;
import health.limber.organisation.Organisations;
import health.limber.patient.PatientBulkLoad;
import health.limber.platform.InvalidFieldsException;
import health.limber.waitinglist.internal.Pathways;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The equity split of the cohort report on {@link CohortData}, the ethnic category on the record, and the deprivation table's loading. */
@IntegrationTest
class EquityReportIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired DemoFixtures demo;
    @Autowired Organisations organisations;
    @Autowired StaffAccounts staff;
    @Autowired Pathways pathways;
    @Autowired PatientBulkLoad patients;
    @Autowired Deprivation deprivation;

    @BeforeEach
    void data() {
        CohortData.load(organisations, staff, pathways, jdbc, demo, patients);
    }

    /** The split's rows: group to column to value. */
    private Map<String, Map<String, String>> split(String user, String id) throws Exception {
        String body = mvc.perform(get("/api/reports/equity").param("icb", "QZA", "QZB").param("from", CohortData.FROM.toString())
                .param("to", CohortData.TO.toString()).with(httpBasic(user, DemoFixtures.PASSWORD))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (JsonNode split : JsonMapper.builder().build().readTree(body).get("splits")) {
            if (split.get("id").asString().equals(id)) {
                for (JsonNode row : split.get("rows")) {
                    Map<String, String> values = new HashMap<>();
                    row.get("values").properties().forEach(e -> values.put(e.getKey(), e.getValue().asString()));
                    rows.put(row.get("name").asString(), values);
                }
            }
        }
        return rows;
    }

    @Test
    void theMeasuresByEthnicGroupWorkedOutByHand() throws Exception {
        Map<String, Map<String, String>> rows = split(CohortData.MANAGER, "ethnic_group");
        assertThat(rows.get("White")).containsEntry("w18_start", "3").containsEntry("w18_end", "0").containsEntry("seen", "3")
                .containsEntry("seen_quicker", "3").containsEntry("weeks_saved", "30");
        assertThat(rows.get("Asian or Asian British")).containsEntry("w18_start", "3").containsEntry("seen_quicker", "3")
                .containsEntry("weeks_saved", "21");
        assertThat(rows.get("Not stated")).containsEntry("w18_start", "4").containsEntry("w18_end", "4").containsEntry("seen", "0");
        assertThat(rows.get("Not recorded")).containsEntry("w18_start", "22").containsEntry("w18_end", "22").containsEntry("seen", "10");
        assertThat(rows.get("Black or Black British")).containsEntry("patients_answered", "3").containsEntry("patients_useful", "2")
                .containsEntry("pct_patients_useful", "66.7").containsEntry("pct_much_better", "50.0").containsEntry("seen", "0");
        // the total is the cohort report's
        assertThat(rows.get("Total")).containsEntry("w18_start", "32").containsEntry("w18_end", "26").containsEntry("seen", "16")
                .containsEntry("w18_pct_change", "-18.8");
        for (String split : List.of("age", "sex", "deprivation", "language")) {
            assertThat(split(CohortData.MANAGER, split).get("Total")).as(split).containsEntry("w18_start", "32").containsEntry("seen", "16");
        }
    }

    @Test
    void analystsSeeEveryGroupPublished() throws Exception {
        Map<String, Map<String, String>> rows = split(CohortData.ANALYST, "ethnic_group");
        assertThat(rows.get("White")).containsEntry("w18_start", "*").containsEntry("seen", "*").containsEntry("w18_pct_change", "");
        assertThat(rows.get("Not recorded")).containsEntry("w18_start", "20");
        assertThat(rows.get("Total")).containsEntry("w18_start", "30");
        String csv = mvc.perform(get("/reports/equity.csv").param("icb", "QZA", "QZB").param("from", CohortData.FROM.toString())
                .param("to", CohortData.TO.toString()).with(httpBasic(CohortData.ANALYST, DemoFixtures.PASSWORD))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("ethnic_group,White,*,").contains("ethnic_group,Total,30,");
        mvc.perform(get("/reports/equity").param("icb", "QZA").param("from", CohortData.FROM.toString()).param("to", CohortData.TO.toString())
                .with(httpBasic("clinician.tzr", DemoFixtures.PASSWORD))).andExpect(status().isForbidden());
    }

    @Test
    void theEthnicCategoryIsRecordedAsThePersonStatesItAndAudited() throws Exception {
        var person = demo.patient("QHL", 77);
        int audited = demo.auditCount(person.id());
        mvc.perform(put("/api/patients/" + person.id() + "/ethnic-category").contentType("application/json").content("{\"ethnicCategory\": \"H\"}")
                .with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.ethnicCategory").value("ASIAN_INDIAN"));
        assertThat(demo.auditCount(person.id())).isEqualTo(audited + 1);
        mvc.perform(put("/api/patients/" + person.id() + "/ethnic-category").contentType("application/json").content("{\"ethnicCategory\": \"Q\"}")
                .with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ethnicCategory"));
        mvc.perform(put("/api/patients/" + person.id() + "/ethnic-category").contentType("application/json").content("{\"ethnicCategory\": \"A\"}")
                .with(httpBasic("clinician.qnx", DemoFixtures.PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(put("/api/patients/" + person.id() + "/ethnic-category").contentType("application/json").content("{\"ethnicCategory\": \"A\"}")
                .with(httpBasic("analyst.programme", DemoFixtures.PASSWORD))).andExpect(status().isForbidden());
        String page = mvc.perform(get("/patients/" + person.id()).with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Asian or Asian British: Indian");
    }

    @Test
    void aDeprivationFileWithABadLineChangesNothingAndNamesTheLine() {
        Integer before = jdbc.queryForObject("select count(*) from deprivation_area", Integer.class);
        assertThatThrownBy(() -> deprivation.replace(List.of(new Deprivation.Area("LS1 4", 2), new Deprivation.Area("XYZ", 3),
                new Deprivation.Area("LS2", 9)), "test", 2))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.errors()).containsOnlyKeys("line 3", "line 4"));
        assertThat(jdbc.queryForObject("select count(*) from deprivation_area", Integer.class)).isEqualTo(before);
        // a postcode falls back to its sector, then its district (the demo loads districts); one nowhere in the table has none
        Map<String, Object> district = jdbc.queryForMap("select postcode_prefix, imd_quintile from deprivation_area order by postcode_prefix limit 1");
        String postcode = district.get("postcode_prefix") + " 1AB";
        assertThat(deprivation.quintiles(List.of(postcode, "ZZ9 9ZZ"))).containsExactly(Map.entry(postcode, ((Number) district.get("imd_quintile")).intValue()));
    }
}

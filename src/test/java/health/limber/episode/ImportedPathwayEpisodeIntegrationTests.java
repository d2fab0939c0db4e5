package health.limber.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import health.limber.DemoFixtures;
import health.limber.IntegrationTest;
import health.limber.waitinglist.internal.ImportMode;
import health.limber.waitinglist.internal.ImportSummary;
import health.limber.waitinglist.internal.WaitingListImport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * DOMAIN.md §1 and issue 18 item 1: a pathway imported for a patient Limber knows (same NHS number
 * and date of birth) opens their episode of care and names them on the pathway; a pathway whose date
 * of birth disagrees with the record, or whose number no record has, stays a pathway only. A dry run
 * opens nothing.
 */
@IntegrationTest
class ImportedPathwayEpisodeIntegrationTests {

    static final String HEADER = "PATIENT_PATHWAY_IDENTIFIER,PATHWAY_IDENTIFIER_ISSUER,NHS_NUMBER,PERSON_BIRTH_DATE,"
            + "REFERRAL_REQUEST_RECEIVED_DATE,SOURCE_OF_REFERRAL,RTT_PERIOD_START_DATE,RTT_PERIOD_END_DATE,RTT_PERIOD_END_REASON,"
            + "WAITING_LIST_TYPE,ACTIVITY_TREATMENT_FUNCTION_CODE,PRIORITY_TYPE_CODE,ORGANISATION_CODE_PROVIDER,"
            + "ORGANISATION_CODE_COMMISSIONER,CENSUS_DATE\n";

    @Autowired WaitingListImport importer;
    @Autowired JdbcTemplate jdbc;
    @Autowired DemoFixtures demo;
    @Autowired MockMvc mvc;

    @Test
    void aPathwayImportedForAKnownPatientOpensTheirEpisodeAndTheOthersStayPathways() throws Exception {
        var known = demo.patient("QHL", 9);
        String matching = id();
        String wrongBirthDate = id();
        String unknown = id();
        String csv = HEADER + row(matching, known.nhsNumber(), known.birthDate().toString())
                + row(wrongBirthDate, known.nhsNumber(), known.birthDate().minusDays(1).toString())
                + row(unknown, "9434765919", "1970-01-01");

        ImportSummary dryRun = run(csv, true);
        assertThat(dryRun.created()).isEqualTo(3);
        assertThat(episodesOf(matching)).as("a dry run opens nothing").isZero();

        run(csv, false);
        Map<String, Object> episode = jdbc.queryForMap("""
                select e.id, e.patient_id, e.referral_id, e.kind_of_care, p.patient_id as pathway_patient from episode e
                join pathway p on p.id = e.pathway_id where p.pathway_identifier = ?""", matching);
        assertThat(episode.get("patient_id")).isEqualTo(known.id());
        assertThat(episode.get("pathway_patient")).isEqualTo(known.id());
        assertThat(episode.get("referral_id")).isNull();
        assertThat(episode.get("kind_of_care")).isNull();
        assertThat(episodesOf(wrongBirthDate)).as("a date of birth that disagrees with the record: no match").isZero();
        assertThat(episodesOf(unknown)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from pathway where pathway_identifier in (?, ?) and patient_id is null", Integer.class,
                wrongBirthDate, unknown)).isEqualTo(2);

        String page = mvc.perform(get("/episodes/" + episode.get("id")).with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Imported pathway " + matching, "imported waiting-list pathway " + matching, "Waiting-list pathway " + matching + " imported",
                "Open the pathway and its clock");
        mvc.perform(get("/api/episodes/" + episode.get("id")).with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD)))
                .andExpect(status().isOk());
    }

    private ImportSummary run(String csv, boolean dryRun) {
        List<Object> rejects = new ArrayList<>();
        ImportSummary summary = importer.run(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), ImportMode.ALL_OR_NOTHING, dryRun,
                rejects::add, bytes -> { });
        assertThat(rejects).isEmpty();
        return summary;
    }

    private int episodesOf(String identifier) {
        return jdbc.queryForObject("select count(*) from episode e join pathway p on p.id = e.pathway_id where p.pathway_identifier = ?",
                Integer.class, identifier);
    }

    private static String id() {
        return "EPI-" + UUID.randomUUID().toString().substring(0, 13);
    }

    private static String row(String id, String nhs, String birthDate) {
        return String.join(",", id, "RZA", nhs, birthDate, "2025-06-02", "GP", "2025-06-02", "", "", "ORTT", "650", "1", "RZA", "QHL", "") + "\n";
    }
}

package health.limber.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import health.limber.DemoFixtures;
import health.limber.IntegrationTest;
import health.limber.TestClock;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hazard H-45: an adviser sees the support part of a record and nothing clinical. The adviser's view
 * of a referral is checked field by field against the full record a clinician reads (the patient,
 * the referral, the episode and the questionnaire responses), so a clinical field added to the view,
 * or a new clinical field with a name the view uses, fails here.
 */
@IntegrationTest
class AdviserViewIntegrationTests {

    /**
     * Names the support part shares with the full record on purpose: who the person is and how to
     * reach them, their work, and the generic names of a record (its id, status, dates and authors).
     */
    static final Set<String> SUPPORT_PART = Set.of("id", "name", "nhsNumber", "birthDate", "phone", "email", "postcode", "preferredLanguage",
            "interpreterNeeded", "workStatus", "status", "source", "referredOn", "recordedBy", "recordedOn", "on", "by", "note", "kind", "at");

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired DemoFixtures demo;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theAdvisersViewHasNoFieldOfTheClinicalRecord() throws Exception {
        SupportJourneys journeys = new SupportJourneys(mvc, jdbc, clock, demo);
        var a = journeys.accepted(true);
        UUID id = journeys.referralOf(a, "IN_HOUSE_EMPLOYMENT");
        journeys.send(SupportJourneys.ADVISER, "/api/support/referrals/" + id + "/contacts",
                "{\"on\": \"%s\", \"mode\": \"PHONE\", \"minutes\": 20}".formatted(java.time.LocalDate.now(clock))).andExpect(status().isOk());
        journeys.send(SupportJourneys.ADVISER, "/api/support/referrals/" + id + "/outcomes",
                "{\"kind\": \"PHASED_RETURN\", \"on\": \"%s\", \"note\": \"Mornings only\"}".formatted(java.time.LocalDate.now(clock))).andExpect(status().isOk());

        Set<String> adviser = names(read("/api/support/referrals/" + id, SupportJourneys.ADVISER));
        Set<String> full = new TreeSet<>();
        full.addAll(names(read("/api/patients/" + a.patient(), SupportJourneys.CLINICIAN)));
        full.addAll(names(read("/api/referrals/" + a.referral(), SupportJourneys.CLINICIAN)));
        full.addAll(names(read("/api/episodes/" + a.episode(), SupportJourneys.CLINICIAN)));
        full.addAll(names(read("/api/patients/" + a.patient() + "/questionnaire-responses", SupportJourneys.CLINICIAN)));
        assertThat(full).as("the full record was read").contains("redFlags", "bodySites");

        Set<String> clinical = new TreeSet<>(full);
        clinical.removeAll(SUPPORT_PART);
        Set<String> leaked = new TreeSet<>(adviser);
        leaked.retainAll(clinical);
        assertThat(leaked).as("fields of the clinical record in the adviser's view").isEmpty();
        assertThat(adviser).as("the view does carry the support part").contains("name", "phone", "workStatus", "askedFor", "contacts", "outcomes");
    }

    private JsonNode read(String path, String user) throws Exception {
        String body = mvc.perform(get(path).with(httpBasic(user, DemoFixtures.PASSWORD))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonMapper.builder().build().readTree(body);
    }

    /** Every field name anywhere in the document. */
    static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        collect(node, names);
        return names;
    }

    private static void collect(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            for (var entry : node.properties()) {
                names.add(entry.getKey());
                collect(entry.getValue(), names);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, names));
        }
    }
}

package health.limber.waitinglist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import health.limber.DemoFixtures;
import health.limber.IntegrationTest;
import health.limber.waitinglist.internal.WaitingListQueries;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The waiting-list pages for each role: who may see what, and analysts see suppressed figures. */
@IntegrationTest
class WaitingListPagesIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired WaitingListQueries queries;

    String page(String path, String user) throws Exception {
        var response = mvc.perform(get(path).with(httpBasic(user, DemoFixtures.PASSWORD))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path + " as " + user).isEqualTo(200);
        return response.getContentAsString();
    }

    @Test
    void theCensusAndComparisonShowTheUsersIcbsAndAnalystsSeeSuppressedFigures() throws Exception {
        String census = page("/waiting-list?date=2025-03-31", "manager.qhl");
        assertThat(census).contains("Birmingham and Solihull").doesNotContain("Sussex").contains("data-chart");
        String analyst = page("/waiting-list?date=2025-03-31", "analyst.programme");
        assertThat(analyst).contains("Sussex").contains("counts of 1 to 7 are shown as *");
        assertThat(page("/waiting-list/compare?from=2024-12-01&to=2025-03-31", "analyst.programme")).contains("Total");
        assertThat(page("/waiting-list/census.csv?date=2025-03-31", "manager.qhl")).startsWith("commissioner,band_0_7");
    }

    @Test
    void theCensusPdfHasTheSameRowsAndAnalystsGetSuppressedFigures() throws Exception {
        for (String user : java.util.List.of("manager.qhl", "analyst.programme")) {
            byte[] pdf = mvc.perform(get("/waiting-list/census.pdf?date=2025-03-31").with(httpBasic(user, DemoFixtures.PASSWORD)))
                    .andReturn().getResponse().getContentAsByteArray();
            try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
                assertThat(text).contains("Community MSK waiting list on 31 March 2025").contains("band_127_364").contains("Total");
                assertThat(text.contains("Small numbers are suppressed")).as(user).isEqualTo(user.startsWith("analyst"));
            }
        }
    }

    @Test
    void theComparisonComesAsCsvAndPdfWithTheSameFiguresAsThePage() throws Exception {
        String csv = page("/waiting-list/compare.csv?from=2024-12-01&to=2025-03-31", "manager.qhl");
        String[] lines = csv.split("\n");
        assertThat(lines[0]).isEqualTo("commissioner,waiting_18_plus_from,waiting_18_plus_to,change,pct_change");
        assertThat(lines).hasSize(3).anyMatch(line -> line.startsWith("QHL,"));
        assertThat(lines[2]).startsWith("TOTAL,");
        String[] qhl = lines[1].split(",", -1);
        assertThat(Long.parseLong(qhl[3])).isEqualTo(Long.parseLong(qhl[2]) - Long.parseLong(qhl[1]));
        String comparePage = page("/waiting-list/compare?from=2024-12-01&to=2025-03-31", "manager.qhl");
        assertThat(comparePage).contains(">" + qhl[1] + "<").contains(">" + qhl[2] + "<").contains("compare.csv").contains("compare.pdf");

        String published = page("/waiting-list/compare.csv?from=2024-12-01&to=2025-03-31", "analyst.programme");
        // published: the change is that of the counts as shown (never the exact one), or left out beside a withheld count
        assertThat(published.split("\n")).hasSize(19).allMatch(line -> {
            String[] cells = line.split(",", -1);
            return line.startsWith("commissioner,") || (cells[1].equals("*") || cells[2].equals("*") ? cells[3].isEmpty()
                    : Long.parseLong(cells[3]) == Long.parseLong(cells[2]) - Long.parseLong(cells[1]) && Long.parseLong(cells[1]) % 5 == 0);
        });
        for (String user : java.util.List.of("manager.qhl", "analyst.programme")) {
            byte[] pdf = mvc.perform(get("/waiting-list/compare.pdf?from=2024-12-01&to=2025-03-31").with(httpBasic(user, DemoFixtures.PASSWORD)))
                    .andReturn().getResponse().getContentAsByteArray();
            try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
                assertThat(text).contains("18+ week waiters on 1 December 2024 and 31 March 2025").contains("Total");
                assertThat(text.contains("Small numbers are suppressed")).as(user).isEqualTo(user.startsWith("analyst"));
            }
        }
        mvc.perform(get("/waiting-list/compare.csv?from=2024-13-01&to=2025-03-31").with(httpBasic("manager.qhl", DemoFixtures.PASSWORD)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isBadRequest());
    }

    @Test
    void theForecastIsFilledFromTheIcbsOwnList() throws Exception {
        String forecast = page("/waiting-list/forecast?icb=QHL&targetWeeks=18", "manager.qhl");
        assertThat(forecast).contains("Referrals per week").contains("Load (ρ = λ/μ)").contains("Pressure");
    }

    @Test
    void theListOpensAPathwayWithItsClockHistory() throws Exception {
        String list = page("/waiting-list/pathways?band=18+to+52+weeks", "manager.qhl");
        assertThat(list).contains("18+ weeks");
        String href = list.replaceAll("(?s).*href=\"(/waiting-list/pathways/[0-9a-f-]{36})\".*", "$1");
        assertThat(page(href, "clinician.qhl")).contains("Clock events").contains(">Start<");
        int status = mvc.perform(get(href).with(httpBasic("clinician.quy", DemoFixtures.PASSWORD))).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
        status = mvc.perform(get("/waiting-list/pathways").with(httpBasic("analyst.qhl", DemoFixtures.PASSWORD))).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
    }

    @Test
    void aPathwayIsAssignedAHubOfItsIcbAndTheListFiltersByHub() throws Exception {
        String list = page("/waiting-list/pathways", "manager.qhl");
        String href = list.replaceAll("(?s).*?href=\"(/waiting-list/pathways/[0-9a-f-]{36})\".*", "$1");
        java.util.UUID id = java.util.UUID.fromString(href.substring(href.lastIndexOf('/') + 1));
        var qhlHubs = jdbc.queryForList("select id from hub where icb_code = 'QHL' order by name", java.util.UUID.class);
        java.util.UUID otherIcbHub = jdbc.queryForObject("select id from hub where icb_code = 'QUY' order by name limit 1", java.util.UUID.class);
        assertThat(qhlHubs).isNotEmpty();

        var refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(href + "/hub")
                .with(csrf()).with(httpBasic("manager.qhl", DemoFixtures.PASSWORD)).param("hub", otherIcbHub.toString())).andReturn();
        assertThat(refused.getFlashMap().get("hubError")).isEqualTo("Choose a hub of the pathway's ICB");
        assertThat(jdbc.queryForList("select hub_id from pathway_hub where pathway_id = ?", java.util.UUID.class, id)).doesNotContain(otherIcbHub);

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(href + "/hub")
                .with(csrf()).with(httpBasic("manager.qhl", DemoFixtures.PASSWORD)).param("hub", qhlHubs.get(0).toString()));
        assertThat(jdbc.queryForObject("select hub_id from pathway_hub where pathway_id = ?", java.util.UUID.class, id)).isEqualTo(qhlHubs.get(0));
        assertThat(page(href, "manager.qhl")).contains("Save the hub");

        String filtered = page("/waiting-list/pathways?hub=" + qhlHubs.get(0), "manager.qhl");
        assertThat(filtered).contains(href);
        var shown = java.util.regex.Pattern.compile("href=\"/waiting-list/pathways/([0-9a-f-]{36})\"").matcher(filtered).results()
                .map(m -> java.util.UUID.fromString(m.group(1))).toList();
        assertThat(shown).isNotEmpty().allSatisfy(pathway -> assertThat(jdbc.queryForObject(
                "select hub_id from pathway_hub where pathway_id = ?", java.util.UUID.class, pathway)).isEqualTo(qhlHubs.get(0)));

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(href + "/hub")
                .with(csrf()).with(httpBasic("manager.qhl", DemoFixtures.PASSWORD)).param("hub", ""));
        assertThat(jdbc.queryForList("select hub_id from pathway_hub where pathway_id = ?", java.util.UUID.class, id)).isEmpty();
        assertThat(page("/waiting-list/pathways?hub=" + qhlHubs.get(0), "manager.qhl")).doesNotContain(href);
        assertThat(page("/waiting-list/pathways", "manager.qhl")).as("still on the list without a hub").contains(href);
        int status = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(href + "/hub")
                .with(csrf()).with(httpBasic("clinician.quy", DemoFixtures.PASSWORD)).param("hub", otherIcbHub.toString())).andReturn().getResponse().getStatus();
        assertThat(status).as("another ICB's clinician").isEqualTo(403);
    }

    @Test
    void theApiGivesTheListAPathwayWithItsEventsAndSetsItsHub() throws Exception {
        var jsonPath = (java.util.function.Function<String, org.springframework.test.web.servlet.ResultMatcher>) path ->
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(path).exists();
        String body = mvc.perform(get("/api/waiting-list/pathways?priority=1&minDays=127").with(httpBasic("manager.qhl", DemoFixtures.PASSWORD)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andExpect(jsonPath.apply("$.items[0].pathwayId")).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("\"hasNext\"").doesNotContain("\"commissioner\":\"QUY\"");
        String id = body.replaceAll("(?s).*?\"pathwayId\":\"([0-9a-f-]{36})\".*", "$1");
        mvc.perform(get("/api/waiting-list/pathways/" + id).with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.events[0].type").value("START"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.waitingToday").value(true));

        java.util.UUID hub = jdbc.queryForObject("select id from hub where icb_code = 'QHL' order by name limit 1", java.util.UUID.class);
        java.util.UUID otherIcbHub = jdbc.queryForObject("select id from hub where icb_code = 'QUY' order by name limit 1", java.util.UUID.class);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/waiting-list/pathways/" + id + "/hub")
                        .with(httpBasic("manager.qhl", DemoFixtures.PASSWORD)).contentType("application/json").content("{\"hub\":\"" + otherIcbHub + "\"}"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].field").value("hub"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/waiting-list/pathways/" + id + "/hub")
                        .with(httpBasic("manager.qhl", DemoFixtures.PASSWORD)).contentType("application/json").content("{\"hub\":\"" + hub + "\"}"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNoContent());
        mvc.perform(get("/api/waiting-list/pathways/" + id).with(httpBasic("manager.qhl", DemoFixtures.PASSWORD)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.hub").value(hub.toString()));

        mvc.perform(get("/api/waiting-list/pathways?priority=7").with(httpBasic("manager.qhl", DemoFixtures.PASSWORD)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].field").value("priority"));
        mvc.perform(get("/api/waiting-list/pathways?icb=QUY").with(httpBasic("manager.qhl", DemoFixtures.PASSWORD)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isBadRequest());
        mvc.perform(get("/api/waiting-list/pathways").with(httpBasic("analyst.qhl", DemoFixtures.PASSWORD)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
        mvc.perform(get("/api/waiting-list/pathways/" + id).with(httpBasic("clinician.quy", DemoFixtures.PASSWORD)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
    }

    @Test
    void theListPutsTwoWeekWaitsFirstThenUrgentThenRoutineLongestWaitFirst() {
        var rows = queries.page(new WaitingListQueries.Filter(java.util.List.of("QHL"), null, null, null, null, null),
                java.time.LocalDate.now(), 0);
        assertThat(rows).isNotEmpty();
        for (int i = 1; i < rows.size(); i++) {
            var before = rows.get(i - 1);
            var after = rows.get(i);
            assertThat(before.priority().code() > after.priority().code()
                    || (before.priority() == after.priority() && !before.start().isAfter(after.start()))).as(before + " then " + after).isTrue();
        }
        var filter = new WaitingListQueries.Filter(java.util.List.of("QHL"), null, null, null, null, null);
        var first = queries.page(filter, java.time.LocalDate.now(), 0);
        var second = queries.page(filter, java.time.LocalDate.now(), 1);
        assertThat(first).as("more than a page of waiters in the demo").hasSize(WaitingListQueries.PAGE_SIZE + 1);
        assertThat(second).isNotEmpty();
        assertThat(first.get(WaitingListQueries.PAGE_SIZE)).as("the extra row is the next page's first").isEqualTo(second.get(0));
        assertThat(first.subList(0, WaitingListQueries.PAGE_SIZE)).doesNotContainAnyElementsOf(second);
    }

    @Test
    void theValidationWorklistOpensAPathwayWhereTheValidationIsRecorded() throws Exception {
        String worklist = page("/waiting-list/validation", "manager.qhl");
        assertThat(worklist).contains("Due for validation");
        String href = worklist.replaceAll("(?s).*?href=\"(/waiting-list/pathways/[0-9a-f-]{36})\".*", "$1");
        String pathway = page(href, "manager.qhl");
        assertThat(pathway).contains("Due now");
        String version = pathway.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");

        String refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(href + "/validation")
                .with(csrf()).with(httpBasic("manager.qhl", DemoFixtures.PASSWORD)).param("version", version))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Select how the pathway was validated").contains("Select what the validation found");

        var done = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(href + "/validation")
                .with(csrf()).with(httpBasic("manager.qhl", DemoFixtures.PASSWORD)).param("version", version)
                .param("kind", "PATIENT_CONTACT").param("outcome", "STILL_WAITING")).andReturn().getResponse();
        assertThat(done.getRedirectedUrl()).isEqualTo(href);
        assertThat(page(href, "manager.qhl")).contains("patient contact: still waiting");

        String stale = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(href + "/validation")
                .with(csrf()).with(httpBasic("manager.qhl", DemoFixtures.PASSWORD)).param("version", version)
                .param("kind", "CLINICAL").param("outcome", "DUPLICATE")).andReturn().getResponse().getContentAsString();
        assertThat(stale).contains("Someone else changed this pathway");
    }

    @Test
    void aRedFlagFoundAtValidationRaisesATaskForTheTriageTeamWithTheValidation() throws Exception {
        String worklist = page("/waiting-list/validation", "manager.qhl");
        var hrefs = java.util.regex.Pattern.compile("href=\"(/waiting-list/pathways/[0-9a-f-]{36})\"").matcher(worklist)
                .results().map(m -> m.group(1)).distinct().toList();
        String href = hrefs.get(hrefs.size() - 1);
        String pathway = page(href, "manager.qhl");
        assertThat(pathway).contains("Red flags found by this review").contains("CES_SADDLE_NUMBNESS");
        String version = pathway.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
        String pathwayId = href.substring(href.lastIndexOf('/') + 1);
        String identifier = jdbc.queryForObject("select pathway_identifier from pathway where id = ?", String.class,
                java.util.UUID.fromString(pathwayId));
        int before = tasks("%" + identifier + "%");

        String unknown = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(href + "/validation")
                .with(csrf()).with(httpBasic("manager.qhl", DemoFixtures.PASSWORD)).param("version", version)
                .param("kind", "CLINICAL").param("outcome", "STILL_WAITING").param("redFlags", "NOT_A_FLAG"))
                .andReturn().getResponse().getContentAsString();
        assertThat(unknown).contains("There is no red-flag question NOT_A_FLAG");
        assertThat(page(href, "manager.qhl")).doesNotContain("CLINICAL:STILL_WAITING");

        var done = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(href + "/validation")
                .with(csrf()).with(httpBasic("manager.qhl", DemoFixtures.PASSWORD)).param("version", version)
                .param("kind", "CLINICAL").param("outcome", "STILL_WAITING").param("redFlags", "CES_SADDLE_NUMBNESS")
                .param("redFlagDetail", "Numb when wiping since Tuesday")).andReturn().getResponse();
        assertThat(done.getRedirectedUrl()).isEqualTo(href);
        assertThat(tasks("%" + identifier + "%Numb when wiping%")).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select level from red_flag_task where detail like ?", String.class,
                "%" + identifier + "%Numb when wiping%")).isEqualTo("EMERGENCY");
    }

    int tasks(String detail) {
        return jdbc.queryForObject("select count(*) from red_flag_task where source = 'VALIDATION' and detail like ?", Integer.class, detail);
    }

    @Test
    void theCensusGroupsByProviderTreatmentFunctionOrPriorityWithTheSameTotalAndOnlyTheReadersIcbs() throws Exception {
        String byIcb = csv("/waiting-list/census.csv?date=2025-03-31", "manager.qhl");
        String byPriority = csv("/waiting-list/census.csv?date=2025-03-31&by=PRIORITY", "manager.qhl");
        String byProvider = csv("/waiting-list/census.csv?date=2025-03-31&by=PROVIDER", "manager.qhl");
        assertThat(byPriority).startsWith("priority,");
        assertThat(byIcb.lines().skip(1).map(l -> l.split(",")[0]).filter(c -> !c.equals("TOTAL")).toList()).containsExactly("QHL");
        String total = byIcb.lines().filter(l -> l.startsWith("TOTAL")).findFirst().orElseThrow();
        assertThat(byPriority.lines().filter(l -> l.startsWith("TOTAL")).findFirst().orElseThrow()).isEqualTo(total);
        assertThat(byProvider.lines().filter(l -> l.startsWith("TOTAL")).findFirst().orElseThrow()).isEqualTo(total);
        assertThat(page("/waiting-list?date=2025-03-31&by=PRIORITY", "manager.qhl")).contains("Routine")
                .as("the shared input fragment brings nothing else with it").doesNotContain("type=\"file\"");
    }

    String csv(String path, String user) throws Exception {
        return page(path, user);
    }

    @Test
    void aServiceManagerUploadsAFileAndSeesTheSummary() throws Exception {
        String csv = WaitingListImportIntegrationTests.HEADER + WaitingListImportIntegrationTests.row("PAGE-UPLOAD-1", "2025-01-10");
        var file = new MockMultipartFile("file", "list.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        String page = mvc.perform(multipart("/waiting-list/import").file(file).param("mode", "ALL_OR_NOTHING").with(csrf())
                .with(httpBasic("manager.qhl", DemoFixtures.PASSWORD))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Imported").contains("Created");
        int status = mvc.perform(multipart("/waiting-list/import").file(file).with(csrf())
                .with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD))).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
    }
}

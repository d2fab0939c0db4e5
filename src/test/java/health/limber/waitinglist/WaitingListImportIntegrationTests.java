package health.limber.waitinglist;

import static org.assertj.core.api.Assertions.assertThat;

import health.limber.IntegrationTest;
import health.limber.waitinglist.internal.ClockEvent;
import health.limber.waitinglist.internal.ImportMode;
import health.limber.waitinglist.internal.ImportProblem;
import health.limber.waitinglist.internal.ImportSummary;
import health.limber.waitinglist.internal.Pathways;
import health.limber.waitinglist.internal.WaitingListImport;
import health.limber.waitinglist.internal.WlmdsColumns;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The WLMDS-like import: every kind of bad input is refused with line, column and rule; nothing partial is written. */
@IntegrationTest
class WaitingListImportIntegrationTests {

    static final String HEADER = "PATIENT_PATHWAY_IDENTIFIER,PATHWAY_IDENTIFIER_ISSUER,NHS_NUMBER,PERSON_BIRTH_DATE,"
            + "REFERRAL_REQUEST_RECEIVED_DATE,SOURCE_OF_REFERRAL,RTT_PERIOD_START_DATE,RTT_PERIOD_END_DATE,RTT_PERIOD_END_REASON,"
            + "WAITING_LIST_TYPE,ACTIVITY_TREATMENT_FUNCTION_CODE,PRIORITY_TYPE_CODE,ORGANISATION_CODE_PROVIDER,"
            + "ORGANISATION_CODE_COMMISSIONER,CENSUS_DATE\n";
    static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired WaitingListImport importer;
    @Autowired JdbcTemplate jdbc;
    @Autowired Pathways pathways;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;

    @Test
    void theApiTakesAFileForTheCallersIcbsAndRefusesAnotherIcbsRowsByLineAndColumn() throws Exception {
        String mine = id();
        String notMine = id();
        String csv = HEADER + row(mine, "2024-10-01").replace(",QHL,", ",QJK,") + row(notMine, "2024-10-01");
        var post = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/waiting-list/imports")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("manager.qjk",
                        health.limber.DemoFixtures.PASSWORD))
                .contentType("text/csv").content(csv);
        var reply = mvc.perform(post).andReturn().getResponse();
        assertThat(reply.getStatus()).isEqualTo(422);
        assertThat(reply.getContentAsString()).contains("\"line\":3").contains("ORGANISATION_CODE_COMMISSIONER").contains("does not serve the ICB QHL");
        assertThat(pathwaysWith(mine)).as("all or nothing").isZero();
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/waiting-list/imports")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("clinician.qjk",
                                health.limber.DemoFixtures.PASSWORD)).contentType("text/csv").content(csv))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    static String id() {
        return "IMP" + SERIAL.incrementAndGet() + "-" + System.nanoTime();
    }

    static String row(String id, String nhs, String start, String end, String reason, String priority) {
        return String.join(",", id, "RZA", nhs, "1970-01-01", start, "GP", start, end, reason, "ORTT", "650", priority, "RZA",
                "QHL", "") + "\n";
    }

    static String row(String id, String start) {
        return row(id, "9434765919", start, "", "", "1");
    }

    ImportSummary run(String csv, ImportMode mode) {
        return run(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), mode, new ArrayList<>());
    }

    ImportSummary run(InputStream in, ImportMode mode, List<ImportProblem> rejects) {
        return importer.run(in, mode, false, rejects::add, bytes -> { });
    }

    int pathwaysWith(String id) {
        return jdbc.queryForObject("select count(*) from pathway where pathway_identifier = ?", Integer.class, id);
    }

    @Test
    void anImporterCannotTouchAnotherIcbsPathwaysAndEveryImportIsRecorded() throws Exception {
        // a QHL pathway already on the list, then a QJK service manager's file that would stop its clock and add a QHL waiter
        String theirs = id();
        run(HEADER + row(theirs, "2024-10-01"), ImportMode.ALL_OR_NOTHING);
        String added = id();
        String csv = HEADER
                + row(theirs, "9434765919", "2024-10-01", "2025-01-20", "FIRST_TREATMENT", "1").replace(",QHL,", ",QJK,")
                + row(added, "2023-01-01");
        String qjkOrganisation = jdbc.queryForObject("select organisation_code from staff_user where username = 'manager.qjk'", String.class);
        List<ImportProblem> rejects = new ArrayList<>();
        ImportSummary summary = importer.run(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), ImportMode.QUARANTINE, false,
                rejects::add, bytes -> { }, WaitingListImport.Importer.staff("manager.qjk", qjkOrganisation, java.util.Set.of("QJK")));
        assertThat(rejects).extracting(ImportProblem::line, ImportProblem::column).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(2L, WlmdsColumns.PATHWAY_ID), org.assertj.core.groups.Tuple.tuple(3L, WlmdsColumns.COMMISSIONER));
        assertThat(pathways.find(new PathwayKey(theirs, "RZA")).orElseThrow().isWaitingOn(LocalDate.of(2025, 3, 1)))
                .as("the other ICB's clock still runs").isTrue();
        assertThat(pathwaysWith(added)).isZero();
        assertThat(summary.rejected()).isEqualTo(2);

        var recorded = jdbc.queryForMap("select imported_by, organisation, all_icbs, file_sha256, rows_read, rejected from waiting_list_import "
                + "order by started_at desc fetch first 1 rows only");
        assertThat(recorded.get("imported_by")).isEqualTo("manager.qjk");
        assertThat(recorded.get("all_icbs")).isEqualTo(false);
        assertThat(recorded.get("file_sha256")).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(csv.getBytes(StandardCharsets.UTF_8))));
        assertThat(((Number) recorded.get("rejected")).intValue()).isEqualTo(2);
        UUID lastImport = jdbc.queryForObject("select last_import from pathway where pathway_identifier = ?", UUID.class, theirs);
        assertThat(jdbc.queryForObject("select imported_by from waiting_list_import where id = ?", String.class, lastImport))
                .as("each pathway is traceable to the import that last wrote it").isEqualTo("unnamed");
        assertThat(jdbc.queryForObject("select count(*) from clock_event e join pathway p on p.id = e.pathway_id "
                + "where p.pathway_identifier = ? and e.import_id = ?", Integer.class, theirs, lastImport)).isPositive();
    }

    @Test
    void anIdentifierThatWouldRunAsASpreadsheetFormulaIsRefusedByLineAndColumn() {
        List<ImportProblem> rejects = new ArrayList<>();
        String csv = HEADER + row("=HYPERLINK(\"\"x\"\")", "2024-10-01").replace("=HYPERLINK(\"\"x\"\")", "\"=HYPERLINK(\"\"x\"\")\"")
                + row("@SUM(1)", "2024-10-01");
        ImportSummary summary = run(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), ImportMode.QUARANTINE, rejects);
        assertThat(rejects).extracting(ImportProblem::line, ImportProblem::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, WlmdsColumns.PATHWAY_ID), org.assertj.core.groups.Tuple.tuple(3L, WlmdsColumns.PATHWAY_ID));
        assertThat(summary.created()).isZero();
    }

    @Test
    void aValidFileCreatesPathwaysAndTheSameFileAgainChangesNothing() {
        String a = id();
        String b = id();
        String csv = HEADER + row(a, "2024-10-01") + row(b, "9434765919", "2024-06-01", "2024-11-15", "FIRST_TREATMENT", "2");
        ImportSummary first = run(csv, ImportMode.ALL_OR_NOTHING);
        assertThat(first.committed()).isTrue();
        assertThat(first.created()).isEqualTo(2);
        ImportSummary second = run(csv, ImportMode.ALL_OR_NOTHING);
        assertThat(second.created()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.unchanged()).isEqualTo(2);
        assertThat(pathways.find(new PathwayKey(b, "RZA")).orElseThrow().events()).hasSize(2);
    }

    @Test
    void aLaterFileStopsClocksAndRecordsPriorityChangesAsEvents() {
        String a = id();
        run(HEADER + row(a, "2024-10-01"), ImportMode.ALL_OR_NOTHING);
        ImportSummary later = run(HEADER + row(a, "9434765919", "2024-10-01", "2025-01-20", "FIRST_TREATMENT", "2"),
                ImportMode.ALL_OR_NOTHING);
        assertThat(later.updated()).isEqualTo(1);
        Pathway pathway = pathways.find(new PathwayKey(a, "RZA")).orElseThrow();
        assertThat(pathway.events()).extracting(ClockEvent::type)
                .containsExactly(ClockEvent.Type.START, ClockEvent.Type.STOP, ClockEvent.Type.PRIORITY_CHANGE);
        assertThat(pathway.isWaitingOn(LocalDate.of(2025, 1, 19))).isTrue();
        assertThat(pathway.isWaitingOn(LocalDate.of(2025, 1, 20))).isFalse();
    }

    @Test
    void oneBadRowMeansNothingIsWrittenAndEveryErrorNamesLineAndColumn() {
        String good = id();
        String bad = id();
        ImportSummary summary = run(HEADER + row(good, "2024-10-01")
                + row(bad, "9434765918", "2024-10-01", "2024-09-01", "FIRST_TREATMENT", "7"), ImportMode.ALL_OR_NOTHING);
        assertThat(summary.committed()).isFalse();
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(summary.problems()).extracting(ImportProblem::line).containsOnly(3L);
        assertThat(summary.problems()).extracting(ImportProblem::column)
                .contains("NHS_NUMBER", "RTT_PERIOD_END_DATE", "PRIORITY_TYPE_CODE");
        assertThat(pathwaysWith(good)).isZero();
    }

    @Test
    void quarantineWritesTheGoodRowsAndReportsTheRest() {
        String good = id();
        String bad = id();
        List<ImportProblem> rejects = new ArrayList<>();
        ImportSummary summary = run(new ByteArrayInputStream((HEADER + row(good, "2024-10-01")
                + row(bad, "9434765919", "2999-01-01", "", "", "1")).getBytes(StandardCharsets.UTF_8)), ImportMode.QUARANTINE, rejects);
        assertThat(summary.committed()).isTrue();
        assertThat(summary.created()).isEqualTo(1);
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(rejects).extracting(ImportProblem::line).containsOnly(3L);
        assertThat(rejects).extracting(ImportProblem::column).contains("RTT_PERIOD_START_DATE");
        assertThat(pathwaysWith(good)).isEqualTo(1);
        assertThat(pathwaysWith(bad)).isZero();
    }

    @Test
    void eachBadValueIsRefusedWithItsColumn() {
        record Case(String columnExpected, String csvRow) {}
        String base = String.join(",", "%s", "RZA", "9434765919", "1970-01-01", "2024-10-01", "GP", "2024-10-01", "", "", "ORTT",
                "650", "1", "RZA", "QHL", "");
        List<Case> cases = List.of(
                new Case("NHS_NUMBER", base.replace("9434765919", "1234567890")),
                new Case("RTT_PERIOD_START_DATE", base.replace(",2024-10-01,,", ",2024-02-30,,")),
                new Case("RTT_PERIOD_END_REASON", base.replace(",2024-10-01,,,", ",2024-10-01,2024-11-01,SEEN,")),
                new Case("RTT_PERIOD_END_REASON", base.replace(",2024-10-01,,,", ",2024-10-01,,DISCHARGED,")),
                new Case("RTT_PERIOD_END_REASON", base.replace(",2024-10-01,,,", ",2024-10-01,2024-11-01,,")),
                new Case("ACTIVITY_TREATMENT_FUNCTION_CODE", base.replace(",650,", ",65,")),
                new Case("PRIORITY_TYPE_CODE", base.replace(",650,1,", ",650,4,")),
                new Case("ORGANISATION_CODE_COMMISSIONER", base.replace(",QHL,", ",QZZ,")),
                new Case("ORGANISATION_CODE_PROVIDER", base.replace(",RZA,QHL", ",XYZ,QHL")),
                new Case("SOURCE_OF_REFERRAL", base.replace(",GP,", ",PIGEON,")));
        for (Case c : cases) {
            ImportSummary summary = run(HEADER + c.csvRow().formatted(id()) + "\n", ImportMode.ALL_OR_NOTHING);
            assertThat(summary.committed()).as(c.csvRow()).isFalse();
            assertThat(summary.problems()).as(c.csvRow()).extracting(ImportProblem::column).contains(c.columnExpected());
            assertThat(summary.problems()).as(c.csvRow()).extracting(ImportProblem::line).containsOnly(2L);
        }
    }

    @Test
    void aDuplicateKeyInTheFileAndAChangedNhsNumberAreRefused() {
        String a = id();
        ImportSummary duplicate = run(HEADER + row(a, "2024-10-01") + row(a, "2024-10-01"), ImportMode.ALL_OR_NOTHING);
        assertThat(duplicate.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("more than once");
        });
        run(HEADER + row(a, "2024-10-01"), ImportMode.ALL_OR_NOTHING);
        ImportSummary moved = run(HEADER + row(a, "9990000018", "2024-10-01", "", "", "1"), ImportMode.ALL_OR_NOTHING);
        assertThat(moved.problems()).singleElement().satisfies(p -> assertThat(p.column()).isEqualTo("NHS_NUMBER"));
    }

    @Test
    void fileLevelProblemsAreReportedAndNothingIsWritten() {
        assertThat(run("", ImportMode.ALL_OR_NOTHING).problems().get(0).message()).contains("empty");
        assertThat(run("a,b,c\n1,2,3\n", ImportMode.ALL_OR_NOTHING).problems().get(0).message()).contains("header row");
        assertThat(run(HEADER.replace("PRIORITY_TYPE_CODE,", "") + "x\n", ImportMode.ALL_OR_NOTHING).problems().get(0).message())
                .contains("missing required column(s): PRIORITY_TYPE_CODE");
        assertThat(run(HEADER.replace(',', ';'), ImportMode.ALL_OR_NOTHING).problems().get(0).message()).contains("semicolons");
        String a = id();
        ImportSummary badQuote = run(HEADER + row(a, "2024-10-01").replace("ORTT", "\"OR\"TT"), ImportMode.ALL_OR_NOTHING);
        assertThat(badQuote.committed()).isFalse();
        assertThat(badQuote.problems().get(0).message()).contains("not valid CSV");
        assertThat(pathwaysWith(a)).isZero();
    }

    @Test
    void bytesThatAreNotUtf8AreReportedWithTheirLine() {
        byte[] csv = (HEADER + row(id(), "2024-10-01")).getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[csv.length + 2];
        System.arraycopy(csv, 0, broken, 0, csv.length);
        broken[csv.length] = (byte) 0xC3;
        broken[csv.length + 1] = (byte) 0x28;
        ImportSummary summary = run(new ByteArrayInputStream(broken), ImportMode.QUARANTINE, new ArrayList<>());
        assertThat(summary.committed()).isFalse();
        assertThat(summary.problems().get(0).message()).contains("Line 3").contains("not UTF-8");
    }

    @Test
    void aTruncatedLastLineIsRefusedAndABomIsAccepted() {
        String a = id();
        String truncated = row(a, "2024-10-01");
        ImportSummary summary = run("\uFEFF" + HEADER + row(id(), "2024-10-01") + truncated.substring(0, truncated.length() / 2),
                ImportMode.ALL_OR_NOTHING);
        assertThat(summary.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("values; the header has 15");
        });
    }

    @Test
    void aHundredMegabyteLineIsStoppedWithoutReadingItAll() {
        InputStream huge = new InputStream() {
            final byte[] head = HEADER.getBytes(StandardCharsets.UTF_8);
            long position;

            @Override
            public int read() {
                long p = position++;
                if (p < head.length) {
                    return head[(int) p];
                }
                return p < head.length + 100L * 1024 * 1024 ? 'x' : -1;
            }
        };
        ImportSummary summary = run(huge, ImportMode.ALL_OR_NOTHING, new ArrayList<>());
        assertThat(summary.committed()).isFalse();
        assertThat(summary.problems().get(0).message()).contains("Line 2 is longer than");
    }

    @Test
    void anUnknownExtraColumnIsIgnoredWithAWarning() {
        String a = id();
        ImportSummary summary = run(HEADER.replace("\n", ",LOCAL_NOTES\n") + row(a, "2024-10-01").replace("\n", ",hello\n"),
                ImportMode.ALL_OR_NOTHING);
        assertThat(summary.committed()).isTrue();
        assertThat(summary.warnings()).singleElement().asString().contains("LOCAL_NOTES");
    }

    /**
     * The file is read on its own thread a few chunks ahead of the writes: a file of several chunks
     * still finds a duplicate chunks apart and a bad row in a late chunk at their own lines, writes
     * nothing of it in all-or-nothing mode and everything else in quarantine mode.
     */
    @Test
    void aFileOfManyChunksFindsProblemsChunksApartAtTheirLines() {
        String prefix = id();
        int rows = 3 * WaitingListImport.CHUNK + 7;
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < rows; i++) {
            if (i == rows - 1) {
                csv.append(row(prefix + "-1", "2024-10-01"));
            } else if (i == 2 * WaitingListImport.CHUNK + 3) {
                csv.append(row(prefix + "-" + i, "2024-13-01"));
            } else {
                csv.append(row(prefix + "-" + i, "2024-10-01"));
            }
        }
        long duplicateLine = rows + 1L;
        long badDateLine = 2L * WaitingListImport.CHUNK + 3 + 2;

        ImportSummary refused = run(csv.toString(), ImportMode.ALL_OR_NOTHING);
        assertThat(refused.committed()).isFalse();
        assertThat(refused.rowsRead()).isEqualTo(rows);
        assertThat(refused.rejected()).isEqualTo(2);
        assertThat(refused.problems()).extracting(ImportProblem::line).containsOnly(duplicateLine, badDateLine);
        assertThat(jdbc.queryForObject("select count(*) from pathway where pathway_identifier like ?", Integer.class, prefix + "-%"))
                .isZero();

        List<ImportProblem> rejects = new ArrayList<>();
        ImportSummary quarantined = run(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                ImportMode.QUARANTINE, rejects);
        assertThat(quarantined.committed()).isTrue();
        assertThat(quarantined.created()).isEqualTo(rows - 2);
        assertThat(rejects).extracting(ImportProblem::line).containsOnly(duplicateLine, badDateLine);
        assertThat(jdbc.queryForObject("select count(*) from pathway where pathway_identifier like ?", Integer.class, prefix + "-%"))
                .isEqualTo(rows - 2);
    }

    @Test
    void aFailureWhileWritingEndsTheImportWithNothingWritten() {
        String a = id();
        String csv = HEADER + row(a, "2024-13-01") + row(id(), "2024-10-01");
        ImportSummary summary = importer.run(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), ImportMode.QUARANTINE,
                false, problem -> {
                    throw new java.io.UncheckedIOException(new java.io.IOException("The disk for the rejects file is full"));
                }, bytes -> { });
        assertThat(summary.committed()).isFalse();
        assertThat(summary.problems()).first().satisfies(p -> assertThat(p.message()).contains("disk for the rejects file is full"));
        assertThat(pathwaysWith(a)).isZero();
    }
}

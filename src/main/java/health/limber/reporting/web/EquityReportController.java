package health.limber.reporting.web;

import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.platform.CsvCells;
import health.limber.reporting.internal.CohortReports;
import health.limber.reporting.internal.EquityReport;
import health.limber.reporting.internal.EquityReports;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The equity report: the cohort report's measures by age band, sex, ethnic group, deprivation and language, as a page and CSV. */
@Controller
class EquityReportController {

    private final CohortReports cohorts;
    private final EquityReports equity;
    private final CurrentActor currentActor;

    EquityReportController(CohortReports cohorts, EquityReports equity, CurrentActor currentActor) {
        this.cohorts = cohorts;
        this.equity = equity;
        this.currentActor = currentActor;
    }

    @GetMapping("/reports/cohorts/{code}/equity")
    String cohort(@PathVariable String code, Model model) {
        return page(equity.report(cohorts.cohortScope(code)), model, "/reports/cohorts/" + code + "/equity", "");
    }

    @GetMapping("/reports/equity")
    String areas(@RequestParam(name = "icb", required = false) List<String> icbs, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, Model model) {
        var scope = cohorts.areasScope(icbs, CohortReportController.date(from, "from"), CohortReportController.date(to, "to"));
        var query = org.springframework.web.util.UriComponentsBuilder.newInstance();
        scope.icbs().forEach(icb -> query.queryParam("icb", icb));
        query.queryParam("from", scope.from()).queryParam("to", scope.to());
        return page(equity.report(scope), model, "/reports/equity", query.build().toUriString());
    }

    @GetMapping("/reports/cohorts/{code}/equity.csv")
    void cohortCsv(@PathVariable String code, HttpServletResponse response) throws IOException {
        csv(equity.report(cohorts.cohortScope(code)), response);
    }

    @GetMapping("/reports/equity.csv")
    void areasCsv(@RequestParam(name = "icb", required = false) List<String> icbs, @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
        csv(equity.report(cohorts.areasScope(icbs, CohortReportController.date(from, "from"), CohortReportController.date(to, "to"))), response);
    }

    private boolean suppressed() {
        return currentActor.get().role() == Role.ANALYST;
    }

    private String page(EquityReport report, Model model, String path, String query) {
        model.addAttribute("report", report);
        model.addAttribute("scope", report.scope());
        var splits = report.published(suppressed());
        model.addAttribute("splits", splits);
        // usefulness columns only when someone answered in the period: zeros would read as a fact
        boolean useful = !splits.isEmpty() && (!"0".equals(splits.get(0).rows().get(splits.get(0).rows().size() - 1).get("patients_answered"))
                || !"0".equals(splits.get(0).rows().get(splits.get(0).rows().size() - 1).get("patients_rated_change")));
        model.addAttribute("usefulnessCollected", useful);
        model.addAttribute("columns", useful ? EquityReport.COLUMNS : EquityReport.COLUMNS.subList(0, EquityReport.COLUMNS.indexOf("patients_answered")));
        model.addAttribute("labels", EquityReport.LABELS);
        model.addAttribute("suppressed", suppressed());
        model.addAttribute("csv", path + ".csv" + query);
        model.addAttribute("back", report.scope().cohortCode() == null ? "/reports/cohort" + query : "/reports/cohorts/" + report.scope().cohortCode());
        return "reporting/equity";
    }

    private void csv(EquityReport report, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"equity-" + report.scope().from() + "-" + report.scope().to() + ".csv\"");
        PrintWriter out = response.getWriter();
        CsvRows.equity(report, suppressed()).forEach(row -> out.println(CsvCells.line(row)));
    }

    /** The equity report's rows: split, group, then every column. */
    static final class CsvRows {
        private CsvRows() {}

        static List<List<String>> equity(EquityReport report, boolean suppressed) {
            List<List<String>> rows = new ArrayList<>();
            List<String> header = new ArrayList<>(List.of("split", "group"));
            header.addAll(EquityReport.COLUMNS);
            rows.add(header);
            for (var split : report.published(suppressed)) {
                for (var row : split.rows()) {
                    List<String> line = new ArrayList<>(List.of(split.id(), row.name()));
                    EquityReport.COLUMNS.forEach(c -> line.add(row.get(c)));
                    rows.add(line);
                }
            }
            return rows;
        }
    }
}

package health.limber.outcome.web;

import health.limber.identity.CurrentActor;
import health.limber.organisation.Organisations;
import health.limber.outcome.TimePoint;
import health.limber.outcome.internal.OutcomeReports;
import health.limber.platform.CsvCells;
import health.limber.platform.InvalidInputException;
import health.limber.platform.PdfDocuments;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The outcome report: a page with a chart, CSV, PDF and the API, all from one {@link OutcomeReports.Report}. */
@Controller
class OutcomeReportController {

    private final OutcomeReports reports;
    private final OutcomeReportTables tables;
    private final Organisations organisations;
    private final CurrentActor currentActor;
    private final PdfDocuments pdfs;
    private final JsonMapper json = JsonMapper.builder().build();

    OutcomeReportController(OutcomeReports reports, OutcomeReportTables tables, Organisations organisations, CurrentActor currentActor,
                            PdfDocuments pdfs) {
        this.reports = reports;
        this.tables = tables;
        this.organisations = organisations;
        this.currentActor = currentActor;
        this.pdfs = pdfs;
    }

    @GetMapping("/outcomes")
    String page(@RequestParam(required = false) String icb, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String kind, Model model) {
        model.addAttribute("icbs", organisations.icbs().stream().filter(i -> currentActor.get().servedIcbs().contains(i.code())).toList());
        model.addAttribute("kinds", OutcomeReportTables.KINDS);
        model.addAttribute("icb", icb);
        model.addAttribute("kind", kind);
        OutcomeReports.Report report;
        try {
            report = reports.report(tables.filter(icb, from, to, kind));
        } catch (InvalidInputException e) {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("problemField", e.field());
            model.addAttribute("from", from);
            model.addAttribute("to", to);
            return "outcome/report";
        }
        OutcomeReportTables.Tables shown = tables.of(report);
        model.addAttribute("from", report.filter().from());
        model.addAttribute("to", report.filter().to());
        model.addAttribute("tables", shown);
        model.addAttribute("returnsHead", OutcomeReportTables.RETURNS);
        model.addAttribute("pairedHead", OutcomeReportTables.PAIRED);
        model.addAttribute("workHead", OutcomeReportTables.WORK);
        List<String> labels = new ArrayList<>();
        List<Double> withReminders = new ArrayList<>();
        List<Double> without = new ArrayList<>();
        for (TimePoint point : TimePoint.values()) {
            report.returns().stream().filter(r -> r.icb().equals("TOTAL") && r.point() == point).findFirst().ifPresent(r -> {
                labels.add(point.label());
                withReminders.add(chartRate(r.returnedReminded(), r.dueReminded(), shown.suppressed()));
                without.add(chartRate(r.returnedNotReminded(), r.dueNotReminded(), shown.suppressed()));
            });
        }
        model.addAttribute("chartLabels", json.writeValueAsString(labels));
        model.addAttribute("chartSeries", json.writeValueAsString(List.of(Map.of("label", "Returned, with reminders (%)", "data", withReminders),
                Map.of("label", "Returned, without reminders (%)", "data", without))));
        model.addAttribute("query", query(icb, report.filter()));
        return "outcome/report";
    }

    private static Double chartRate(long part, long whole, boolean suppressed) {
        String rate = OutcomeReportTables.rate(part, whole, suppressed);
        return rate.isEmpty() || rate.equals("*") ? null : Double.valueOf(rate);
    }

    private static String query(String icb, OutcomeReports.Filter filter) {
        return "from=" + filter.from() + "&to=" + filter.to() + (icb == null || icb.isBlank() ? "" : "&icb=" + icb)
                + (filter.kindOfCare() == null ? "" : "&kind=" + filter.kindOfCare());
    }

    @GetMapping("/outcomes/report.csv")
    void csv(@RequestParam(required = false) String icb, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
             @RequestParam(required = false) String kind, HttpServletResponse response) throws IOException {
        OutcomeReports.Report report = reports.report(tables.filter(icb, from, to, kind));
        OutcomeReportTables.Tables shown = tables.of(report);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"outcomes-" + report.filter().from() + "-" + report.filter().to() + ".csv\"");
        PrintWriter out = response.getWriter();
        section(out, "returns", OutcomeReportTables.RETURNS, shown.returns());
        section(out, "paired_change", OutcomeReportTables.PAIRED, shown.paired());
        section(out, "work", OutcomeReportTables.WORK, shown.work());
    }

    private static void section(PrintWriter out, String name, List<String> head, List<List<String>> rows) {
        List<String> header = new ArrayList<>(List.of("section"));
        header.addAll(head);
        out.println(CsvCells.line(header));
        for (List<String> row : rows) {
            List<String> line = new ArrayList<>(List.of(name));
            line.addAll(row);
            out.println(CsvCells.line(line));
        }
    }

    @GetMapping("/outcomes/report.pdf")
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) String icb, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to, @RequestParam(required = false) String kind, HttpServletRequest request) {
        OutcomeReports.Report report = reports.report(tables.filter(icb, from, to, kind));
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("from", report.filter().from());
        variables.put("to", report.filter().to());
        variables.put("tables", tables.of(report));
        variables.put("returnsHead", OutcomeReportTables.RETURNS);
        variables.put("pairedHead", OutcomeReportTables.PAIRED);
        variables.put("workHead", OutcomeReportTables.WORK);
        byte[] pdf = pdfs.render("outcome/report-pdf", variables, request.getRequestURL().toString());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"outcomes-" + report.filter().from() + "-" + report.filter().to() + ".pdf\"")
                .body(pdf);
    }

}

package health.limber.support.web;

import health.limber.identity.CurrentActor;
import health.limber.organisation.Organisations;
import health.limber.platform.CsvCells;
import health.limber.platform.InvalidInputException;
import health.limber.platform.PdfDocuments;
import health.limber.support.internal.SupportReports;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The work outcomes report: page, CSV, PDF and API from one {@link SupportReports.Report}, as the
 * reader may see it (analysts: small numbers suppressed, no median over fewer than 8 people).
 */
@Controller
class SupportReportController {

    static final List<String> HEAD = SupportReportTables.HEAD;

    private final SupportReports reports;
    private final SupportReportTables tables;
    private final Organisations organisations;
    private final CurrentActor currentActor;
    private final PdfDocuments pdfs;

    SupportReportController(SupportReports reports, SupportReportTables tables, Organisations organisations, CurrentActor currentActor,
                            PdfDocuments pdfs) {
        this.reports = reports;
        this.tables = tables;
        this.organisations = organisations;
        this.currentActor = currentActor;
        this.pdfs = pdfs;
    }

    @GetMapping("/support/report")
    String page(@RequestParam(required = false) String icb, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String kind, @RequestParam(required = false) String by, Model model) {
        model.addAttribute("icbs", organisations.icbs().stream().filter(i -> currentActor.get().servedIcbs().contains(i.code())).toList());
        model.addAttribute("kinds", SupportReportTables.KINDS);
        model.addAttribute("icb", icb);
        model.addAttribute("kind", kind);
        model.addAttribute("by", by);
        model.addAttribute("head", HEAD);
        try {
            SupportReports.Report report = reports.report(tables.filter(icb, from, to, kind, by));
            model.addAttribute("rows", tables.rows(report));
            model.addAttribute("from", report.filter().from());
            model.addAttribute("to", report.filter().to());
            model.addAttribute("query", "from=" + report.filter().from() + "&to=" + report.filter().to()
                    + (icb == null || icb.isBlank() ? "" : "&icb=" + icb) + (kind == null || kind.isBlank() ? "" : "&kind=" + kind)
                    + (report.filter().byHub() ? "&by=hub" : ""));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
            model.addAttribute("rows", List.of());
            model.addAttribute("from", from);
            model.addAttribute("to", to);
        }
        model.addAttribute("suppressed", tables.suppressed());
        return "support/report";
    }

    @GetMapping("/support/report.csv")
    void csv(@RequestParam(required = false) String icb, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
             @RequestParam(required = false) String kind, @RequestParam(required = false) String by, HttpServletResponse response) throws IOException {
        SupportReports.Report report = reports.report(tables.filter(icb, from, to, kind, by));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"work-outcomes-" + report.filter().from() + "-" + report.filter().to() + ".csv\"");
        PrintWriter out = response.getWriter();
        out.println(CsvCells.line(HEAD));
        tables.rows(report).forEach(row -> out.println(CsvCells.line(row)));
    }

    @GetMapping("/support/report.pdf")
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) String icb, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to, @RequestParam(required = false) String kind, @RequestParam(required = false) String by, HttpServletRequest request) {
        SupportReports.Report report = reports.report(tables.filter(icb, from, to, kind, by));
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("from", report.filter().from());
        variables.put("to", report.filter().to());
        variables.put("head", HEAD);
        variables.put("rows", tables.rows(report));
        variables.put("suppressed", tables.suppressed());
        byte[] pdf = pdfs.render("support/report-pdf", variables, request.getRequestURL().toString());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"work-outcomes-" + report.filter().from() + "-" + report.filter().to() + ".pdf\"")
                .body(pdf);
    }

}

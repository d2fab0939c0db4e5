package health.limber.reporting.web;

import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.organisation.Cohorts;
import health.limber.organisation.Organisations;
import health.limber.platform.CsvCells;
import health.limber.platform.InvalidFieldsException;
import health.limber.platform.InvalidInputException;
import health.limber.reporting.internal.BoardPaper;
import health.limber.reporting.internal.CohortCsv;
import health.limber.reporting.internal.CohortReport;
import health.limber.reporting.internal.CohortReports;
import health.limber.reporting.internal.Published;
import health.limber.waitinglist.SeenQuicker;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cohort report for service managers and analysts: choose a cohort (or areas and a period), then
 * the page with charts, the CSV and the board paper, each from one {@link Published}. Analysts see
 * published figures (small numbers withheld), as on every report.
 */
@Controller
class CohortReportController {

    private final CohortReports reports;
    private final Cohorts cohorts;
    private final Organisations organisations;
    private final CurrentActor currentActor;
    private final BoardPaper boardPaper;
    private final JsonMapper json = JsonMapper.builder().build();

    CohortReportController(CohortReports reports, Cohorts cohorts, Organisations organisations, CurrentActor currentActor, BoardPaper boardPaper) {
        this.reports = reports;
        this.cohorts = cohorts;
        this.organisations = organisations;
        this.currentActor = currentActor;
        this.boardPaper = boardPaper;
    }

    @GetMapping("/reports/cohorts")
    String choose(Model model) {
        return choosePage(model, Map.of(), List.of(), null, null);
    }

    private String choosePage(Model model, Map<String, String> errors, List<String> chosen, String from, String to) {
        model.addAttribute("cohorts", cohorts.all());
        model.addAttribute("icbs", organisations.icbs().stream().filter(i -> currentActor.get().serves(i.code())).toList());
        model.addAttribute("chosen", chosen);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("errors", errors);
        return "reporting/cohorts";
    }

    @GetMapping("/reports/cohorts/{code}")
    String cohort(@PathVariable String code, Model model) {
        return page(published(reports.forCohort(code)), model, "/reports/cohorts/" + code, Map.of());
    }

    @GetMapping("/reports/cohort")
    String areas(@RequestParam(name = "icb", required = false) List<String> icbs, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, Model model) {
        List<String> chosen = icbs == null ? List.of() : icbs;
        try {
            CohortReport report = reports.forAreas(chosen, date(from, "from"), date(to, "to"));
            return page(published(report), model, "/reports/cohort", Map.of("icb", chosen, "from", from, "to", to));
        } catch (InvalidFieldsException e) {
            return choosePage(model, e.errors(), chosen, from, to);
        } catch (InvalidInputException e) {
            return choosePage(model, Map.of(e.field(), e.getMessage()), chosen, from, to);
        }
    }

    @GetMapping("/reports/cohorts/{code}.csv")
    void cohortCsv(@PathVariable String code, HttpServletResponse response) throws IOException {
        csv(published(reports.forCohort(code)), response);
    }

    @GetMapping("/reports/cohort.csv")
    void areasCsv(@RequestParam(name = "icb", required = false) List<String> icbs, @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
        csv(published(reports.forAreas(icbs, date(from, "from"), date(to, "to"))), response);
    }

    @GetMapping("/reports/cohorts/{code}.pdf")
    ResponseEntity<byte[]> cohortPdf(@PathVariable String code) {
        return pdf(published(reports.forCohort(code)));
    }

    @GetMapping("/reports/cohort.pdf")
    ResponseEntity<byte[]> areasPdf(@RequestParam(name = "icb", required = false) List<String> icbs, @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to) {
        return pdf(published(reports.forAreas(icbs, date(from, "from"), date(to, "to"))));
    }

    private Published published(CohortReport report) {
        return Published.of(report, currentActor.get().role() == Role.ANALYST);
    }

    private String page(Published published, Model model, String path, Map<String, Object> query) {
        model.addAttribute("published", published);
        model.addAttribute("report", published.report());
        model.addAttribute("total", published.total());
        model.addAttribute("sections", Published.Section.values());
        model.addAttribute("method", SeenQuicker.METHOD);
        model.addAttribute("path", path);
        model.addAttribute("query", queryString(query));
        model.addAttribute("equity", (path.equals("/reports/cohort") ? "/reports/equity" : path + "/equity") + queryString(query));
        List<String> names = published.areas().stream().map(Published.Row::name).toList();
        model.addAttribute("chartLabels", json.writeValueAsString(names));
        model.addAttribute("waitChart", json.writeValueAsString(List.of(series("18+ weeks on " + published.report().from(), published, "w18_start"),
                series("18+ weeks on " + published.report().to(), published, "w18_end"))));
        model.addAttribute("seenChart", json.writeValueAsString(List.of(series("People seen", published, "seen"),
                series("Seen quicker", published, "seen_quicker"))));
        return "reporting/cohort";
    }

    /** A chart series from the figures as shown: a withheld figure has no bar (the table beside it says *). */
    private static Map<String, Object> series(String label, Published published, String column) {
        List<Long> data = new ArrayList<>();
        published.areas().forEach(row -> data.add(row.get(column).matches("[0-9]+") ? Long.parseLong(row.get(column)) : null));
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("label", label);
        series.put("data", data);
        return series;
    }

    private static String queryString(Map<String, Object> query) {
        var builder = org.springframework.web.util.UriComponentsBuilder.newInstance();
        query.forEach((name, value) -> {
            if (value instanceof List<?> list) {
                list.forEach(v -> builder.queryParam(name, v));
            } else if (value != null) {
                builder.queryParam(name, value);
            }
        });
        return builder.encode().build().toUriString();
    }

    private static void csv(Published published, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName(published) + ".csv\"");
        PrintWriter out = response.getWriter();
        CohortCsv.table(published).forEach(row -> out.println(CsvCells.line(row)));
    }

    private ResponseEntity<byte[]> pdf(Published published) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"" + fileName(published) + ".pdf\"").body(boardPaper.render(published));
    }

    private static String fileName(Published published) {
        CohortReport report = published.report();
        return (report.cohortCode() == null ? "areas" : report.cohortCode().toLowerCase(java.util.Locale.ROOT)) + "-" + report.from() + "-" + report.to();
    }

    /** A date typed in the form or query; a wrong one is an error naming the field. */
    static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "Enter a real date as yyyy-mm-dd");
        }
    }
}

package health.limber.waitinglist.web;

import health.limber.identity.CurrentActor;
import health.limber.platform.CsvCells;
import health.limber.platform.PdfDocuments;
import health.limber.waitinglist.internal.Census;
import health.limber.waitinglist.internal.Comparison;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The change in 18+ week waiters between two dates by ICB, as a page with a chart, a PDF and CSV;
 * every form shows the one {@link Comparison} (published figures for analysts).
 */
@Controller
class ComparisonController {

    private final Census census;
    private final PublishedFigures figures;
    private final CurrentActor currentActor;
    private final PdfDocuments pdfs;

    ComparisonController(Census census, PublishedFigures figures, CurrentActor currentActor, PdfDocuments pdfs) {
        this.census = census;
        this.figures = figures;
        this.currentActor = currentActor;
        this.pdfs = pdfs;
    }

    @GetMapping("/waiting-list/compare")
    String compare(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        LocalDate start = PublishedFigures.date(from, "from", model).orElse(LocalDate.of(2024, 12, 1));
        LocalDate end = PublishedFigures.date(to, "to", model).orElse(LocalDate.of(2025, 3, 31));
        Comparison comparison = comparison(start, end);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("table", table(comparison));
        model.addAttribute("suppressed", figures.suppressed());
        model.addAttribute("chartLabels", figures.json(comparison.lines().stream().map(line -> figures.icbName(line.icb())).toList()));
        model.addAttribute("chartSeries", figures.json(List.of(
                figures.series("18+ weeks on " + start, comparison.lines().stream().map(Comparison.Line::atStart).toList()),
                figures.series("18+ weeks on " + end, comparison.lines().stream().map(Comparison.Line::atEnd).toList()))));
        return "waitinglist/compare";
    }

    /** The comparison as a PDF: the page's table (small numbers suppressed for analysts). */
    @GetMapping("/waiting-list/compare.pdf")
    ResponseEntity<byte[]> comparePdf(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, HttpServletRequest request) {
        byte[] pdf = pdfs.render("waitinglist/compare-pdf", Map.of("from", from, "to", to, "table", table(comparison(from, to)),
                "suppressed", figures.suppressed()), request.getRequestURL().toString());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"compare-" + from + "-" + to + ".pdf\"").body(pdf);
    }

    /** The comparison as CSV, in the columns of {@code ./limber report compare --format csv}, with a TOTAL row. */
    @GetMapping("/waiting-list/compare.csv")
    void compareCsv(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"compare-" + from + "-" + to + ".csv\"");
        PrintWriter out = response.getWriter();
        out.println("commissioner,waiting_18_plus_from,waiting_18_plus_to,change,pct_change");
        for (Comparison.Shown line : comparison(from, to).shown(figures.suppressed())) {
            out.println(CsvCells.line(List.of(line.icb(), line.atStart(), line.atEnd(), line.change() == null ? "" : Long.toString(line.change()),
                    line.percentChange() == null ? "" : line.percentChange().toPlainString())));
        }
    }

    /** The ICBs the reader may see, compared. */
    private Comparison comparison(LocalDate start, LocalDate end) {
        return census.compare(start, end, currentActor.get().servedIcbs());
    }

    /** The page's and the PDF's lines: ICB name, both counts, the change in words, the percentage; then the total. */
    private List<List<String>> table(Comparison comparison) {
        List<List<String>> table = new ArrayList<>();
        for (Comparison.Shown line : comparison.shown(figures.suppressed())) {
            String change = line.change() == null ? "Not shown (small numbers)" : line.change() == 0 ? "No change"
                    : Math.abs(line.change()) + (line.change() < 0 ? " fewer" : " more");
            table.add(List.of(line.icb().equals("TOTAL") ? "Total" : figures.icbName(line.icb()), line.atStart(), line.atEnd(), change,
                    line.percentChange() == null ? "" : line.percentChange().toPlainString()));
        }
        return table;
    }
}

package health.limber.waitinglist.web;

import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.organisation.Icb;
import health.limber.organisation.Organisations;
import health.limber.platform.CsvCells;
import health.limber.platform.LimberTime;
import health.limber.platform.PdfDocuments;
import health.limber.waitinglist.internal.Bands;
import health.limber.waitinglist.internal.CapacityFormulas;
import health.limber.waitinglist.internal.Census;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The census on any date (page with chart, PDF, CSV: the same rows each way) and the capacity
 * forecast from the last 12 weeks' flow.
 */
@Controller
class CensusController {

    private final Census census;
    private final PublishedFigures figures;
    private final Organisations organisations;
    private final CurrentActor currentActor;
    private final PdfDocuments pdfs;
    private final Clock clock;

    CensusController(Census census, PublishedFigures figures, Organisations organisations, CurrentActor currentActor, PdfDocuments pdfs,
                     Clock clock) {
        this.census = census;
        this.figures = figures;
        this.organisations = organisations;
        this.currentActor = currentActor;
        this.pdfs = pdfs;
        this.clock = clock;
    }

    @GetMapping("/waiting-list")
    String census(@RequestParam(required = false) String date,
                  @RequestParam(defaultValue = "COMMISSIONER") Census.GroupBy by, Model model) {
        LocalDate on = PublishedFigures.date(date, "date", model).orElse(LimberTime.today(clock));
        Map<String, Bands> rows = census.on(on, by, currentActor.get().servedIcbs());
        model.addAttribute("date", on);
        model.addAttribute("by", by);
        model.addAttribute("groupings", Census.GroupBy.values());
        model.addAttribute("table", table(rows, by, "Total", true));
        model.addAttribute("suppressed", figures.suppressed());
        model.addAttribute("chartLabels", figures.json(rows.keySet().stream().map(group -> figures.groupName(by, group)).toList()));
        model.addAttribute("chartSeries", figures.json(List.of(
                figures.series("Under 18 weeks", rows.values().stream().map(b -> b.total() - b.waiting18Plus()).toList()),
                figures.series("18 to 52 weeks", rows.values().stream().map(Bands::days127to364).toList()),
                figures.series("52 weeks or more", rows.values().stream().map(Bands::days365plus).toList()))));
        return "waitinglist/census";
    }

    /** The census table as a PDF (the same rows as the page and CSV; small numbers suppressed for analysts). */
    @GetMapping("/waiting-list/census.pdf")
    ResponseEntity<byte[]> censusPdf(@RequestParam String date, @RequestParam(defaultValue = "COMMISSIONER") Census.GroupBy by,
                                     HttpServletRequest request) {
        LocalDate on = LocalDate.parse(date);
        Map<String, Bands> rows = census.on(on, by, currentActor.get().servedIcbs());
        byte[] pdf = pdfs.render("waitinglist/census-pdf", Map.of("date", on, "by", by, "table", table(rows, by, "Total", true),
                "suppressed", figures.suppressed(), "header", Bands.columns(by.name().toLowerCase(Locale.ROOT))), request.getRequestURL().toString());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"census-" + on + ".pdf\"").body(pdf);
    }

    /** The census as CSV: codes rather than names, for analysts' own tools. */
    @GetMapping("/waiting-list/census.csv")
    void censusCsv(@RequestParam String date, @RequestParam(defaultValue = "COMMISSIONER") Census.GroupBy by,
                   HttpServletResponse response) throws IOException {
        LocalDate on = LocalDate.parse(date);
        Map<String, Bands> rows = census.on(on, by, currentActor.get().servedIcbs());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"census-" + on + ".csv\"");
        PrintWriter out = response.getWriter();
        out.println(CsvCells.line(Bands.columns(by.name().toLowerCase(Locale.ROOT))));
        table(rows, by, "TOTAL", false).forEach(row -> out.println(CsvCells.line(row)));
    }

    /** One row a group, then the total; groups by name ({@code named}) or by code. */
    private List<List<String>> table(Map<String, Bands> rows, Census.GroupBy by, String total, boolean named) {
        LongFunction<String> count = figures.counter();
        List<List<String>> table = new ArrayList<>();
        rows.forEach((group, bands) -> table.add(bands.row(named ? figures.groupName(by, group) : group, count)));
        table.add(Census.total(rows).row(total, count));
        return table;
    }

    @GetMapping("/waiting-list/forecast")
    String forecast(@RequestParam(required = false) String icb, @RequestParam(defaultValue = "18") double targetWeeks,
                    @RequestParam(defaultValue = "26") double reliefWeeks, Model model) {
        Actor actor = currentActor.get();
        List<Icb> icbs = organisations.icbs().stream().filter(i -> actor.serves(i.code())).toList();
        String chosen = icb != null && actor.serves(icb) ? icb : icbs.isEmpty() ? null : icbs.get(0).code();
        model.addAttribute("icbs", icbs);
        model.addAttribute("icb", chosen);
        model.addAttribute("targetWeeks", targetWeeks);
        model.addAttribute("reliefWeeks", reliefWeeks);
        if (chosen != null) {
            Census.ListFlow flow = census.flow(chosen, LimberTime.today(clock), 12);
            model.addAttribute("flow", flow);
            if (flow.removalsPerWeek() > 0 && targetWeeks > 0 && reliefWeeks > 0) {
                var formulas = new CapacityFormulas(flow.arrivalsPerWeek(), flow.removalsPerWeek(), targetWeeks);
                model.addAttribute("formulas", formulas);
                model.addAttribute("relief", formulas.reliefCapacity(flow.waiting(), reliefWeeks));
                model.addAttribute("targetCapacity", formulas.targetCapacity(1, 1));
                model.addAttribute("pressure", formulas.pressure(flow.meanDaysWaited() / 7));
            }
        }
        return "waitinglist/forecast";
    }
}

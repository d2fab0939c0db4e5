package health.limber.waitinglist.web;

import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.organisation.Icb;
import health.limber.patient.PatientBanner;
import health.limber.patient.PatientManagement;
import health.limber.organisation.Organisations;
import health.limber.platform.CsvCells;
import health.limber.platform.LimberTime;
import health.limber.waitinglist.Bands;
import health.limber.waitinglist.CapacityFormulas;
import health.limber.waitinglist.Census;
import health.limber.waitinglist.Comparison;
import health.limber.waitinglist.ImportMode;
import health.limber.waitinglist.ImportSummary;
import health.limber.waitinglist.Priority;
import health.limber.waitinglist.Suppression;
import health.limber.waitinglist.Validation;
import health.limber.platform.ConflictException;
import health.limber.platform.InvalidInputException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import health.limber.waitinglist.WaitingListImport;
import health.limber.waitinglist.WaitingListManagement;
import health.limber.waitinglist.WaitingListQueries;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import health.limber.referral.ReferralManagement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongFunction;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * Waiting-list pages: the census on any date and the comparison of two dates (table, chart, CSV),
 * the list itself with filters, a pathway's clock history, and the file upload. Analysts see
 * published figures: small numbers suppressed (DOMAIN.md §8).
 */
@Controller
class WaitingListController {

    static final Map<String, int[]> BANDS = bands();

    private final Census census;
    private final WaitingListQueries queries;
    private final WaitingListManagement management;
    private final WaitingListImport importer;
    private final Organisations organisations;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final ReferralManagement referrals;
    private final JsonMapper json = JsonMapper.builder().build();

    private final health.limber.platform.PdfDocuments pdfs;
    private final health.limber.clinic.Hubs hubs;

    private final PatientManagement patients;

    WaitingListController(Census census, WaitingListQueries queries, WaitingListManagement management,
                          WaitingListImport importer, Organisations organisations, CurrentActor currentActor, Clock clock,
                          ReferralManagement referrals, health.limber.platform.PdfDocuments pdfs, health.limber.clinic.Hubs hubs,
                          PatientManagement patients) {
        this.patients = patients;
        this.hubs = hubs;
        this.referrals = referrals;
        this.pdfs = pdfs;
        this.census = census;
        this.queries = queries;
        this.management = management;
        this.importer = importer;
        this.organisations = organisations;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @GetMapping("/waiting-list")
    String census(@RequestParam(required = false) String date,
                  @RequestParam(defaultValue = "COMMISSIONER") Census.GroupBy by, Model model) {
        LocalDate on = date(date, "date", model).orElse(LimberTime.today(clock));
        Map<String, Bands> rows = census.on(on, by, currentActor.get().servedIcbs());
        LongFunction<String> count = counter();
        List<List<String>> table = new ArrayList<>();
        rows.forEach((group, bands) -> table.add(bands.row(groupName(by, group), count)));
        table.add(Census.total(rows).row("Total", count));
        model.addAttribute("date", on);
        model.addAttribute("by", by);
        model.addAttribute("groupings", Census.GroupBy.values());
        model.addAttribute("table", table);
        model.addAttribute("suppressed", suppressed());
        model.addAttribute("chartLabels", write(rows.keySet().stream().map(group -> groupName(by, group)).toList()));
        model.addAttribute("chartSeries", write(List.of(
                series("Under 18 weeks", rows.values().stream().map(b -> b.total() - b.waiting18Plus()).toList()),
                series("18 to 52 weeks", rows.values().stream().map(Bands::days127to364).toList()),
                series("52 weeks or more", rows.values().stream().map(Bands::days365plus).toList()))));
        return "waitinglist/census";
    }

    /** The census table as a PDF (the same rows as the page and CSV; small numbers suppressed for analysts). */
    @GetMapping("/waiting-list/census.pdf")
    org.springframework.http.ResponseEntity<byte[]> censusPdf(@RequestParam String date, @RequestParam(defaultValue = "COMMISSIONER") Census.GroupBy by,
                                                              jakarta.servlet.http.HttpServletRequest request) {
        LocalDate on = LocalDate.parse(date);
        Map<String, Bands> rows = census.on(on, by, currentActor.get().servedIcbs());
        LongFunction<String> count = counter();
        List<List<String>> table = new ArrayList<>();
        rows.forEach((group, bands) -> table.add(bands.row(groupName(by, group), count)));
        table.add(Census.total(rows).row("Total", count));
        byte[] pdf = pdfs.render("waitinglist/census-pdf", Map.of("date", on, "by", by, "table", table, "suppressed", suppressed(),
                "header", Bands.columns(by.name().toLowerCase(java.util.Locale.ROOT))), request.getRequestURL().toString());
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"census-" + on + ".pdf\"").body(pdf);
    }

    @GetMapping("/waiting-list/census.csv")
    void censusCsv(@RequestParam String date, @RequestParam(defaultValue = "COMMISSIONER") Census.GroupBy by,
                   HttpServletResponse response) throws IOException {
        LocalDate on = LocalDate.parse(date);
        Map<String, Bands> rows = census.on(on, by, currentActor.get().servedIcbs());
        LongFunction<String> count = counter();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"census-" + on + ".csv\"");
        var out = response.getWriter();
        out.println(CsvCells.line(Bands.columns(by.name().toLowerCase(java.util.Locale.ROOT))));
        rows.forEach((group, bands) -> out.println(CsvCells.line(bands.row(group, count))));
        out.println(CsvCells.line(Census.total(rows).row("TOTAL", count)));
    }

    @GetMapping("/waiting-list/compare")
    String compare(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        LocalDate start = date(from, "from", model).orElse(LocalDate.of(2024, 12, 1));
        LocalDate end = date(to, "to", model).orElse(LocalDate.of(2025, 3, 31));
        Comparison comparison = comparison(start, end);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("table", compareTable(comparison));
        model.addAttribute("suppressed", suppressed());
        model.addAttribute("chartLabels", write(comparison.lines().stream().map(line -> icbName(line.icb())).toList()));
        model.addAttribute("chartSeries", write(List.of(series("18+ weeks on " + start, comparison.lines().stream().map(Comparison.Line::atStart).toList()),
                series("18+ weeks on " + end, comparison.lines().stream().map(Comparison.Line::atEnd).toList()))));
        return "waitinglist/compare";
    }

    /** The comparison as a PDF: the page's table (small numbers suppressed for analysts). */
    @GetMapping("/waiting-list/compare.pdf")
    org.springframework.http.ResponseEntity<byte[]> comparePdf(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                                               jakarta.servlet.http.HttpServletRequest request) {
        byte[] pdf = pdfs.render("waitinglist/compare-pdf", Map.of("from", from, "to", to, "table", compareTable(comparison(from, to)),
                "suppressed", suppressed()), request.getRequestURL().toString());
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"compare-" + from + "-" + to + ".pdf\"").body(pdf);
    }

    /** The comparison as CSV, in the columns of {@code ./limber report compare --format csv}, with a TOTAL row. */
    @GetMapping("/waiting-list/compare.csv")
    void compareCsv(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"compare-" + from + "-" + to + ".csv\"");
        var out = response.getWriter();
        out.println("commissioner,waiting_18_plus_from,waiting_18_plus_to,change,pct_change");
        for (Comparison.Shown line : comparison(from, to).shown(suppressed())) {
            out.println(CsvCells.line(List.of(line.icb(), line.atStart(), line.atEnd(), line.change() == null ? "" : Long.toString(line.change()),
                    line.percentChange() == null ? "" : line.percentChange().toPlainString())));
        }
    }

    /** The ICBs the reader may see, compared. */
    private Comparison comparison(LocalDate start, LocalDate end) {
        return census.compare(start, end, currentActor.get().servedIcbs());
    }

    /** The page's and the PDF's lines: ICB name, both counts, the change in words, the percentage; then the total. */
    private List<List<String>> compareTable(Comparison comparison) {
        List<List<String>> table = new ArrayList<>();
        for (Comparison.Shown line : comparison.shown(suppressed())) {
            String change = line.change() == null ? "Not shown (small numbers)" : line.change() == 0 ? "No change"
                    : Math.abs(line.change()) + (line.change() < 0 ? " fewer" : " more");
            table.add(List.of(line.icb().equals("TOTAL") ? "Total" : icbName(line.icb()), line.atStart(), line.atEnd(), change,
                    line.percentChange() == null ? "" : line.percentChange().toPlainString()));
        }
        return table;
    }

    @GetMapping("/waiting-list/pathways")
    String list(@RequestParam(required = false) String icb, @RequestParam(required = false) Integer priority,
                @RequestParam(required = false) String function, @RequestParam(required = false) String band,
                @RequestParam(required = false) UUID hub, @RequestParam(defaultValue = "false") boolean due,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Actor actor = currentActor.get();
        int[] days = band == null ? null : BANDS.get(band);
        var hubsServed = hubs.inIcbs(actor.servedIcbs());
        UUID chosenHub = hubsServed.stream().map(health.limber.clinic.Hub::id).filter(id -> id.equals(hub)).findFirst().orElse(null);
        var filter = new WaitingListQueries.Filter(actor.servedIcbs(), blank(icb) ? null : icb,
                priority == null ? null : Priority.ofCode(priority), blank(function) ? null : function,
                days == null ? null : days[0], days == null || days[1] < 0 ? null : days[1], chosenHub, due);
        List<WaitingListQueries.Row> rows = queries.page(filter, LimberTime.today(clock), Math.max(page, 0));
        model.addAttribute("rows", rows.size() > WaitingListQueries.PAGE_SIZE ? rows.subList(0, WaitingListQueries.PAGE_SIZE) : rows);
        model.addAttribute("icbNames", icbNames());
        model.addAttribute("hasNext", rows.size() > WaitingListQueries.PAGE_SIZE);
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("icbs", organisations.icbs().stream().filter(i -> actor.serves(i.code())).toList());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("bands", BANDS.keySet());
        model.addAttribute("icb", icb);
        model.addAttribute("priority", priority);
        model.addAttribute("function", function);
        model.addAttribute("band", band);
        model.addAttribute("hubs", hubsServed);
        model.addAttribute("hub", chosenHub);
        model.addAttribute("due", due);
        return "waitinglist/list";
    }

    @GetMapping("/waiting-list/pathways/{id}")
    String pathway(@PathVariable UUID id, Model model) {
        var pathway = management.read(id);
        model.addAttribute("pathway", pathway);
        model.addAttribute("banner", banner(pathway.nhsNumber(), pathway.birthDate()));
        model.addAttribute("periods", pathway.periods());
        model.addAttribute("nextValidation", pathway.nextValidationDue().orElse(null));
        model.addAttribute("kinds", Validation.Kind.values());
        model.addAttribute("outcomes", Validation.Outcome.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("redFlagQuestions", referrals.redFlagQuestions());
        model.addAttribute("today", LimberTime.today(clock));
        UUID hub = management.hubOf(id).orElse(null);
        model.addAttribute("hub", hub);
        model.addAttribute("hubs", hubs.inIcbs(List.of(pathway.commissionerCode())));
        return "waitinglist/pathway";
    }

    /**
     * A pathway is keyed by NHS number: the banner takes the name from the patient record with that
     * number in the reader's ICBs, or says the person has no record here yet.
     */
    private PatientBanner banner(String nhsNumber, java.time.LocalDate birthDate) {
        return patients.findByNhsNumber(nhsNumber).stream().findFirst().map(PatientBanner::of)
                .orElseGet(() -> new PatientBanner("No patient record with this NHS number", nhsNumber, birthDate));
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

    @GetMapping("/waiting-list/validation")
    String validationDue(@RequestParam(defaultValue = "0") int page, Model model) {
        List<WaitingListQueries.Due> due = queries.validationDue(currentActor.get().servedIcbs(), LimberTime.today(clock), Math.max(page, 0));
        model.addAttribute("rows", due.size() > WaitingListQueries.PAGE_SIZE ? due.subList(0, WaitingListQueries.PAGE_SIZE) : due);
        model.addAttribute("icbNames", icbNames());
        model.addAttribute("hasNext", due.size() > WaitingListQueries.PAGE_SIZE);
        model.addAttribute("page", Math.max(page, 0));
        return "waitinglist/validation";
    }

    @PostMapping("/waiting-list/pathways/{id}/hub")
    String assignHub(@PathVariable UUID id, @RequestParam(required = false) String hub, RedirectAttributes redirect) {
        try {
            UUID chosen = blank(hub) ? null : hubId(hub);
            management.assignHub(id, chosen);
            redirect.addFlashAttribute("done", chosen == null ? "The hub was cleared." : "Hub saved.");
        } catch (health.limber.platform.InvalidInputException e) {
            redirect.addFlashAttribute("hubError", e.getMessage());
        }
        return "redirect:/waiting-list/pathways/" + id;
    }

    private static UUID hubId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new health.limber.platform.InvalidInputException("hub", "Choose a hub of the pathway's ICB");
        }
    }

    @PostMapping("/waiting-list/pathways/{id}/validation")
    String validate(@PathVariable UUID id, @RequestParam long version, @RequestParam(required = false) Validation.Kind kind,
                    @RequestParam(required = false) Validation.Outcome outcome, @RequestParam(required = false) Integer priority,
                    @RequestParam(required = false) Set<String> redFlags, @RequestParam(required = false) String redFlagDetail,
                    Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (kind == null) {
            errors.put("kind", "Select how the pathway was validated");
        }
        if (outcome == null) {
            errors.put("outcome", "Select what the validation found");
        }
        if (errors.isEmpty()) {
            try {
                management.validate(id, version, new Validation(kind, outcome), priority == null ? null : Priority.ofCode(priority),
                        redFlags == null ? Set.of() : redFlags, redFlagDetail);
                redirect.addFlashAttribute("notice", "Validation recorded: " + outcome.label()
                        + (redFlags == null || redFlags.isEmpty() ? "" : ". A red-flag task has been raised for the triage team"));
                return "redirect:/waiting-list/pathways/" + id;
            } catch (InvalidInputException e) {
                errors.put(e.field(), e.getMessage());
            } catch (ConflictException e) {
                errors.put("kind", e.getMessage());
            }
        }
        model.addAttribute("errors", errors);
        return pathway(id, model);
    }

    @GetMapping("/waiting-list/import")
    String importForm() {
        return "waitinglist/import";
    }

    @PostMapping("/waiting-list/import")
    String importFile(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode,
                      @RequestParam(defaultValue = "false") boolean dryRun, Model model) throws IOException {
        if (file.isEmpty()) {
            model.addAttribute("errors", Map.of("file", "Select a CSV file to upload"));
            return "waitinglist/import";
        }
        try (InputStream in = file.getInputStream()) {
            Actor actor = currentActor.get();
            ImportSummary summary = importer.run(in, mode, dryRun, problem -> { }, bytes -> { },
                    WaitingListImport.Importer.staff(actor.username(), actor.organisationCode(), actor.servedIcbs()));
            model.addAttribute("summary", summary);
            model.addAttribute("fileName", file.getOriginalFilename());
        }
        return "waitinglist/import";
    }


    private boolean suppressed() {
        return currentActor.get().role() == Role.ANALYST;
    }

    private LongFunction<String> counter() {
        return suppressed() ? Suppression::count : Long::toString;
    }

    private String groupName(Census.GroupBy by, String group) {
        return switch (by) {
            case COMMISSIONER -> icbName(group);
            case PRIORITY -> Priority.ofCode(Integer.parseInt(group)).label();
            case PROVIDER -> organisations.providers().stream().filter(p -> p.code().equals(group)).findFirst()
                    .map(p -> p.name() + " (" + group + ")").orElse(group);
            case TREATMENT_FUNCTION -> group.equals("650") ? "Physiotherapy (650)" : group;
        };
    }

    /** ICB codes to the names people use, for the list's rows. */
    private Map<String, String> icbNames() {
        Map<String, String> names = new java.util.HashMap<>();
        organisations.icbs().forEach(icb -> names.put(icb.code(), icb.pilotArea()));
        return names;
    }

    private String icbName(String code) {
        return organisations.icb(code).map(Icb::pilotArea).orElse(code);
    }

    /** A chart series; published (suppressed) figures are rounded in the chart too, so its tooltips reveal no more than the table. */
    private Map<String, Object> series(String label, List<Long> data) {
        List<Long> shown = suppressed() ? data.stream().map(Suppression::chartValue).toList() : data;
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Map.of("label", label, "data", new ArrayList<>(shown))));
    }

    private String write(Object value) {
        return json.writeValueAsString(value);
    }

    private static java.util.Optional<LocalDate> date(String text, String field, Model model) {
        if (blank(text)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(LocalDate.parse(text.trim()));
        } catch (DateTimeParseException e) {
            model.addAttribute("errors", Map.of(field, "Enter a real date as yyyy-mm-dd"));
            return java.util.Optional.empty();
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Map<String, int[]> bands() {
        Map<String, int[]> bands = new LinkedHashMap<>();
        bands.put("0-7 days", new int[] {0, 7});
        bands.put("8-14 days", new int[] {8, 14});
        bands.put("15-28 days", new int[] {15, 28});
        bands.put("29-84 days", new int[] {29, 84});
        bands.put("85-126 days", new int[] {85, 126});
        bands.put("18 to 52 weeks", new int[] {127, 364});
        bands.put("52 weeks or more", new int[] {365, -1});
        return bands;
    }
}

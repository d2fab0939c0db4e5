package health.limber.waitinglist.web;

import health.limber.clinic.Hub;
import health.limber.clinic.Hubs;
import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.organisation.Organisations;
import health.limber.patient.PatientBanner;
import health.limber.patient.PatientManagement;
import health.limber.platform.ConflictException;
import health.limber.platform.InvalidInputException;
import health.limber.platform.LimberTime;
import health.limber.referral.RedFlagQuestions;
import health.limber.waitinglist.PathwayId;
import health.limber.waitinglist.Priority;
import health.limber.waitinglist.WaitingListManagement;
import health.limber.waitinglist.internal.Validation;
import health.limber.waitinglist.internal.WaitingListQueries;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The waiting list itself with its filters, the list of pathways due for validation, and one
 * pathway: its clock history, its hub, and recording a validation (which may raise a red-flag task).
 */
@Controller
class PathwayController {

    static final Map<String, int[]> BANDS = bands();

    private final WaitingListQueries queries;
    private final WaitingListManagement management;
    private final PublishedFigures figures;
    private final Organisations organisations;
    private final CurrentActor currentActor;
    private final RedFlagQuestions redFlagQuestions;
    private final Hubs hubs;
    private final PatientManagement patients;
    private final Clock clock;

    PathwayController(WaitingListQueries queries, WaitingListManagement management, PublishedFigures figures, Organisations organisations,
                      CurrentActor currentActor, RedFlagQuestions redFlagQuestions, Hubs hubs, PatientManagement patients, Clock clock) {
        this.queries = queries;
        this.management = management;
        this.figures = figures;
        this.organisations = organisations;
        this.currentActor = currentActor;
        this.redFlagQuestions = redFlagQuestions;
        this.hubs = hubs;
        this.patients = patients;
        this.clock = clock;
    }

    @GetMapping("/waiting-list/pathways")
    String list(@RequestParam(required = false) String icb, @RequestParam(required = false) Integer priority,
                @RequestParam(required = false) String function, @RequestParam(required = false) String band,
                @RequestParam(required = false) UUID hub, @RequestParam(defaultValue = "false") boolean due,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Actor actor = currentActor.get();
        int[] days = band == null ? null : BANDS.get(band);
        var hubsServed = hubs.inIcbs(actor.servedIcbs());
        UUID chosenHub = hubsServed.stream().map(Hub::id).filter(id -> id.equals(hub)).findFirst().orElse(null);
        var filter = new WaitingListQueries.Filter(actor.servedIcbs(), PublishedFigures.blank(icb) ? null : icb,
                priority == null ? null : Priority.ofCode(priority), PublishedFigures.blank(function) ? null : function,
                days == null ? null : days[0], days == null || days[1] < 0 ? null : days[1], chosenHub, due);
        List<WaitingListQueries.Row> rows = queries.page(filter, LimberTime.today(clock), Math.max(page, 0));
        model.addAttribute("rows", rows.size() > WaitingListQueries.PAGE_SIZE ? rows.subList(0, WaitingListQueries.PAGE_SIZE) : rows);
        model.addAttribute("icbNames", figures.icbNames());
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
        var pathway = management.read(PathwayId.of(id));
        model.addAttribute("pathway", pathway);
        model.addAttribute("banner", banner(pathway.nhsNumber(), pathway.birthDate()));
        model.addAttribute("periods", pathway.periods());
        model.addAttribute("patientRecord", management.patientOf(PathwayId.of(id)).orElse(null));
        model.addAttribute("nextValidation", pathway.nextValidationDue().orElse(null));
        model.addAttribute("kinds", Validation.Kind.values());
        model.addAttribute("outcomes", Validation.Outcome.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("redFlagQuestions", redFlagQuestions.all());
        model.addAttribute("today", LimberTime.today(clock));
        UUID hub = management.hubOf(PathwayId.of(id)).orElse(null);
        model.addAttribute("hub", hub);
        model.addAttribute("hubs", hubs.inIcbs(List.of(pathway.commissionerCode())));
        return "waitinglist/pathway";
    }

    /**
     * A pathway is keyed by NHS number: the banner takes the name from the patient record with that
     * number in the reader's ICBs, or says the person has no record here yet.
     */
    private PatientBanner banner(String nhsNumber, LocalDate birthDate) {
        return patients.findByNhsNumber(nhsNumber).stream().findFirst().map(PatientBanner::of)
                .orElseGet(() -> new PatientBanner("No patient record with this NHS number", nhsNumber, birthDate));
    }

    @GetMapping("/waiting-list/validation")
    String validationDue(@RequestParam(defaultValue = "0") int page, Model model) {
        List<WaitingListQueries.Due> due = queries.validationDue(currentActor.get().servedIcbs(), LimberTime.today(clock), Math.max(page, 0));
        model.addAttribute("rows", due.size() > WaitingListQueries.PAGE_SIZE ? due.subList(0, WaitingListQueries.PAGE_SIZE) : due);
        model.addAttribute("icbNames", figures.icbNames());
        model.addAttribute("hasNext", due.size() > WaitingListQueries.PAGE_SIZE);
        model.addAttribute("page", Math.max(page, 0));
        return "waitinglist/validation";
    }

    @PostMapping("/waiting-list/pathways/{id}/hub")
    String assignHub(@PathVariable UUID id, @RequestParam(required = false) String hub, RedirectAttributes redirect) {
        try {
            UUID chosen = PublishedFigures.blank(hub) ? null : hubId(hub);
            management.assignHub(PathwayId.of(id), chosen);
            redirect.addFlashAttribute("done", chosen == null ? "The hub was cleared." : "Hub saved.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("hubError", e.getMessage());
        }
        return "redirect:/waiting-list/pathways/" + id;
    }

    private static UUID hubId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("hub", "Choose a hub of the pathway's ICB");
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
                management.validate(PathwayId.of(id), version, new Validation(kind, outcome), priority == null ? null : Priority.ofCode(priority),
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

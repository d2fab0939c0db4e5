package health.limber.reporting.web;

import health.limber.organisation.Cohort;
import health.limber.organisation.Cohorts;
import health.limber.organisation.Organisations;
import health.limber.platform.InvalidFieldsException;
import health.limber.platform.InvalidInputException;
import health.limber.reporting.internal.ProgrammeSetup;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An administrator's page for the programme's areas and cohorts: add an ICB, add a provider, create a
 * cohort and change one (its period, funding and areas). The API is {@link CohortAdminApiController}.
 */
@Controller
class CohortAdminController {

    private final ProgrammeSetup setup;
    private final Cohorts cohorts;
    private final Organisations organisations;

    CohortAdminController(ProgrammeSetup setup, Cohorts cohorts, Organisations organisations) {
        this.setup = setup;
        this.cohorts = cohorts;
        this.organisations = organisations;
    }

    /** What was typed into the cohort form, to show it again beside its errors. */
    record Typed(String name, String periodStart, String periodEnd, String fundingPounds, String description, Set<String> icbs) {
        static Typed of(Cohort c) {
            return new Typed(c.name(), c.periodStart() == null ? "" : c.periodStart().toString(), c.periodEnd() == null ? "" : c.periodEnd().toString(),
                    c.fundingPounds() == null ? "" : c.fundingPounds().toString(), c.description(), new LinkedHashSet<>(c.icbs()));
        }
    }

    @GetMapping("/admin/cohorts")
    String page(Model model) {
        return page(model, Map.of(), null, null, null);
    }

    @PostMapping("/admin/icbs")
    String addIcb(@RequestParam(name = "icbCode", required = false) String code, @RequestParam(name = "icbName", required = false) String name,
                  @RequestParam(name = "icbShortName", required = false) String shortName, Model model, RedirectAttributes redirect) {
        try {
            var icb = setup.addIcb(code, name, shortName);
            redirect.addFlashAttribute("done", icb.pilotArea() + " (" + icb.code() + ") added: it can now be put in a cohort");
            return "redirect:/admin/cohorts";
        } catch (InvalidInputException e) {
            model.addAttribute("icbTyped", Map.of("code", code == null ? "" : code, "name", name == null ? "" : name, "shortName", shortName == null ? "" : shortName));
            return page(model, errors(e), null, null, null);
        }
    }

    @PostMapping("/admin/providers")
    String addProvider(@RequestParam(required = false) String providerCode, @RequestParam(required = false) String providerName,
                       @RequestParam(name = "providerIcb", required = false) List<String> icbs, Model model, RedirectAttributes redirect) {
        try {
            var provider = setup.addProvider(providerCode, providerName, icbs == null ? Set.of() : new LinkedHashSet<>(icbs));
            redirect.addFlashAttribute("done", provider.name() + " (" + provider.code() + ") added");
            return "redirect:/admin/cohorts";
        } catch (InvalidInputException e) {
            return page(model, errors(e), null, null, null);
        }
    }

    @PostMapping("/admin/cohorts")
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) String periodStart,
                  @RequestParam(required = false) String periodEnd, @RequestParam(required = false) String fundingPounds,
                  @RequestParam(required = false) String description, @RequestParam(name = "icb", required = false) List<String> icbs,
                  Model model, RedirectAttributes redirect) {
        Typed typed = new Typed(name, periodStart, periodEnd, fundingPounds, description, icbs == null ? Set.of() : new LinkedHashSet<>(icbs));
        try {
            Cohort cohort = setup.createCohort(form(typed));
            redirect.addFlashAttribute("done", cohort.name() + " created");
            return "redirect:/admin/cohorts";
        } catch (InvalidInputException e) {
            return page(model, errors(e), typed, null, null);
        }
    }

    @GetMapping("/admin/cohorts/{code}")
    String edit(@PathVariable String code, Model model) {
        Cohort cohort = cohorts.get(code);
        return page(model, Map.of(), null, cohort, Typed.of(cohort));
    }

    @PostMapping("/admin/cohorts/{code}")
    String update(@PathVariable String code, @RequestParam(required = false) String name, @RequestParam(required = false) String periodStart,
                  @RequestParam(required = false) String periodEnd, @RequestParam(required = false) String fundingPounds,
                  @RequestParam(required = false) String description, @RequestParam(name = "icb", required = false) List<String> icbs,
                  Model model, RedirectAttributes redirect) {
        Cohort cohort = cohorts.get(code);
        Typed typed = new Typed(name, periodStart, periodEnd, fundingPounds, description, icbs == null ? Set.of() : new LinkedHashSet<>(icbs));
        try {
            Cohort changed = setup.updateCohort(cohort.code(), form(typed));
            redirect.addFlashAttribute("done", changed.name() + " saved");
            return "redirect:/admin/cohorts";
        } catch (InvalidInputException e) {
            return page(model, errors(e), null, cohort, typed);
        }
    }

    /** The form's text as a cohort: dates and funding that are not what they should be are errors naming their field. */
    static Cohorts.CohortForm form(Typed typed) {
        var errors = new InvalidFieldsException.Collector();
        LocalDate start = date(typed.periodStart(), "periodStart", errors);
        LocalDate end = date(typed.periodEnd(), "periodEnd", errors);
        Long funding = null;
        if (typed.fundingPounds() != null && !typed.fundingPounds().isBlank()) {
            try {
                funding = Long.parseLong(typed.fundingPounds().strip().replace(",", "").replaceFirst("^£", ""));
            } catch (NumberFormatException e) {
                errors.add("fundingPounds", "Enter the funding in whole pounds, for example 2200000");
            }
        }
        errors.throwIfAny();
        return new Cohorts.CohortForm(typed.name(), start, end, funding, typed.description(), typed.icbs());
    }

    private static LocalDate date(String text, String field, InvalidFieldsException.Collector errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(field, "Enter a real date as yyyy-mm-dd");
            return null;
        }
    }

    private static Map<String, String> errors(InvalidInputException e) {
        return e instanceof InvalidFieldsException many ? many.errors() : Map.of(e.field(), e.getMessage());
    }

    private String page(Model model, Map<String, String> errors, Typed typed, Cohort editing, Typed edited) {
        model.addAttribute("cohorts", cohorts.all());
        model.addAttribute("icbs", organisations.icbs());
        model.addAttribute("providers", organisations.providers());
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed == null ? new Typed("", "", "", "", "", Set.of()) : typed);
        model.addAttribute("editing", editing);
        model.addAttribute("edited", edited);
        if (!model.containsAttribute("icbTyped")) {
            model.addAttribute("icbTyped", Map.of());
        }
        return editing == null ? "reporting/admin-cohorts" : "reporting/admin-cohort";
    }
}

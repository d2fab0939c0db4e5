package health.limber.patient.web;

import health.limber.identity.CurrentActor;
import health.limber.organisation.Icb;
import health.limber.organisation.Organisations;
import health.limber.patient.AccessibilityNeeds;
import health.limber.patient.ContactPreferences;
import health.limber.patient.Patient;
import health.limber.patient.PatientBanner;
import health.limber.patient.PatientId;
import health.limber.patient.PatientInput;
import health.limber.patient.PatientManagement;
import health.limber.patient.WorkStatus;
import health.limber.patient.internal.PatientView;
import health.limber.patient.internal.Sex;
import health.limber.platform.ConflictException;
import health.limber.platform.InvalidFieldsException;
import health.limber.platform.InvalidInputException;
import health.limber.platform.Languages;
import health.limber.platform.PatientCare;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages for the patient record: find, add, view, edit, void, issue an app access code. */
@Controller
class PatientPageController {

    private final PatientManagement patients;
    private final Organisations organisations;
    private final CurrentActor currentActor;

    private final List<PatientCare> care;

    PatientPageController(PatientManagement patients, Organisations organisations, CurrentActor currentActor, List<PatientCare> care) {
        this.care = care;
        this.patients = patients;
        this.organisations = organisations;
        this.currentActor = currentActor;
    }

    @ModelAttribute
    void options(Model model) {
        model.addAttribute("sexes", Sex.values());
        model.addAttribute("workStatuses", WorkStatus.values());
        model.addAttribute("needOptions", AccessibilityNeeds.Need.values());
        model.addAttribute("channelOptions", ContactPreferences.Channel.values());
        model.addAttribute("languages", Languages.OFFERED);
        model.addAttribute("errors", Map.of());
    }

    @GetMapping("/patients")
    String search(@RequestParam(required = false) String nhsNumber, @RequestParam(required = false) String familyName,
                  @RequestParam(required = false) String dobDay, @RequestParam(required = false) String dobMonth,
                  @RequestParam(required = false) String dobYear, Model model) {
        model.addAttribute("nhsNumber", nhsNumber);
        model.addAttribute("familyName", familyName);
        model.addAttribute("dobDay", dobDay);
        model.addAttribute("dobMonth", dobMonth);
        model.addAttribute("dobYear", dobYear);
        try {
            if (nhsNumber != null && !nhsNumber.isBlank()) {
                model.addAttribute("results", patients.findByNhsNumber(nhsNumber));
            } else if (familyName != null) {
                model.addAttribute("results", patients.findByNameAndBirthDate(familyName, date(dobDay, dobMonth, dobYear)));
            }
        } catch (InvalidInputException e) {
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
        }
        return "patient/search";
    }

    @GetMapping("/patients/new")
    String newPatient(Model model) {
        model.addAttribute("form", PatientForm.empty());
        return form(model, null);
    }

    @PostMapping("/patients")
    String create(@ModelAttribute("form") PatientForm form, Model model, RedirectAttributes redirect) {
        try {
            Patient patient = patients.create(form.toInput());
            redirect.addFlashAttribute("notice", "Patient record created");
            return "redirect:/patients/" + patient.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", errors(e));
        } catch (ConflictException e) {
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
        }
        return form(model, null);
    }

    @GetMapping("/patients/{id}")
    String view(@PathVariable UUID id, Model model) {
        Patient patient = patients.read(PatientId.of(id));
        model.addAttribute("patient", patient);
        model.addAttribute("banner", PatientBanner.of(patient));
        var person = new PatientCare.Person(patient.id().value(), patient.nhsNumber().map(health.limber.patient.NhsNumber::value).orElse(null));
        model.addAttribute("care", care.stream().flatMap(c -> c.of(person, PatientCare.Audience.STAFF).stream())
                .sorted(java.util.Comparator.comparingInt(PatientCare.Link::order)
                        .thenComparing(PatientCare.Link::on, java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())))
                .toList());
        model.addAttribute("icb", organisations.icb(patient.icbCode()).map(Icb::name).orElse(patient.icbCode()));
        model.addAttribute("practice", patient.gpPracticeCode() == null ? null
                : organisations.practice(patient.gpPracticeCode()).map(p -> p.name() + " (" + p.code() + ")").orElse(patient.gpPracticeCode()));
        model.addAttribute("language", Languages.name(patient.preferredLanguage()));
        return "patient/view";
    }

    @GetMapping("/patients/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        Patient patient = patients.read(PatientId.of(id));
        model.addAttribute("form", PatientForm.of(PatientInput.from(patient)));
        model.addAttribute("banner", PatientBanner.of(patient));
        return form(model, id);
    }

    @PostMapping("/patients/{id}")
    String update(@PathVariable UUID id, @ModelAttribute("form") PatientForm form, Model model, RedirectAttributes redirect) {
        try {
            patients.update(PatientId.of(id), form.toInput());
            redirect.addFlashAttribute("notice", "Changes saved");
            return "redirect:/patients/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", errors(e));
        } catch (ConflictException e) {
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
            if (e.current() instanceof PatientView current) {
                model.addAttribute("form", PatientForm.of(PatientInput.from(patients.read(PatientId.of(current.id())))));
                model.addAttribute("stale", true);
            }
        }
        if (id != null && !model.containsAttribute("banner")) {
            model.addAttribute("banner", patients.banner(PatientId.of(id)));
        }
        return form(model, id);
    }

    @GetMapping("/patients/{id}/ethnic-category")
    String ethnicCategory(@PathVariable UUID id, Model model) {
        Patient patient = patients.read(PatientId.of(id));
        model.addAttribute("banner", PatientBanner.of(patient));
        model.addAttribute("patientId", id);
        model.addAttribute("current", patient.ethnicCategory());
        model.addAttribute("categories", health.limber.patient.EthnicCategory.values());
        return "patient/ethnic-category";
    }

    @PostMapping("/patients/{id}/ethnic-category")
    String recordEthnicCategory(@PathVariable UUID id, @RequestParam(required = false) String ethnicCategory, Model model,
                                RedirectAttributes redirect) {
        try {
            patients.recordEthnicCategory(PatientId.of(id), health.limber.patient.EthnicCategory.parse(ethnicCategory));
            redirect.addFlashAttribute("notice", "Ethnic category saved");
            return "redirect:/patients/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
            model.addAttribute("banner", patients.banner(PatientId.of(id)));
            model.addAttribute("patientId", id);
            model.addAttribute("categories", health.limber.patient.EthnicCategory.values());
            return "patient/ethnic-category";
        }
    }

    @GetMapping("/patients/{id}/void")
    String confirmVoid(@PathVariable UUID id, Model model) {
        Patient patient = patients.read(PatientId.of(id));
        model.addAttribute("patient", patient);
        model.addAttribute("banner", PatientBanner.of(patient));
        return "patient/void";
    }

    @PostMapping("/patients/{id}/void")
    String voidRecord(@PathVariable UUID id, @RequestParam long version, @RequestParam(required = false) String reason,
                      Model model, RedirectAttributes redirect) {
        try {
            patients.voidRecord(PatientId.of(id), version, reason);
            redirect.addFlashAttribute("notice", "Record voided. It is kept, marked as made in error.");
            return "redirect:/patients/" + id;
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("errors", Map.of(e instanceof InvalidInputException i ? i.field() : "reason", e.getMessage()));
            Patient patient = patients.read(PatientId.of(id));
            model.addAttribute("patient", patient);
            model.addAttribute("banner", PatientBanner.of(patient));
            return "patient/void";
        }
    }

    @PostMapping("/patients/{id}/access-code")
    String issueAccessCode(@PathVariable UUID id, Model model) {
        model.addAttribute("issued", patients.issueAccessCode(PatientId.of(id)));
        Patient patient = patients.read(PatientId.of(id));
        model.addAttribute("patient", patient);
        model.addAttribute("banner", PatientBanner.of(patient));
        return "patient/access-code";
    }

    private String form(Model model, UUID id) {
        List<Icb> icbs = organisations.icbs().stream().filter(icb -> currentActor.get().serves(icb.code())).toList();
        model.addAttribute("icbs", icbs);
        model.addAttribute("patientId", id);
        return "patient/form";
    }

    private static Map<String, String> errors(InvalidInputException e) {
        if (e instanceof InvalidFieldsException many) {
            // The date of birth is three inputs on the page; its message belongs to the first.
            Map<String, String> errors = new LinkedHashMap<>();
            many.errors().forEach((field, message) -> errors.put("birthDate".equals(field) ? "dobDay" : field, message));
            return errors;
        }
        return Map.of("birthDate".equals(e.field()) ? "dobDay" : e.field(), e.getMessage());
    }

    private static LocalDate date(String day, String month, String year) {
        try {
            return LocalDate.of(Integer.parseInt(year.trim()), Integer.parseInt(month.trim()), Integer.parseInt(day.trim()));
        } catch (NullPointerException | NumberFormatException | DateTimeException e) {
            throw new InvalidInputException("dobDay", "Enter the date of birth as a real date, like 27 3 1980");
        }
    }
}

package health.limber.exercise.web;

import health.limber.exercise.Exercise;
import health.limber.exercise.ExerciseLibrary;
import health.limber.exercise.Programme;
import health.limber.exercise.ProgrammeId;
import health.limber.exercise.ProgrammeManagement;
import health.limber.exercise.ProgrammePurpose;
import health.limber.exercise.ProgrammeSource;
import health.limber.exercise.internal.CaseloadAlert;
import health.limber.exercise.internal.ProgrammeReports;
import health.limber.patient.Patient;
import health.limber.patient.PatientManagement;
import health.limber.platform.ConflictException;
import health.limber.platform.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Clinicians' side of home exercise programmes: the caseload with alerts, and the programme builder. */
@Controller
@RequestMapping("/programmes")
class ProgrammeController {

    private final ProgrammeManagement programmes;
    private final ExerciseLibrary library;
    private final PatientManagement patients;
    private final Clock clock;
    private final health.limber.exercise.internal.Handouts handouts;
    private final health.limber.clinic.Hubs hubs;
    private final health.limber.identity.CurrentActor currentActor;

    private final ProgrammeReports reports;

    ProgrammeController(ProgrammeManagement programmes, ProgrammeReports reports, ExerciseLibrary library, PatientManagement patients, Clock clock,
                        health.limber.exercise.internal.Handouts handouts, health.limber.clinic.Hubs hubs, health.limber.identity.CurrentActor currentActor) {
        this.reports = reports;
        this.handouts = handouts;
        this.hubs = hubs;
        this.currentActor = currentActor;
        this.programmes = programmes;
        this.library = library;
        this.patients = patients;
        this.clock = clock;
    }

    static final int CASELOAD_PAGE = 25;

    /** The caseload, red flags first, filtered by one kind of alert if asked, 25 a page. */
    @GetMapping
    String caseload(@RequestParam(name = "alert", required = false) CaseloadAlert.Kind kind, @RequestParam(defaultValue = "1") int page,
                    Model model) {
        List<ProgrammeReports.CaseloadRow> all = reports.caseload();
        Map<CaseloadAlert.Kind, Long> counts = new java.util.EnumMap<>(CaseloadAlert.Kind.class);
        for (CaseloadAlert.Kind k : CaseloadAlert.Kind.values()) {
            counts.put(k, all.stream().filter(r -> r.has(k)).count());
        }
        List<ProgrammeReports.CaseloadRow> shown = kind == null ? all : all.stream().filter(r -> r.has(kind)).toList();
        int pages = Math.max(1, (shown.size() + CASELOAD_PAGE - 1) / CASELOAD_PAGE);
        int at = Math.max(1, Math.min(pages, page));
        model.addAttribute("rows", shown.subList((at - 1) * CASELOAD_PAGE, Math.min(shown.size(), at * CASELOAD_PAGE)));
        model.addAttribute("total", shown.size());
        model.addAttribute("running", all.size());
        model.addAttribute("counts", counts);
        model.addAttribute("alert", kind);
        model.addAttribute("page", at);
        model.addAttribute("pages", pages);
        model.addAttribute("templates", programmes.templates());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("hubs", hubs.inIcbs(currentActor.get().servedIcbs()));
        return "exercise/caseload";
    }

    @PostMapping
    String start(@RequestParam(defaultValue = "") String nhsNumber, @RequestParam(defaultValue = "") String template,
                 @RequestParam(defaultValue = "") String startDate, @RequestParam(defaultValue = "") String endDate,
                 @RequestParam(required = false) UUID hub, @RequestParam(defaultValue = "") String purpose,
                 @RequestParam(defaultValue = "CLINICIAN") String source, RedirectAttributes redirect) {
        try {
            List<Patient> found = patients.findByNhsNumber(nhsNumber);
            if (found.isEmpty()) {
                throw new InvalidInputException("nhsNumber", "No patient of your area has that NHS number");
            }
            LocalDate start = date(startDate, "startDate", "Enter the start date, for example 2025-03-03");
            LocalDate end = date(endDate, "endDate", "Enter the end date, for example 2025-04-14");
            UUID id = (programmes.create(found.get(0).id(), template, start, end, null, hub, purpose(purpose), source(source))).value();
            return "redirect:/programmes/" + id;
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", Map.of(e.field(), e.getMessage()));
            redirect.addFlashAttribute("form", Map.of("nhsNumber", nhsNumber, "template", template, "startDate", startDate, "endDate", endDate,
                    "purpose", purpose, "source", source));
            return "redirect:/programmes";
        }
    }

    @GetMapping("/usefulness")
    String usefulness(Model model) {
        model.addAttribute("rows", reports.usefulness());
        model.addAttribute("byTemplate", reports.usefulnessByTemplate());
        model.addAttribute("byHub", reports.usefulnessByHub());
        model.addAttribute("bySource", reports.usefulnessBySource());
        return "exercise/usefulness";
    }

    @GetMapping("/{id}")
    String programme(@PathVariable UUID id, Model model) {
        Programme programme = programmes.read(ProgrammeId.of(id));
        model.addAttribute("programme", programme);
        model.addAttribute("banner", patients.banner(programme.patientId()));
        var adherence = programmes.adherence(ProgrammeId.of(id));
        model.addAttribute("adherence", adherence.byExerciseAndWeek());
        model.addAttribute("logs", programmes.logs(ProgrammeId.of(id)));
        model.addAttribute("suggestions", programmes.suggestions(ProgrammeId.of(id)));
        model.addAttribute("trends", Trends.of(adherence.byWeek()));
        model.addAttribute("names", programme.items().stream().collect(Collectors.toMap(Programme.Item::exerciseId, Programme.Item::name)));
        model.addAttribute("library", library.search(ExerciseLibrary.Filter.none(), ExerciseLibrary.ENGLISH).stream()
                .filter(e -> programme.items().stream().noneMatch(i -> i.exerciseId().equals(e.id()))).toList());
        model.addAttribute("regions", Exercise.Region.values());
        return "exercise/programme";
    }

    @GetMapping("/{id}/handout.pdf")
    org.springframework.http.ResponseEntity<byte[]> handout(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean large,
                                                            jakarta.servlet.http.HttpServletRequest request) {
        return pdf(handouts.pdf(id, large, appUrl(request)), large);
    }

    static String appUrl(jakarta.servlet.http.HttpServletRequest request) {
        return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request).path("/my/exercises").build().toUriString();
    }

    static org.springframework.http.ResponseEntity<byte[]> pdf(byte[] bytes, boolean large) {
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.inline()
                        .filename(large ? "exercise-programme-large-print.pdf" : "exercise-programme.pdf").build().toString())
                .body(bytes);
    }

    @PostMapping("/{id}/suggestions")
    String decide(@PathVariable UUID id, @RequestParam int version, @RequestParam String from, @RequestParam String to,
                  @RequestParam boolean accept, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return change(id, redirect, () -> {
            programmes.decide(ProgrammeId.of(id), version, from, to, accept, reason);
            return accept ? "Moved on to the harder version: the patient sees it now." : "Suggestion rejected; the reason is kept.";
        });
    }

    @PostMapping("/{id}/items")
    String add(@PathVariable UUID id, @RequestParam int version, @RequestParam(defaultValue = "") String exercise, RedirectAttributes redirect) {
        return change(id, redirect, () -> {
            Programme changed = programmes.addExercise(ProgrammeId.of(id), version, exercise);
            return changed.tooMany() ? "Added. The programme now has " + changed.items().size() + " exercises: people do fewer exercises more often; "
                    + "consider keeping it to " + Programme.ADVISED_MAXIMUM + " or fewer." : "Added.";
        });
    }

    @PostMapping("/{id}/items/{exercise}/remove")
    String remove(@PathVariable UUID id, @PathVariable String exercise, @RequestParam int version, RedirectAttributes redirect) {
        return change(id, redirect, () -> {
            programmes.removeExercise(ProgrammeId.of(id), version, exercise);
            return "Removed.";
        });
    }

    @PostMapping("/{id}/items/{exercise}/move")
    String move(@PathVariable UUID id, @PathVariable String exercise, @RequestParam int version, @RequestParam boolean up, RedirectAttributes redirect) {
        return change(id, redirect, () -> {
            programmes.moveExercise(ProgrammeId.of(id), version, exercise, up);
            return "Moved.";
        });
    }

    @PostMapping("/{id}/items/{exercise}/dose")
    String dose(@PathVariable UUID id, @PathVariable String exercise, @RequestParam int version, @RequestParam(defaultValue = "") String sets,
                @RequestParam(defaultValue = "0") String reps, @RequestParam(defaultValue = "0") String holdSeconds,
                @RequestParam(defaultValue = "0") String restSeconds, @RequestParam(defaultValue = "") String timesPerDay,
                @RequestParam(defaultValue = "") String daysPerWeek, @RequestParam(defaultValue = "") String notes,
                @RequestParam(defaultValue = "") String progressWeeks, @RequestParam(defaultValue = "") String progressPain, RedirectAttributes redirect) {
        return change(id, redirect, () -> {
            programmes.setDose(ProgrammeId.of(id), version, exercise, new Exercise.Dose(number(sets, "sets"), number(reps, "reps"), number(holdSeconds, "holdSeconds"),
                    number(restSeconds, "restSeconds"), number(timesPerDay, "timesPerDay"), number(daysPerWeek, "daysPerWeek")), notes,
                    progressWeeks.isBlank() ? null : number(progressWeeks, "progressWeeks"), progressPain.isBlank() ? null : number(progressPain, "progressPain"));
            return "Dose and progression rule saved.";
        });
    }

    @PostMapping("/{id}/dates")
    String dates(@PathVariable UUID id, @RequestParam int version, @RequestParam(defaultValue = "") String startDate,
                 @RequestParam(defaultValue = "") String endDate, RedirectAttributes redirect) {
        return change(id, redirect, () -> {
            programmes.setDates(ProgrammeId.of(id), version, date(startDate, "startDate", "Enter the start date, for example 2025-03-03"),
                    date(endDate, "endDate", "Enter the end date, for example 2025-04-14"));
            return "Dates saved.";
        });
    }

    /** The page asks every time: only a programme agreed at an assessment stops the person's waiting-list clock. */
    /** Where a clinician gives a programme; the person's own start at self-referral is not chosen here. */
    static ProgrammeSource source(String value) {
        try {
            ProgrammeSource source = ProgrammeSource.valueOf(value == null ? "" : value.strip());
            if (source != ProgrammeSource.SELF_REFERRAL) {
                return source;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new InvalidInputException("source", "Choose where the programme is given: CLINICIAN, TRIAGE or FRACTURE_CLINIC");
    }

    static ProgrammePurpose purpose(String value) {
        try {
            return ProgrammePurpose.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("purpose", "Choose whether this programme is the person's treatment, agreed at an assessment, "
                    + "or a starter programme while they wait");
        }
    }

    private static LocalDate date(String value, String field, String message) {
        try {
            return value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, message);
        }
    }

    private String change(UUID id, RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("done", action.get());
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/programmes/" + id;
    }

    static int number(String value, String field) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "Enter a whole number for " + field);
        }
    }
}

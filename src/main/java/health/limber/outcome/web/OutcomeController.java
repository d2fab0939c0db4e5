package health.limber.outcome.web;

import health.limber.outcome.Answers;
import health.limber.outcome.OutcomeResponse;
import health.limber.outcome.OutcomeResponses;
import health.limber.outcome.QuestionnaireDefinition;
import health.limber.outcome.Questionnaires;
import health.limber.patient.PatientId;
import health.limber.patient.PatientManagement;
import health.limber.platform.ConflictException;
import health.limber.platform.InvalidFieldsException;
import health.limber.platform.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages: a paper questionnaire entered on the person's behalf (all its questions on one page,
 * recorded as a paper form by the signed-in clinician), and the administrator's list of
 * questionnaires in force with the upload of a new one.
 */
@Controller
class OutcomeController {

    private final OutcomeResponses responses;
    private final Questionnaires questionnaires;
    private final PatientManagement patients;

    OutcomeController(OutcomeResponses responses, Questionnaires questionnaires, PatientManagement patients) {
        this.responses = responses;
        this.questionnaires = questionnaires;
        this.patients = patients;
    }

    @GetMapping("/patients/{id}/questionnaires/new")
    String paperForm(@PathVariable UUID id, @RequestParam(required = false) String instrument, @RequestParam(required = false) UUID due,
                     Model model) {
        model.addAttribute("banner", patients.banner(PatientId.of(id)));
        model.addAttribute("patientId", id);
        model.addAttribute("all", questionnaires.all());
        if (instrument != null && !instrument.isBlank()) {
            QuestionnaireDefinition definition = questionnaires.get(instrument);
            model.addAttribute("definition", definition);
            model.addAttribute("pages", QuestionPages.of(definition, new Answers()));
            model.addAttribute("key", UUID.randomUUID().toString());
        }
        model.addAttribute("due", due);
        return "outcome/paper";
    }

    @PostMapping("/patients/{id}/questionnaires")
    String recordPaper(@PathVariable UUID id, @RequestParam String instrument, @RequestParam(required = false) UUID due, @RequestParam String key,
                       @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        QuestionnaireDefinition definition = questionnaires.get(instrument);
        Answers answers = new Answers();
        try {
            for (QuestionPages.Page page : QuestionPages.of(definition, Answers.of())) {
                page.fromForm(form).asMap().forEach(answers::put);
            }
            // questions asked only after an earlier answer (enableWhen) are read from the form too
            definition.questions().stream().filter(q -> q.group() == null && !answers.has(q.linkId()))
                    .forEach(q -> answers.put(q.linkId(), form.getOrDefault(q.linkId(), java.util.List.of()).stream().filter(v -> !v.isBlank()).toList()));
            OutcomeResponse recorded = responses.record(PatientId.of(id), instrument, answers, due, key, OutcomeResponse.Source.PAPER);
            redirect.addFlashAttribute("done", definition.title() + " recorded from the paper form" + recorded.scores().stream()
                    .filter(s -> s.computed()).map(s -> ": " + s.label() + " " + s.shown()).findFirst().orElse(""));
            return "redirect:/patients/" + id + "/questionnaires/new";
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e instanceof InvalidFieldsException many ? many.errors() : Map.of(e.field(), e.getMessage()));
            model.addAttribute("banner", patients.banner(PatientId.of(id)));
            model.addAttribute("patientId", id);
            model.addAttribute("all", questionnaires.all());
            model.addAttribute("definition", definition);
            model.addAttribute("pages", QuestionPages.of(definition, answers).stream().map(p -> p.withTyped(form)).toList());
            model.addAttribute("key", key);
            model.addAttribute("due", due);
            return "outcome/paper";
        }
    }

    @GetMapping("/admin/questionnaires")
    String list(Model model) {
        model.addAttribute("all", questionnaires.all());
        return "outcome/admin";
    }

    @PostMapping("/admin/questionnaires")
    String upload(@RequestParam(required = false) MultipartFile questionnaire, @RequestParam(required = false) MultipartFile scoring, Model model,
                  RedirectAttributes redirect) throws IOException {
        try {
            if (questionnaire == null || questionnaire.isEmpty() || scoring == null || scoring.isEmpty()) {
                throw new InvalidInputException("questionnaire", "Choose both files: the FHIR Questionnaire and its scoring rules");
            }
            if (questionnaire.getSize() > 1_000_000 || scoring.getSize() > 100_000) {
                throw new InvalidInputException("questionnaire", "The questionnaire must be under 1 MB and its scoring rules under 100 KB");
            }
            QuestionnaireDefinition loaded = questionnaires.upload(new String(questionnaire.getBytes(), StandardCharsets.UTF_8),
                    new String(scoring.getBytes(), StandardCharsets.UTF_8));
            redirect.addFlashAttribute("done", loaded.title() + " version " + loaded.version() + " is now in use");
            return "redirect:/admin/questionnaires";
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("problems", e instanceof InvalidFieldsException many ? many.errors().values()
                    : java.util.List.of(e.getMessage()));
            model.addAttribute("all", questionnaires.all());
            return "outcome/admin";
        }
    }
}

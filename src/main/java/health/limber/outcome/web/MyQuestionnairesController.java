package health.limber.outcome.web;

import health.limber.identity.CurrentActor;
import health.limber.outcome.OutcomeDue;
import health.limber.outcome.OutcomeResponse;
import health.limber.outcome.OutcomeResponses;
import health.limber.outcome.OutcomeSchedules;
import health.limber.outcome.QuestionnaireDefinition;
import health.limber.outcome.Questionnaires;
import health.limber.patient.PatientId;
import health.limber.platform.InvalidFieldsException;
import health.limber.platform.InvalidInputException;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The person's questionnaires in the app: what is due, one question per page (saved as they go, so
 * they can stop and come back), a check page before sending, and their own scores over time.
 */
@Controller
class MyQuestionnairesController {

    private final OutcomeSchedules schedules;
    private final OutcomeResponses responses;
    private final Questionnaires questionnaires;
    private final CurrentActor currentActor;
    private final boolean seesScores;

    MyQuestionnairesController(OutcomeSchedules schedules, OutcomeResponses responses, Questionnaires questionnaires, CurrentActor currentActor,
                               @Value("${limber.outcome.patient-sees-scores:true}") boolean seesScores) {
        this.schedules = schedules;
        this.responses = responses;
        this.questionnaires = questionnaires;
        this.currentActor = currentActor;
        this.seesScores = seesScores;
    }

    private PatientId me() {
        return PatientId.of(currentActor.get().patientId());
    }

    @GetMapping("/my/questionnaires")
    String list(Model model) {
        List<OutcomeDue> due = schedules.dueNow(me());
        model.addAttribute("due", due);
        model.addAttribute("titles", due.stream().map(OutcomeDue::instrument).distinct()
                .collect(java.util.stream.Collectors.toMap(k -> k, k -> questionnaires.get(k).title())));
        model.addAttribute("optedOut", schedules.optedOut(me().value()));
        model.addAttribute("seesScores", seesScores);
        return "outcome/my-questionnaires";
    }

    @PostMapping("/my/questionnaires/due/{dueId}")
    String start(@PathVariable UUID dueId) {
        OutcomeResponse response = responses.startDue(dueId);
        return "redirect:/my/questionnaires/" + response.id() + "/1";
    }

    @GetMapping("/my/questionnaires/{id}/{page}")
    String question(@PathVariable UUID id, @PathVariable int page, Model model) {
        OutcomeResponse response = responses.read(id);
        if (response.completed()) {
            return "redirect:/my/questionnaires";
        }
        QuestionnaireDefinition definition = questionnaires.get(response.instrument());
        List<QuestionPages.Page> pages = QuestionPages.of(definition, response.answers());
        if (page < 1 || page > pages.size()) {
            return "redirect:/my/questionnaires/" + id + "/check";
        }
        model.addAttribute("response", response);
        model.addAttribute("definition", definition);
        model.addAttribute("instrumentNotice", definition.licensed() ? questionnaires.notice(definition) : null);
        model.addAttribute("demoWording", definition.licensed() && questionnaires.demoWording());
        model.addAttribute("page", pages.get(page - 1));
        model.addAttribute("number", page);
        model.addAttribute("pages", pages.size());
        return "outcome/my-question";
    }

    @PostMapping("/my/questionnaires/{id}/{page}")
    String answer(@PathVariable UUID id, @PathVariable int page, @RequestParam long version, @RequestParam MultiValueMap<String, String> form,
                  Model model) {
        OutcomeResponse response = responses.read(id);
        QuestionnaireDefinition definition = questionnaires.get(response.instrument());
        List<QuestionPages.Page> pages = QuestionPages.of(definition, response.answers());
        if (page < 1 || page > pages.size()) {
            return "redirect:/my/questionnaires/" + id + "/check";
        }
        QuestionPages.Page shown = pages.get(page - 1);
        try {
            response = responses.save(id, version, shown.fromForm(form));
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e instanceof InvalidFieldsException many ? many.errors() : java.util.Map.of(e.field(), e.getMessage()));
            model.addAttribute("response", response);
            model.addAttribute("definition", definition);
            model.addAttribute("page", shown.withTyped(form));
            model.addAttribute("number", page);
            model.addAttribute("pages", pages.size());
            return "outcome/my-question";
        }
        int next = QuestionPages.nextAfter(definition, response.answers(), shown);
        return next < 0 ? "redirect:/my/questionnaires/" + id + "/check" : "redirect:/my/questionnaires/" + id + "/" + next;
    }

    @GetMapping("/my/questionnaires/{id}/check")
    String check(@PathVariable UUID id, Model model) {
        OutcomeResponse response = responses.read(id);
        QuestionnaireDefinition definition = questionnaires.get(response.instrument());
        model.addAttribute("response", response);
        model.addAttribute("definition", definition);
        model.addAttribute("pages", QuestionPages.of(definition, response.answers()));
        return "outcome/my-check";
    }

    @PostMapping("/my/questionnaires/{id}/send")
    String send(@PathVariable UUID id, @RequestParam long version, Model model, RedirectAttributes redirect) {
        try {
            OutcomeResponse sent = responses.submit(id, version);
            redirect.addFlashAttribute("done", "Thank you. Your answers to " + questionnaires.get(sent.instrument()).title() + " have been sent.");
            return "redirect:/my/questionnaires";
        } catch (InvalidFieldsException e) {
            OutcomeResponse response = responses.read(id);
            QuestionnaireDefinition definition = questionnaires.get(response.instrument());
            model.addAttribute("response", response);
            model.addAttribute("definition", definition);
            model.addAttribute("pages", QuestionPages.of(definition, response.answers()));
            model.addAttribute("problems", e.errors());
            model.addAttribute("pageOf", QuestionPages.pageNumbers(definition, response.answers()));
            return "outcome/my-check";
        }
    }

    @GetMapping("/my/questionnaires/scores")
    String scores(Model model) {
        if (!seesScores) {
            return "redirect:/my/questionnaires";
        }
        List<OutcomeResponse> mine = responses.ofPatient(me());
        model.addAttribute("responses", mine);
        model.addAttribute("titles", mine.stream().map(OutcomeResponse::instrument).distinct()
                .collect(java.util.stream.Collectors.toMap(k -> k, k -> questionnaires.get(k).title())));
        model.addAttribute("changes", responses.changes(mine));
        return "outcome/my-scores";
    }

    @PostMapping("/my/questionnaires/reminders")
    String reminders(@RequestParam boolean stop, RedirectAttributes redirect) {
        if (stop) {
            schedules.stopReminders(me());
            redirect.addFlashAttribute("done", "We will not send you reminders about questionnaires. You can still answer them here.");
        } else {
            schedules.restartReminders(me());
            redirect.addFlashAttribute("done", "We will remind you when a questionnaire is due.");
        }
        return "redirect:/my/questionnaires";
    }
}

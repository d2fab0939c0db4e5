package health.limber.support.web;

import health.limber.identity.CurrentActor;
import health.limber.patient.PatientId;
import health.limber.platform.ConflictException;
import health.limber.platform.InvalidInputException;
import health.limber.support.internal.Need;
import health.limber.support.internal.SupportManagement;
import health.limber.support.internal.SupportReferral;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** In the app: "I'd like help with work / money", what has happened since, and withdrawing consent. */
@Controller
class MySupportController {

    private final SupportManagement support;
    private final CurrentActor currentActor;

    MySupportController(SupportManagement support, CurrentActor currentActor) {
        this.support = support;
        this.currentActor = currentActor;
    }

    @GetMapping("/my/support")
    String page(Model model) {
        return page(model, Map.of(), null, null);
    }

    @PostMapping("/my/support")
    String ask(@RequestParam(required = false) String need, @RequestParam(required = false) String reason,
               @RequestParam(defaultValue = "false") boolean shareClinical, @RequestParam(required = false) String formKey, Model model,
               RedirectAttributes redirect) {
        try {
            Need chosen = SupportController.choice(Need.class, "need", need);
            if (chosen == null) {
                throw new InvalidInputException("need", "Choose whether you would like help with work or with money");
            }
            String service = chosen == Need.EMPLOYMENT ? "IN_HOUSE_EMPLOYMENT" : "IN_HOUSE_DEBT";
            support.refer(new SupportManagement.NewReferral(me().value(), null, service, reason, SupportReferral.Source.PATIENT, false, null,
                    shareClinical), formKey);
        } catch (InvalidInputException | ConflictException e) {
            String field = e instanceof InvalidInputException invalid ? invalid.field() : ((ConflictException) e).field();
            return page(model, Map.of(field, e.getMessage()), need, reason);
        }
        redirect.addFlashAttribute("done", "Thank you. An adviser will contact you, usually within 2 weeks.");
        return "redirect:/my/support";
    }

    @PostMapping("/my/support/{id}/withdraw")
    String withdraw(@PathVariable UUID id, RedirectAttributes redirect, Model model) {
        try {
            support.withdrawConsent(id);
        } catch (ConflictException e) {
            return page(model, Map.of("consent", e.getMessage()), null, null);
        }
        redirect.addFlashAttribute("done", "You have withdrawn your consent. We have recorded it and will share nothing more.");
        return "redirect:/my/support";
    }

    private String page(Model model, Map<String, String> errors, String need, String reason) {
        model.addAttribute("referrals", support.ofPatient(me()));
        model.addAttribute("errors", errors);
        model.addAttribute("need", need);
        model.addAttribute("reason", reason);
        model.addAttribute("formKey", UUID.randomUUID().toString());
        return "support/my-support";
    }

    private PatientId me() {
        return PatientId.of(currentActor.get().patientId());
    }
}

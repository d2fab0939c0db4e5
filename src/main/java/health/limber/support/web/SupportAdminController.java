package health.limber.support.web;

import health.limber.identity.CurrentActor;
import health.limber.organisation.Organisations;
import health.limber.platform.ConflictException;
import health.limber.platform.InvalidInputException;
import health.limber.support.internal.Need;
import health.limber.support.internal.SupportManagement;
import health.limber.support.internal.SupportService;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An administrator adds local work and money services with their contact route (the API is in {@link SupportApiController}). */
@Controller
class SupportAdminController {

    private final SupportManagement support;
    private final Organisations organisations;
    private final CurrentActor currentActor;

    SupportAdminController(SupportManagement support, Organisations organisations, CurrentActor currentActor) {
        this.support = support;
        this.organisations = organisations;
        this.currentActor = currentActor;
    }

    @GetMapping("/admin/support-services")
    String page(Model model) {
        return page(model, Map.of(), null);
    }

    @PostMapping("/admin/support-services")
    String add(@RequestParam(required = false) String code, @RequestParam(required = false) String name, @RequestParam(required = false) String need,
               @RequestParam(required = false) String icbCode, @RequestParam(required = false) String email, @RequestParam(required = false) String phone,
               @RequestParam(required = false) String website, @RequestParam(required = false) String description, Model model,
               RedirectAttributes redirect) {
        SupportService typed = new SupportService(code, name, null, false, icbCode, email, phone, website, description, true);
        try {
            SupportService added = support.addService(new SupportService(code, name, SupportController.choice(Need.class, "need", need), false, icbCode,
                    email, phone, website, description, true));
            redirect.addFlashAttribute("done", added.name() + " added: staff can refer to it now");
            return "redirect:/admin/support-services";
        } catch (InvalidInputException | ConflictException e) {
            String field = e instanceof InvalidInputException invalid ? invalid.field() : ((ConflictException) e).field();
            return page(model, Map.of(field, e.getMessage()), typed);
        }
    }

    private String page(Model model, Map<String, String> errors, SupportService typed) {
        model.addAttribute("services", support.services());
        model.addAttribute("icbs", organisations.icbs().stream().filter(i -> currentActor.get().servedIcbs().contains(i.code())).toList());
        model.addAttribute("needs", Need.values());
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "support/admin";
    }
}

package health.limber.clinic.web;

import health.limber.clinic.Hubs;
import health.limber.identity.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The hubs of the ICBs the signed-in person's organisation serves. */
@Controller
class HubController {

    private final Hubs hubs;
    private final CurrentActor currentActor;

    HubController(Hubs hubs, CurrentActor currentActor) {
        this.hubs = hubs;
        this.currentActor = currentActor;
    }

    @GetMapping("/hubs")
    String hubs(Model model) {
        model.addAttribute("hubs", hubs.inIcbs(currentActor.get().servedIcbs()));
        return "clinic/hubs";
    }
}

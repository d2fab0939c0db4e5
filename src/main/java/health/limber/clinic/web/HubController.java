package health.limber.clinic.web;

import health.limber.clinic.ClinicDays;
import health.limber.clinic.HubResources;
import health.limber.clinic.Hubs;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.platform.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The hubs of the ICBs the signed-in person's organisation serves: rooms, practitioners, services. */
@Controller
class HubController {

    private final Hubs hubs;
    private final HubResources resources;
    private final ClinicDays clinicDays;
    private final CurrentActor currentActor;

    HubController(Hubs hubs, HubResources resources, ClinicDays clinicDays, CurrentActor currentActor) {
        this.hubs = hubs;
        this.resources = resources;
        this.clinicDays = clinicDays;
        this.currentActor = currentActor;
    }

    @GetMapping("/hubs")
    String hubs(Model model) {
        var list = hubs.inIcbs(currentActor.get().servedIcbs());
        Map<UUID, List<ClinicDays.Practitioner>> practitioners = new LinkedHashMap<>();
        list.forEach(h -> practitioners.put(h.id(), clinicDays.practitionersOf(h.id())));
        model.addAttribute("hubs", list);
        model.addAttribute("practitioners", practitioners);
        model.addAttribute("services", resources.services());
        model.addAttribute("canChange", currentActor.get().role() == Role.SERVICE_MANAGER);
        return "clinic/hubs";
    }

    @PostMapping("/hubs/{hub}/practitioners")
    String addPractitioner(@PathVariable UUID hub, @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String service,
                           @RequestParam(defaultValue = "") String languages, RedirectAttributes redirect) {
        return change(redirect, "hub-" + hub, () -> {
            resources.addPractitioner(hub, name, service, languages);
            return name.strip() + " added.";
        });
    }

    @PostMapping("/hubs/{hub}/practitioners/{practitioner}/account")
    String linkAccount(@PathVariable UUID hub, @PathVariable UUID practitioner, @RequestParam(defaultValue = "") String username,
                       RedirectAttributes redirect) {
        return change(redirect, "hub-" + hub, () -> {
            resources.linkPractitioner(practitioner, username);
            return username.isBlank() ? "Sign-in unlinked." : "Linked to the sign-in " + username.strip() + ".";
        });
    }

    @PostMapping("/hubs/rooms/{room}")
    String roomServices(@PathVariable UUID room, @RequestParam(required = false) List<String> services, RedirectAttributes redirect) {
        return change(redirect, "room-" + room, () -> {
            resources.setRoomServices(room, services == null ? List.of() : services);
            return "Room saved.";
        });
    }

    @PostMapping("/hubs/services")
    String addService(@RequestParam(defaultValue = "") String serviceName, @RequestParam(defaultValue = "") String purpose,
                      @RequestParam(defaultValue = "30") String serviceMinutes, RedirectAttributes redirect) {
        return change(redirect, "services", () -> {
            var added = resources.addService(serviceName, purpose, ClinicDayController.number(serviceMinutes, "serviceMinutes"));
            return added.name() + " added. Choose the rooms that can host it and add the practitioners who give it.";
        });
    }

    private String change(RedirectAttributes redirect, String anchor, java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("done", action.get());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/hubs#" + anchor;
    }
}

package health.limber.episode.web;

import health.limber.episode.internal.EpisodeId;
import health.limber.episode.internal.EpisodeManagement;
import health.limber.platform.InvalidInputException;
import health.limber.platform.LimberTime;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The patient's own care with the service in plain words, and asking for a follow-up while their window is open. */
@Controller
class MyCareController {

    private final EpisodeManagement episodes;
    private final Clock clock;

    MyCareController(EpisodeManagement episodes, Clock clock) {
        this.episodes = episodes;
        this.clock = clock;
    }

    @GetMapping("/my/care")
    String care(Model model) {
        model.addAttribute("episodes", episodes.mine());
        model.addAttribute("today", LimberTime.today(clock));
        return "episode/my-care";
    }

    @PostMapping("/my/care/{id}/follow-up")
    String requestFollowUp(@PathVariable UUID id, @RequestParam(required = false) String what, RedirectAttributes redirect) {
        try {
            episodes.requestFollowUp(EpisodeId.of(id), what);
            redirect.addFlashAttribute("done", "Thank you. The team will contact you to arrange your follow-up appointment.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            redirect.addFlashAttribute("what", what);
        }
        return "redirect:/my/care";
    }
}

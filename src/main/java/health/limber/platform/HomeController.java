package health.limber.platform;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page: an introduction for visitors, a home page for each role once signed in. */
@Controller
class HomeController {

    private final List<HomeFigures> figures;

    HomeController(List<HomeFigures> figures) {
        this.figures = figures;
    }

    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return "platform/welcome";
        }
        if (has(authentication, "ROLE_PATIENT")) {
            return "redirect:/my";
        }
        model.addAttribute("figures", figures.stream().flatMap(f -> f.figures().stream()).toList());
        model.addAttribute("panels", figures.stream().flatMap(f -> f.panels().stream()).toList());
        return "platform/home";
    }

    @GetMapping("/accessibility")
    String accessibility() {
        return "platform/accessibility";
    }

    @GetMapping("/privacy")
    String privacy() {
        return "platform/privacy";
    }

    private static boolean has(Authentication authentication, String authority) {
        return authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(authority));
    }
}

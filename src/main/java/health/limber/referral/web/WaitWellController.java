package health.limber.referral.web;

import health.limber.referral.BodySite;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Wait well": advice for everyone waiting, by where it hurts. Back-pain safety-netting (cauda
 * equina symptoms) is always shown, whatever the site (DOMAIN.md §4). Public: it holds no personal data.
 */
@Controller
class WaitWellController {

    @GetMapping("/wait-well")
    String waitWell(@RequestParam(required = false) List<String> sites, Model model) {
        Set<BodySite> chosen = EnumSet.noneOf(BodySite.class);
        if (sites != null) {
            for (String site : sites) {
                for (BodySite b : BodySite.values()) {
                    if (b.name().equalsIgnoreCase(site.replace("[", "").replace("]", "").trim())) {
                        chosen.add(b);
                    }
                }
            }
        }
        model.addAttribute("sites", chosen);
        return "referral/wait-well";
    }
}

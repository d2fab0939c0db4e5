package health.limber.notification.web;

import health.limber.notification.Outbox;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Messages queued and sent to patients of the reader's ICBs: what the demo "sends". */
@Controller
class MessagesController {

    private final Outbox outbox;

    MessagesController(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/messages")
    String messages(Model model) {
        model.addAttribute("messages", outbox.recent(200));
        return "notification/messages";
    }
}

package health.limber.identity.web;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The two ways in: staff with a password, patients with an access code and date of birth. */
@Controller
class SignInController {

    @GetMapping("/sign-in")
    String staffSignIn(@RequestParam(required = false) String error, Model model) {
        model.addAttribute("errors", error == null ? Map.of() : Map.of("username", switch (error) {
                case "locked" -> "This account is locked after 5 failed sign-ins. Try again in 15 minutes or ask an administrator to reset your password.";
                case "disabled" -> "This account has been disabled. Ask an administrator.";
                default -> "Enter a valid username and password";
            }));
        return "identity/sign-in";
    }

    @GetMapping("/patient/sign-in")
    String patientSignIn(@RequestParam(required = false) String error, Model model) {
        model.addAttribute("errors", error == null ? Map.of() : Map.of("code", switch (error) {
                case "locked" -> "Too many tries with this code. Wait 15 minutes, or ask your clinician for a new code.";
                case "expired" -> "This code has already been used or has expired. Ask your clinician for a new code.";
                default -> "Check your access code and date of birth. The code is 8 letters and numbers from your clinician.";
            }));
        return "identity/patient-sign-in";
    }
}

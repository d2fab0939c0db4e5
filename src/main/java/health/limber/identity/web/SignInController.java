package health.limber.identity.web;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import health.limber.identity.StaffAccounts;
import health.limber.platform.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.RequestParam;

/** The two ways in: staff with a password, patients with an access code and date of birth. */
@Controller
class SignInController {

    private final StaffAccounts accounts;

    SignInController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    /** Where a member of staff whose password an administrator set chooses their own (they proved the one they were given). */
    @GetMapping("/sign-in/new-password")
    String newPassword(Model model) {
        model.addAttribute("errors", Map.of());
        model.addAttribute("username", "");
        return "identity/new-password";
    }

    @PostMapping("/sign-in/new-password")
    String chooseNewPassword(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String currentPassword,
                             @RequestParam(defaultValue = "") String newPassword, @RequestParam(defaultValue = "") String confirmPassword,
                             Model model, RedirectAttributes redirect) {
        try {
            if (!newPassword.equals(confirmPassword)) {
                throw new InvalidInputException("confirmPassword", "Enter the same new password twice");
            }
            accounts.chooseOwnPassword(username, currentPassword, newPassword);
            redirect.addFlashAttribute("notice", "Your password is saved. Sign in with it now.");
            return "redirect:/sign-in";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
            model.addAttribute("username", username);
            return "identity/new-password";
        }
    }

    @GetMapping("/sign-in")
    String staffSignIn(@RequestParam(required = false) String error, Model model) {
        model.addAttribute("errors", error == null ? Map.of() : Map.of("username", switch (error) {
                case "throttled" -> "Too many failed sign-ins. Wait a few minutes (up to 15) and try again, or sign in from a computer you have "
                        + "used before. If you have forgotten your password, ask an administrator.";
                default -> "Enter a valid username and password. If your account may have been disabled, ask an administrator.";
            }));
        return "identity/sign-in";
    }

    @GetMapping("/patient/sign-in")
    String patientSignIn(@RequestParam(required = false) String error, Model model) {
        model.addAttribute("errors", error == null ? Map.of() : Map.of("code", switch (error) {
                case "throttled" -> "Too many tries from this device. Wait a few minutes (up to 15) and try again.";
                default -> "We could not sign you in. Check the code (8 letters and numbers from your clinician) and your date of birth. "
                        + "A code works once, for 30 days: if yours has been used or is older, or you have tried several times, "
                        + "ask your clinician for a new one.";
            }));
        return "identity/patient-sign-in";
    }
}

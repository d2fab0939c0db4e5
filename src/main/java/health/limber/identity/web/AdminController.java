package health.limber.identity.web;

import health.limber.identity.AuditLog;
import health.limber.identity.Role;
import health.limber.identity.StaffAccounts;
import health.limber.identity.StaffAccounts.NewStaffUser;
import health.limber.platform.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators: their organisation's staff accounts (create, reset password, change role, unlock,
 * disable) and its audit events; a system administrator does the same for every organisation.
 */
@Controller
class AdminController {

    private final StaffAccounts accounts;
    private final AuditLog auditLog;

    AdminController(StaffAccounts accounts, AuditLog auditLog) {
        this.accounts = accounts;
        this.auditLog = auditLog;
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        model.addAttribute("users", accounts.all());
        return "identity/users";
    }

    @GetMapping("/admin/users/new")
    String newUser(Model model) {
        var own = accounts.organisations();
        model.addAttribute("form", new NewStaffUser("", "", Role.CLINICIAN, own.size() == 1 ? own.get(0).code() : "", ""));
        return newUserForm(model, Map.of());
    }

    @PostMapping("/admin/users")
    String create(@ModelAttribute("form") NewStaffUser form, Model model, RedirectAttributes redirect) {
        try {
            var user = accounts.create(form);
            redirect.addFlashAttribute("notice", "Account " + user.username() + " created for " + user.displayName());
            return "redirect:/admin/users";
        } catch (InvalidInputException e) {
            return newUserForm(model, Map.of(e.field(), e.getMessage()));
        }
    }

    private String newUserForm(Model model, Map<String, String> errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("roles", STAFF_ROLES);
        model.addAttribute("providers", accounts.organisations());
        return "identity/user-new";
    }

    /** The roles an administrator can give (a system administrator is made only on the server, by ./limber setup). */
    static final java.util.List<Role> STAFF_ROLES = Arrays.stream(Role.values())
            .filter(r -> r.isStaff() && r != Role.SYSTEM_ADMIN).toList();

    @GetMapping("/admin/users/{id}")
    String user(@PathVariable UUID id, Model model) {
        return userPage(id, Map.of(), model);
    }

    private String userPage(UUID id, Map<String, String> errors, Model model) {
        model.addAttribute("user", accounts.read(id));
        model.addAttribute("roles", STAFF_ROLES);
        model.addAttribute("errors", errors);
        return "identity/user";
    }

    @PostMapping("/admin/users/{id}/role")
    String changeRole(@PathVariable UUID id, @RequestParam(required = false) Role role, Model model, RedirectAttributes redirect) {
        try {
            accounts.changeRole(id, role);
            redirect.addFlashAttribute("notice", "Role changed to " + role.label().toLowerCase());
            return "redirect:/admin/users/" + id;
        } catch (InvalidInputException e) {
            return userPage(id, Map.of(e.field(), e.getMessage()), model);
        }
    }

    @PostMapping("/admin/users/{id}/unlock")
    String unlock(@PathVariable UUID id, RedirectAttributes redirect) {
        accounts.unlock(id);
        redirect.addFlashAttribute("notice", "Account unlocked");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/password")
    String resetPassword(@PathVariable UUID id, @RequestParam String password, Model model, RedirectAttributes redirect) {
        try {
            accounts.resetPassword(id, password);
            redirect.addFlashAttribute("notice", "Password reset. Give it to the person securely: they must choose their own when they next sign in.");
            return "redirect:/admin/users/" + id;
        } catch (InvalidInputException e) {
            return userPage(id, Map.of(e.field(), e.getMessage()), model);
        }
    }

    @PostMapping("/admin/users/{id}/enabled")
    String setEnabled(@PathVariable UUID id, @RequestParam boolean enabled, Model model, RedirectAttributes redirect) {
        try {
            accounts.setEnabled(id, enabled);
        } catch (InvalidInputException e) {
            return userPage(id, Map.of(e.field(), e.getMessage()), model);
        }
        redirect.addFlashAttribute("notice", enabled ? "Account enabled" : "Account disabled: the person can no longer sign in");
        return "redirect:/admin/users/" + id;
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(required = false) String patient, @RequestParam(required = false) String user,
                 @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        UUID patientId = parse(patient, "patient", errors, UUID::fromString, "Enter a patient id (a UUID from the patient's page)");
        LocalDate fromDate = parse(from, "from", errors, LocalDate::parse, "Enter the from date as yyyy-mm-dd");
        LocalDate toDate = parse(to, "to", errors, LocalDate::parse, "Enter the to date as yyyy-mm-dd");
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.put("to", "The to date must be the same as or after the from date");
        }
        model.addAttribute("errors", errors);
        model.addAttribute("patientFilter", patient);
        model.addAttribute("userFilter", user);
        model.addAttribute("fromFilter", from);
        model.addAttribute("toFilter", to);
        model.addAttribute("events", errors.isEmpty()
                ? auditLog.searchAsAdministrator(new AuditLog.Query(patientId, user, fromDate, toDate), 500) : java.util.List.of());
        return "identity/audit";
    }

    private static <T> T parse(String value, String field, Map<String, String> errors,
                               java.util.function.Function<String, T> parser, String message) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.trim());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            errors.put(field, message);
            return null;
        }
    }
}

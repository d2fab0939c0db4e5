package health.limber.support.web;

import health.limber.identity.CurrentActor;
import health.limber.patient.PatientId;
import health.limber.patient.PatientManagement;
import health.limber.platform.ConflictException;
import health.limber.platform.InvalidInputException;
import health.limber.platform.PdfDocuments;
import health.limber.support.internal.Need;
import health.limber.support.internal.SupportManagement;
import health.limber.support.internal.SupportReferral;
import health.limber.support.internal.SupportReferrals;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The adviser's worklist and a support referral's page: accept, contacts, outcomes, close, consent, the letter. */
@Controller
class SupportController {

    static final int PAGE_SIZE = 50;

    private final SupportManagement support;
    private final PatientManagement patients;
    private final CurrentActor currentActor;
    private final PdfDocuments pdfs;
    private final health.limber.clinic.AdviserVisits visits;
    private final java.time.Clock clock;

    SupportController(SupportManagement support, PatientManagement patients, CurrentActor currentActor, PdfDocuments pdfs,
                      health.limber.clinic.AdviserVisits visits, java.time.Clock clock) {
        this.visits = visits;
        this.clock = clock;
        this.support = support;
        this.patients = patients;
        this.currentActor = currentActor;
        this.pdfs = pdfs;
    }

    @GetMapping("/support")
    String worklist(@RequestParam(required = false) String need, @RequestParam(defaultValue = "false") boolean closed,
                    @RequestParam(defaultValue = "0") int page, Model model) {
        Need chosen = choice(Need.class, "need", need);
        List<SupportReferrals.Line> lines = support.worklist(chosen, closed, page, PAGE_SIZE);
        model.addAttribute("lines", lines);
        model.addAttribute("names", patients.banners(lines.stream().map(l -> PatientId.of(l.patientId())).toList()));
        model.addAttribute("total", support.worklistCount(chosen, closed));
        model.addAttribute("closed", closed);
        model.addAttribute("need", chosen);
        model.addAttribute("ownNeed", Need.of(currentActor.get().role()));
        model.addAttribute("needs", Need.values());
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("pageSize", PAGE_SIZE);
        LocalDate today = health.limber.platform.LimberTime.today(clock);
        model.addAttribute("visits", currentActor.get().role().isAdviser() ? visits.mine(today, today.plusDays(13)) : List.of());
        return "support/worklist";
    }

    @GetMapping("/support/referrals/{id}")
    String referral(@PathVariable UUID id, Model model) {
        return page(id, Map.of(), model);
    }

    private String page(UUID id, Map<String, String> errors, Model model) {
        SupportReferral referral = support.read(id);
        model.addAttribute("referral", referral);
        var person = patients.supportDetails(PatientId.of(referral.details().patientId()));
        model.addAttribute("person", person);
        model.addAttribute("banner", banner(person));
        model.addAttribute("modes", SupportReferral.ContactMode.values());
        model.addAttribute("outcomeKinds", SupportReferral.OutcomeKind.values());
        model.addAttribute("closeReasons", List.of(SupportReferral.CloseReason.SUPPORT_GIVEN, SupportReferral.CloseReason.DECLINED,
                SupportReferral.CloseReason.NO_CONTACT, SupportReferral.CloseReason.NOT_SUITABLE));
        model.addAttribute("errors", errors);
        model.addAttribute("kindOfCare", referral.shareClinical() && referral.details().kindOfCare() != null
                ? health.limber.referral.CarePathway.valueOf(referral.details().kindOfCare()).label() : null);
        return "support/referral";
    }

    @PostMapping("/support/referrals/{id}/accept")
    String accept(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        return act(id, model, redirect, "Referral accepted", () -> support.accept(id));
    }

    @PostMapping("/support/referrals/{id}/contacts")
    String contact(@PathVariable UUID id, @RequestParam(required = false) String contactOn, @RequestParam(required = false) String mode,
                   @RequestParam(required = false) String minutes, @RequestParam(required = false) String notes, Model model, RedirectAttributes redirect) {
        model.addAttribute("typedContactOn", contactOn);
        model.addAttribute("typedMinutes", minutes);
        return act(id, model, redirect, "Contact recorded", () -> support.recordContact(id, date("contactOn", contactOn),
                choice(SupportReferral.ContactMode.class, "mode", mode), number("minutes", minutes), notes));
    }

    @PostMapping("/support/referrals/{id}/outcomes")
    String outcome(@PathVariable UUID id, @RequestParam(required = false) String kind, @RequestParam(required = false) String outcomeOn,
                   @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
        model.addAttribute("typedOutcomeOn", outcomeOn);
        return act(id, model, redirect, "Outcome recorded", () -> support.recordOutcome(id,
                choice(SupportReferral.OutcomeKind.class, "kind", kind), date("outcomeOn", outcomeOn), note));
    }

    @PostMapping("/support/referrals/{id}/close")
    String close(@PathVariable UUID id, @RequestParam(required = false) String closeReason, @RequestParam(required = false) String closeNote,
                 Model model, RedirectAttributes redirect) {
        return act(id, model, redirect, "Referral closed", () -> support.close(id,
                choice(SupportReferral.CloseReason.class, "closeReason", closeReason), closeNote));
    }

    @PostMapping("/support/referrals/{id}/consent/withdraw")
    String withdraw(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        return act(id, model, redirect, "Consent withdrawn and recorded", () -> support.withdrawConsent(id));
    }

    @GetMapping("/support/referrals/{id}/letter.pdf")
    ResponseEntity<byte[]> letter(@PathVariable UUID id, HttpServletRequest request) {
        SupportReferral referral = support.read(id);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("referral", referral);
        variables.put("person", patients.supportDetails(PatientId.of(referral.details().patientId())));
        variables.put("from", currentActor.get().displayName());
        byte[] pdf = pdfs.render("support/letter-pdf", variables, request.getRequestURL().toString());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"support-referral-" + id + ".pdf\"").body(pdf);
    }

    private String act(UUID id, Model model, RedirectAttributes redirect, String done, Supplier<SupportReferral> work) {
        try {
            work.get();
        } catch (InvalidInputException | ConflictException e) {
            String field = e instanceof InvalidInputException invalid ? invalid.field() : ((ConflictException) e).field();
            return page(id, Map.of(field, e.getMessage()), model);
        }
        redirect.addFlashAttribute("done", done);
        return "redirect:/support/referrals/" + id;
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "Enter the date as yyyy-mm-dd, for example 2026-03-31");
        }
    }

    /** Who a support page is about, from the support part of the record. */
    static health.limber.patient.PatientBanner banner(health.limber.patient.SupportDetails person) {
        return new health.limber.patient.PatientBanner(person.name(), person.nhsNumber() == null ? null : person.nhsNumber().replace(" ", ""),
                person.birthDate());
    }

    /** A choice from a list; anything else is named as a bad value of the field. */
    static <E extends Enum<E>> E choice(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "Choose one of the options");
        }
    }

    static Integer number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "Enter a whole number");
        }
    }
}

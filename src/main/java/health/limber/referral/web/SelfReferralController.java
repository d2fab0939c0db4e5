package health.limber.referral.web;

import static health.limber.referral.web.SelfReferralAnswers.instrument;
import static health.limber.referral.web.SelfReferralAnswers.sites;

import health.limber.patient.AccessibilityNeeds;
import health.limber.patient.WorkStatus;
import health.limber.platform.InvalidInputException;
import health.limber.platform.InvalidFieldsException;
import health.limber.platform.Languages;
import health.limber.platform.LimberTime;
import health.limber.referral.BodySite;
import health.limber.referral.RedFlagLevel;
import health.limber.referral.RedFlagQuestion;
import health.limber.referral.RedFlagQuestions;
import health.limber.referral.SymptomDuration;
import health.limber.outcome.InstrumentWording;
import health.limber.referral.internal.StarterOffers;
import health.limber.referral.internal.Referral;
import health.limber.referral.internal.ReferralManagement;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public self-referral, one question per page (NHS.UK pattern), no sign-in. The pages are a
 * table of steps ({@link SelfReferralSteps}), each with its question and its check. Answers live in
 * the session until "check your answers"; an emergency red flag records the referral at once and
 * shows the urgent-care page; the final submit is idempotent.
 */
@Controller
@RequestMapping("/self-referral")
class SelfReferralController {

    static final String DRAFT = "selfReferral";
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final ReferralManagement referrals;
    private final RedFlagQuestions questions;
    private final SelfReferralSteps steps;
    private final InstrumentWording wording;
    private final Clock clock;
    private final StarterOffers starters;

    SelfReferralController(ReferralManagement referrals, RedFlagQuestions questions, SelfReferralSteps steps, InstrumentWording wording, Clock clock,
                           StarterOffers starters) {
        this.starters = starters;
        this.referrals = referrals;
        this.questions = questions;
        this.steps = steps;
        this.wording = wording;
        this.clock = clock;
    }

    @GetMapping
    String start(HttpSession session) {
        return "referral/self/start";
    }

    @GetMapping("/{step}")
    String show(@PathVariable String step, @RequestParam(required = false) String change, HttpSession session, Model model) {
        SelfReferralDraft draft = draft(session);
        if (step.equals("check")) {
            return check(draft, model);
        }
        return steps.find(step, draft).map(s -> render(s, draft, Map.of(), change != null, model))
                .orElseGet(() -> "redirect:/self-referral/" + steps.firstUnanswered(draft));
    }

    @PostMapping("/{step}")
    String answer(@PathVariable String step, @RequestParam MultiValueMap<String, String> form,
                  @RequestParam(required = false) String change, HttpSession session, Model model) {
        SelfReferralDraft draft = draft(session);
        SelfReferralStep page = steps.find(step, draft).orElse(null);
        if (page == null) {
            return "redirect:/self-referral/" + steps.firstUnanswered(draft);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String detour = page.accept(form, draft, errors);
        session.setAttribute(DRAFT, draft);
        if (!errors.isEmpty() || SelfReferralStep.STAY.equals(detour)) {
            return render(page, draft, errors, change != null, model);
        }
        draft.done(step);
        session.setAttribute(DRAFT, draft);
        if (detour != null && detour.endsWith("/urgent-care")) {
            session.setAttribute("submittedReferral", draft.key);
            session.removeAttribute(DRAFT);
        }
        if (detour != null) {
            return detour;
        }
        if (change != null && steps.answeredUpToConsent(draft)) {
            return "redirect:/self-referral/check";
        }
        return "redirect:/self-referral/" + steps.next(step, draft);
    }

    @PostMapping("/submit")
    String submit(HttpSession session) {
        SelfReferralDraft draft = draft(session);
        if (!draft.answered.contains("consent")) {
            return "redirect:/self-referral/" + steps.firstUnanswered(draft);
        }
        try {
            referrals.finishSelfReferral(SelfReferralAnswers.input(draft, true, LimberTime.today(clock)), draft.key);
        } catch (InvalidFieldsException e) {
            // the answers were checked page by page; a rule that still fails sends the person back to it
            return "redirect:/self-referral/" + steps.stepOf(e.errors().keySet().iterator().next(), draft);
        }
        session.setAttribute("submittedReferral", draft.key);
        session.removeAttribute(DRAFT);
        return "redirect:/self-referral/confirmation";
    }

    @GetMapping("/confirmation")
    String confirmation(HttpSession session, Model model) {
        Object key = session.getAttribute("submittedReferral");
        Referral referral = key == null ? null : referrals.findSubmitted((String) key).orElse(null);
        if (referral == null) {
            return "redirect:/self-referral";
        }
        model.addAttribute("reference", referral.reference());
        model.addAttribute("urgent", referral.redFlagLevel() == RedFlagLevel.URGENT);
        model.addAttribute("back", referral.bodySites().contains(BodySite.BACK) || referral.bodySites().contains(BodySite.MANY));
        model.addAttribute("sites", referral.bodySites());
        model.addAttribute("starter", starters.offer((String) key).orElse(null));
        return "referral/self/confirmation";
    }

    /** The person takes the starter programme offered on the confirmation page. */
    @PostMapping("/starter")
    String takeStarter(HttpSession session, RedirectAttributes redirect) {
        Object key = session.getAttribute("submittedReferral");
        if (key == null) {
            return "redirect:/self-referral";
        }
        try {
            var started = starters.take((String) key);
            // the session is stored in the database: keep plain strings in it
            redirect.addFlashAttribute("started", new java.util.HashMap<>(Map.of("accessCode", started.accessCode(), "sentTo", started.sentTo(),
                    "programmeName", started.programmeName())));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/self-referral/starter";
    }

    /** The access code, shown once (it was also sent to the person), and how to sign in. */
    @GetMapping("/starter")
    String starter(Model model) {
        if (!model.containsAttribute("started") && !model.containsAttribute("problem")) {
            return "redirect:/self-referral/confirmation";
        }
        return "referral/self/starter";
    }

    @GetMapping("/urgent-care")
    String urgentCare(HttpSession session, Model model) {
        Object key = session.getAttribute("submittedReferral");
        model.addAttribute("reference", key == null ? null
                : referrals.findSubmitted((String) key).map(Referral::reference).orElse(null));
        return "referral/self/urgent-care";
    }

    @GetMapping("/not-eligible")
    String notEligible(@RequestParam(defaultValue = "area") String why, Model model) {
        model.addAttribute("why", why);
        return "referral/self/not-eligible";
    }

    @PostMapping("/start-again")
    String startAgain(HttpSession session) {
        session.removeAttribute(DRAFT);
        return "redirect:/self-referral/age";
    }

    // --- pages -----------------------------------------------------------------------------------

    private String render(SelfReferralStep step, SelfReferralDraft draft, Map<String, String> errors, boolean change, Model model) {
        String previous = steps.previous(step.name(), draft);
        model.addAttribute("step", step.name());
        model.addAttribute("change", change);
        model.addAttribute("back", change ? "/self-referral/check" : previous == null ? "/self-referral" : "/self-referral/" + previous);
        model.addAttribute("errors", errors);
        model.addAttribute("question", step.question(draft, errors));
        model.addAttribute("progress", progress(step, draft));
        model.addAttribute("demoWording", step.name().startsWith("question-") && wording.demo());
        return "referral/self/question";
    }

    /**
     * "Part 3 of 5: How it affects you, question 2 of 9": steady, because the parts are fixed and the
     * questionnaire's length is known by the time its part begins (it depends on where the pain is).
     */
    private static String progress(SelfReferralStep step, SelfReferralDraft draft) {
        String text = "Part " + (step.part() + 1) + " of " + SelfReferralStep.PARTS.size() + ": " + SelfReferralStep.PARTS.get(step.part());
        if (step.name().startsWith("question-")) {
            text += ", question " + step.name().substring("question-".length()) + " of " + instrument(draft).itemCount();
        }
        return text;
    }

    private String check(SelfReferralDraft draft, Model model) {
        String missing = steps.firstUnanswered(draft);
        if (!missing.equals("check")) {
            return "redirect:/self-referral/" + missing;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Date of birth", LocalDate.parse(draft.get("birthDate")).format(LONG_DATE), "age"});
        rows.add(new String[] {"GP practice", draft.get("gpPracticeName"), "gp"});
        rows.add(new String[] {"Name", draft.get("givenName") + " " + draft.get("familyName"), "name"});
        rows.add(new String[] {"NHS number", draft.get("nhsNumber").isBlank() ? "Not given" : draft.get("nhsNumber"), "nhs-number"});
        rows.add(new String[] {"Contact", String.join(", ", List.of(draft.get("phone"), draft.get("email"), draft.get("postcode"))
                .stream().filter(s -> !s.isBlank()).toList()), "contact"});
        rows.add(new String[] {"Where it hurts", String.join(", ", sites(draft).stream().map(BodySite::label).toList()), "where"});
        rows.add(new String[] {"How long", SymptomDuration.valueOf(draft.get("symptomDuration")).label(), "how-long"});
        rows.add(new String[] {"Serious symptoms", draft.list("emergency").isEmpty() ? "None" : String.join("; ", draft.list("emergency")), "emergency"});
        rows.add(new String[] {"Other symptoms", draft.list("urgent").isEmpty() ? "None"
                : String.join("; ", draft.list("urgent").stream().map(id -> questions.find(id).map(RedFlagQuestion::patientText).orElse(id)).toList()), "urgent"});
        rows.add(new String[] {instrument(draft).title() + " questions", "Answered", "question-1"});
        rows.add(new String[] {"Work", WorkStatus.valueOf(draft.get("workStatus")).label()
                + (draft.get("daysOffWork").isBlank() ? "" : "; " + draft.get("daysOffWork") + " days off in the last 4 weeks"), "work"});
        rows.add(new String[] {"Help from advisers", draft.list("support").contains("NONE") ? "No, thank you"
                : String.join(", ", draft.list("support").stream().map(s -> s.equals("DEBT") ? "Debt or money adviser" : "Employment adviser").toList()), "support"});
        rows.add(new String[] {"Language", Languages.name(draft.get("preferredLanguage"))
                + ("yes".equals(draft.get("interpreterNeeded")) ? ", with an interpreter" : ""), "language"});
        rows.add(new String[] {"Support you need", draft.list("accessibilityNeeds").contains("NONE") ? "None"
                : String.join(", ", draft.list("accessibilityNeeds").stream().map(n -> AccessibilityNeeds.Need.valueOf(n).label()).toList()), "access"});
        model.addAttribute("rows", rows);
        return "referral/self/check";
    }

    @GetMapping("/urgent-advice")
    String urgentAdvice(HttpSession session, Model model) {
        SelfReferralDraft draft = draft(session);
        model.addAttribute("next", steps.next("urgent", draft));
        model.addAttribute("reference", referrals.findSubmitted(draft.key).map(Referral::reference).orElse(null));
        return "referral/self/urgent-advice";
    }

    private static SelfReferralDraft draft(HttpSession session) {
        Object draft = session.getAttribute(DRAFT);
        if (draft instanceof SelfReferralDraft existing) {
            return existing;
        }
        SelfReferralDraft fresh = new SelfReferralDraft();
        session.setAttribute(DRAFT, fresh);
        return fresh;
    }
}

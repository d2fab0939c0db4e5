package health.limber.referral.web;

import health.limber.organisation.GpPractice;
import health.limber.organisation.Organisations;
import health.limber.patient.AccessibilityNeeds;
import health.limber.patient.ContactPreferences;
import health.limber.patient.WorkStatus;
import health.limber.platform.InvalidFieldsException;
import health.limber.platform.LimberTime;
import health.limber.referral.BodySite;
import health.limber.referral.Instrument;
import health.limber.referral.InstrumentWording;
import health.limber.referral.RedFlagLevel;
import health.limber.referral.RedFlagQuestion;
import health.limber.referral.Referral;
import health.limber.referral.ReferralInput;
import health.limber.referral.ReferralManagement;
import health.limber.referral.SymptomDuration;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public self-referral, one question per page (NHS.UK pattern), no sign-in. Answers live in the
 * session until "check your answers"; an emergency red flag records the referral at once and shows
 * the urgent-care page; the final submit is idempotent.
 */
@Controller
@RequestMapping("/self-referral")
class SelfReferralController {

    static final String DRAFT = "selfReferral";
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final ReferralManagement referrals;
    private final Organisations organisations;
    private final InstrumentWording wording;
    private final Clock clock;

    SelfReferralController(ReferralManagement referrals, Organisations organisations, InstrumentWording wording, Clock clock) {
        this.referrals = referrals;
        this.organisations = organisations;
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
        if (!steps(draft).contains(step)) {
            return "redirect:/self-referral/" + firstUnanswered(draft);
        }
        return render(step, draft, Map.of(), change != null, model);
    }

    @PostMapping("/{step}")
    String answer(@PathVariable String step, @RequestParam MultiValueMap<String, String> form,
                  @RequestParam(required = false) String change, HttpSession session, Model model) {
        SelfReferralDraft draft = draft(session);
        if (!steps(draft).contains(step)) {
            return "redirect:/self-referral/" + firstUnanswered(draft);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String detour = accept(step, form, draft, errors);
        session.setAttribute(DRAFT, draft);
        if (!errors.isEmpty() || STAY.equals(detour)) {
            return render(step, draft, errors, change != null, model);
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
        if (change != null && draft.answered.containsAll(steps(draft).subList(0, steps(draft).indexOf("consent")))) {
            return "redirect:/self-referral/check";
        }
        return "redirect:/self-referral/" + next(step, draft);
    }

    @PostMapping("/submit")
    String submit(HttpSession session) {
        SelfReferralDraft draft = draft(session);
        if (!draft.answered.contains("consent")) {
            return "redirect:/self-referral/" + firstUnanswered(draft);
        }
        try {
            referrals.finishSelfReferral(input(draft, true), draft.key);
        } catch (InvalidFieldsException e) {
            // the answers were checked page by page; a rule that still fails sends the person back to it
            return "redirect:/self-referral/" + stepOf(e.errors().keySet().iterator().next());
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
        return "referral/self/confirmation";
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

    /** The answer is not wrong, but the same page is shown again (a search, then a choice from its results). */
    private static final String STAY = "stay";

    // --- the steps -------------------------------------------------------------------------------

    private List<String> steps(SelfReferralDraft draft) {
        List<String> steps = new ArrayList<>(List.of("age", "gp", "name", "nhs-number", "contact", "where", "how-long",
                "emergency", "urgent"));
        Instrument instrument = instrument(draft);
        IntStream.rangeClosed(1, instrument.itemCount()).forEach(i -> steps.add("question-" + i));
        steps.add("work");
        if (draft.get("workStatus").startsWith("EMPLOYED")) {
            steps.add("days-off");
        }
        steps.addAll(List.of("support", "language", "access", "consent"));
        return steps;
    }

    private String next(String step, SelfReferralDraft draft) {
        List<String> steps = steps(draft);
        int at = steps.indexOf(step);
        return at + 1 < steps.size() ? steps.get(at + 1) : "check";
    }

    private String firstUnanswered(SelfReferralDraft draft) {
        return steps(draft).stream().filter(s -> !draft.answered.contains(s)).findFirst().orElse("check");
    }

    private static String stepOf(String field) {
        return switch (field) {
            case "birthDate" -> "age";
            case "gpPracticeCode", "postcodeOrIcb" -> "gp";
            case "givenName", "familyName" -> "name";
            case "nhsNumber" -> "nhs-number";
            case "phone", "email", "contactPreferences", "postcode" -> "contact";
            case "bodySites" -> "where";
            case "symptomDuration" -> "how-long";
            case "instrumentAnswers" -> "question-1";
            case "workStatus" -> "work";
            case "daysOffWork" -> "days-off";
            case "preferredLanguage" -> "language";
            case "accessibilityNeeds" -> "access";
            default -> "consent";
        };
    }

    private Instrument instrument(SelfReferralDraft draft) {
        Set<BodySite> sites = sites(draft);
        return sites.isEmpty() ? Instrument.START_MSK : Instrument.forSites(sites);
    }

    private static Set<BodySite> sites(SelfReferralDraft draft) {
        Set<BodySite> sites = EnumSet.noneOf(BodySite.class);
        draft.list("bodySites").forEach(s -> sites.add(BodySite.valueOf(s)));
        return sites;
    }

    /** Checks one page's answers into the draft; returns a redirect that leaves the usual order, or null. */
    private String accept(String step, MultiValueMap<String, String> form, SelfReferralDraft draft, Map<String, String> errors) {
        LocalDate today = LimberTime.today(clock);
        switch (step) {
            case "age" -> {
                String day = first(form, "birthDate-day");
                String month = first(form, "birthDate-month");
                String year = first(form, "birthDate-year");
                draft.put("birthDate-day", day);
                draft.put("birthDate-month", month);
                draft.put("birthDate-year", year);
                if (day.isBlank() || month.isBlank() || year.isBlank()) {
                    errors.put("birthDate", "Enter your date of birth, including the day, month and year");
                    return null;
                }
                LocalDate born;
                try {
                    born = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
                } catch (NumberFormatException | DateTimeException e) {
                    errors.put("birthDate", "Date of birth must be a real date");
                    return null;
                }
                var problem = health.limber.patient.BirthDate.problem(born, today, null);
                if (problem.isPresent()) {
                    errors.put("birthDate", problem.get());
                } else {
                    draft.put("birthDate", born.toString());
                    if (Period.between(born, today).getYears() < ReferralInput.YOUNGEST_AGE) {
                        return "redirect:/self-referral/not-eligible?why=age";
                    }
                }
            }
            case "gp" -> {
                String chosen = first(form, "gpPracticeCode");
                String search = first(form, "practiceSearch");
                draft.put("practiceSearch", search);
                if (!chosen.isBlank()) {
                    GpPractice practice = organisations.practice(chosen).orElse(null);
                    if (practice == null) {
                        errors.put("gpPracticeCode", "Select your GP practice from the list");
                    } else if (!organisations.servedIcbs().contains(practice.icbCode())) {
                        return "redirect:/self-referral/not-eligible?why=area";
                    } else {
                        draft.put("gpPracticeCode", practice.code());
                        draft.put("gpPracticeName", practice.name() + ", " + practice.postcode());
                    }
                } else if (search.length() < 2) {
                    errors.put("practiceSearch", "Enter your GP practice's name, town, postcode or code");
                } else {
                    List<GpPractice> found = organisations.findPractices(search);
                    if (found.isEmpty()) {
                        errors.put("practiceSearch", "We cannot find a GP practice matching " + search
                                + ". Check the spelling, or try the practice's postcode");
                    } else {
                        // not an error: the person searched and now chooses from what was found
                        return STAY;
                    }
                }
            }
            case "name" -> {
                draft.put("givenName", first(form, "givenName"));
                draft.put("familyName", first(form, "familyName"));
                if (draft.get("givenName").isBlank()) {
                    errors.put("givenName", "Enter your first name");
                }
                if (draft.get("familyName").isBlank()) {
                    errors.put("familyName", "Enter your last name");
                }
            }
            case "nhs-number" -> {
                draft.put("nhsNumber", first(form, "nhsNumber"));
                if (!draft.get("nhsNumber").isBlank() && !health.limber.patient.NhsNumber.isValid(draft.get("nhsNumber"))) {
                    errors.put("nhsNumber", "Enter a valid NHS number: 10 digits, like 485 777 3456, or leave it blank");
                }
            }
            case "contact" -> {
                draft.put("phone", first(form, "phone"));
                draft.put("email", first(form, "email"));
                draft.put("postcode", first(form, "postcode"));
                draft.putList("contactPreferences", form.getOrDefault("contactPreferences", List.of()));
                if (draft.get("phone").isBlank() && draft.get("email").isBlank()) {
                    errors.put("phone", "Enter a phone number or an email address so we can contact you");
                } else if (!draft.get("phone").isBlank() && !draft.get("phone").matches("\\+?[0-9 ()-]{10,20}")) {
                    errors.put("phone", "Enter a phone number, like 01632 960 001 or 07700 900 982");
                }
                if (!draft.get("email").isBlank() && !draft.get("email").matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                    errors.put("email", "Enter an email address in the correct format, like name@example.com");
                }
            }
            case "where" -> {
                List<String> sites = form.getOrDefault("bodySites", List.of());
                draft.putList("bodySites", sites.stream().filter(s -> Arrays.stream(BodySite.values()).anyMatch(b -> b.name().equals(s))).toList());
                if (draft.list("bodySites").isEmpty()) {
                    errors.put("bodySites", "Select where your pain is");
                }
                // a different site can change which questionnaire applies: its answers start again
                draft.answered.removeIf(s -> s.startsWith("question-"));
            }
            case "how-long" -> {
                draft.put("symptomDuration", first(form, "symptomDuration"));
                if (Arrays.stream(SymptomDuration.values()).noneMatch(d -> d.name().equals(draft.get("symptomDuration")))) {
                    errors.put("symptomDuration", "Select how long you have had the problem");
                }
            }
            case "emergency", "urgent" -> {
                RedFlagLevel level = step.equals("emergency") ? RedFlagLevel.EMERGENCY : RedFlagLevel.URGENT;
                List<String> asked = referrals.questions().toAsk(level, sites(draft)).stream().map(RedFlagQuestion::id).toList();
                List<String> yes = form.getOrDefault(step, List.of()).stream().filter(asked::contains).toList();
                boolean none = form.getOrDefault(step, List.of()).contains("NONE");
                draft.putList(step + "-asked", asked);
                draft.putList(step, yes);
                if (yes.isEmpty() && !none) {
                    errors.put(step, "Select any of these you have, or select 'None of these'");
                } else if (!yes.isEmpty() && none) {
                    errors.put(step, "Select the symptoms you have, or 'None of these', not both");
                } else if (level == RedFlagLevel.EMERGENCY && !yes.isEmpty()) {
                    return recordEmergency(draft);
                } else if (level == RedFlagLevel.URGENT && !yes.isEmpty()) {
                    return recordUrgent(draft);
                }
            }
            case "work" -> {
                draft.put("workStatus", first(form, "workStatus"));
                if (Arrays.stream(WorkStatus.values()).noneMatch(w -> w.name().equals(draft.get("workStatus")))) {
                    errors.put("workStatus", "Select the option that best describes your work");
                }
            }
            case "days-off" -> {
                draft.put("daysOffWork", first(form, "daysOffWork"));
                try {
                    int days = Integer.parseInt(draft.get("daysOffWork"));
                    if (days < 0 || days > 28) {
                        errors.put("daysOffWork", "Enter a number of days from 0 to 28");
                    }
                } catch (NumberFormatException e) {
                    errors.put("daysOffWork", "Enter the number of days as a number, like 3 (0 if none)");
                }
            }
            case "support" -> {
                List<String> support = form.getOrDefault("support", List.of());
                draft.putList("support", support);
                if (support.isEmpty()) {
                    errors.put("support", "Select the help you would like, or 'No, thank you'");
                } else if (support.contains("NONE") && support.size() > 1) {
                    errors.put("support", "Select the help you would like, or 'No, thank you', not both");
                }
            }
            case "language" -> {
                draft.put("preferredLanguage", first(form, "preferredLanguage"));
                draft.put("interpreterNeeded", first(form, "interpreterNeeded"));
                if (!LANGUAGES.containsKey(draft.get("preferredLanguage"))) {
                    errors.put("preferredLanguage", "Select a language from the list");
                }
                if (!Set.of("yes", "no").contains(draft.get("interpreterNeeded"))) {
                    errors.put("interpreterNeeded", "Select yes if you would like an interpreter");
                }
            }
            case "access" -> {
                List<String> needs = form.getOrDefault("accessibilityNeeds", List.of());
                draft.putList("accessibilityNeeds", needs);
                if (needs.isEmpty()) {
                    errors.put("accessibilityNeeds", "Select the support you need, or 'I do not need any of these'");
                } else if (needs.contains("NONE") && needs.size() > 1) {
                    errors.put("accessibilityNeeds", "Select the support you need, or 'I do not need any of these', not both");
                }
            }
            case "consent" -> {
                draft.put("consentToContact", first(form, "consentToContact"));
                if (!draft.get("consentToContact").equals("yes")) {
                    errors.put("consentToContact", "Confirm that we may use your answers and contact you about your care");
                }
            }
            default -> {
                if (step.startsWith("question-")) {
                    int item = Integer.parseInt(step.substring("question-".length()));
                    String value = first(form, step);
                    draft.put(step, value);
                    int options = instrument(draft).scale(item).options().size();
                    if (!value.matches("[0-9]{1,2}") || Integer.parseInt(value) >= options) {
                        errors.put(step, "Select an answer");
                    }
                }
            }
        }
        return null;
    }

    /**
     * An emergency red flag: the referral is recorded at once with what is known (a same-day task
     * is raised) and the person is told to go to A&E or call 999 now.
     */
    private String recordEmergency(SelfReferralDraft draft) {
        draft.done("emergency");
        referrals.recordSelfReferralAtRedFlag(input(draft, false), draft.key);
        return "redirect:/self-referral/urgent-care";
    }

    /**
     * An urgent red flag: recorded at once with what is known (contact details were asked before the
     * red-flag questions) and a 24-hour task raised, so closing the browser now loses nothing; the
     * person is told to contact their GP or 111 today and may finish the form, which adds the rest.
     */
    private String recordUrgent(SelfReferralDraft draft) {
        draft.done("urgent");
        referrals.recordSelfReferralAtRedFlag(input(draft, false), draft.key);
        return "redirect:/self-referral/urgent-advice";
    }

    private ReferralInput input(SelfReferralDraft draft, boolean complete) {
        List<String> asked = new ArrayList<>(draft.list("emergency-asked"));
        asked.addAll(draft.list("urgent-asked"));
        List<String> yes = new ArrayList<>(draft.list("emergency"));
        yes.addAll(draft.list("urgent"));
        List<Integer> answers = null;
        if (complete) {
            Instrument instrument = instrument(draft);
            answers = IntStream.rangeClosed(1, instrument.itemCount())
                    .mapToObj(i -> draft.get("question-" + i).isBlank() ? null : Integer.valueOf(draft.get("question-" + i)))
                    .toList();
        }
        List<String> support = draft.list("support");
        return new ReferralInput("SELF", null, LimberTime.today(clock).toString(), draft.get("gpPracticeCode"), null, null,
                draft.get("nhsNumber"), draft.get("givenName"), draft.get("familyName"), draft.get("birthDate"),
                draft.get("postcode"), draft.get("phone"), draft.get("email"), draft.list("contactPreferences"),
                complete ? draft.get("preferredLanguage") : "en", "yes".equals(draft.get("interpreterNeeded")),
                draft.list("accessibilityNeeds").stream().filter(n -> !n.equals("NONE")).toList(), null,
                draft.list("bodySites"), draft.get("symptomDuration"), null, "ROUTINE", asked.isEmpty() ? null : asked, yes,
                answers, complete ? draft.get("workStatus") : null,
                complete && !draft.get("daysOffWork").isBlank() ? Integer.valueOf(draft.get("daysOffWork")) : null,
                support.contains("EMPLOYMENT"), support.contains("DEBT"), complete ? "yes".equals(draft.get("consentToContact")) : Boolean.TRUE);
    }

    // --- pages -----------------------------------------------------------------------------------

    private String render(String step, SelfReferralDraft draft, Map<String, String> errors, boolean change, Model model) {
        List<String> steps = steps(draft);
        int at = steps.indexOf(step);
        model.addAttribute("step", step);
        model.addAttribute("change", change);
        model.addAttribute("back", change ? "/self-referral/check" : at == 0 ? "/self-referral" : "/self-referral/" + steps.get(at - 1));
        model.addAttribute("errors", errors);
        model.addAttribute("question", question(step, draft, errors));
        model.addAttribute("progress", progress(step, draft));
        model.addAttribute("demoWording", step.startsWith("question-") && wording.demo());
        return "referral/self/question";
    }

    /** The form's five parts, in order; the count a person sees never changes as they answer. */
    private static final List<String> PARTS = List.of("About you", "Your symptoms", "How it affects you", "Work and support", "Your needs");

    /**
     * "Part 3 of 5: How it affects you, question 2 of 9": steady, because the parts are fixed and the
     * questionnaire's length is known by the time its part begins (it depends on where the pain is).
     */
    private String progress(String step, SelfReferralDraft draft) {
        int part = switch (step) {
            case "age", "gp", "name", "nhs-number", "contact" -> 0;
            case "where", "how-long", "emergency", "urgent" -> 1;
            case "work", "days-off", "support" -> 3;
            case "language", "access", "consent" -> 4;
            default -> 2;
        };
        String text = "Part " + (part + 1) + " of " + PARTS.size() + ": " + PARTS.get(part);
        if (step.startsWith("question-")) {
            text += ", question " + step.substring("question-".length()) + " of " + instrument(draft).itemCount();
        }
        return text;
    }

    private Question question(String step, SelfReferralDraft draft, Map<String, String> errors) {
        return switch (step) {
            case "age" -> Question.of("What is your date of birth?", "For example, 15 3 1984",
                    Field.date("birthDate", draft));
            case "gp" -> gpQuestion(draft, errors);
            case "name" -> Question.of("What is your name?", null,
                    Field.text("givenName", "First name", null, draft.get("givenName"), "given-name", "20"),
                    Field.text("familyName", "Last name", null, draft.get("familyName"), "family-name", "20"));
            case "nhs-number" -> Question.of("What is your NHS number?",
                    "It is 10 digits long, like 485 777 3456. You can find it in the NHS App or on a letter from the NHS. Leave it blank if you do not know it.",
                    Field.text("nhsNumber", "NHS number (optional)", null, draft.get("nhsNumber"), "off", "10"));
            case "contact" -> Question.of("How can we contact you?",
                    "We will use these to arrange your care. If your answers suggest you need urgent care, we will record them and may contact you the same day.",
                    Field.text("phone", "Phone number", "For example, 07700 900 982", draft.get("phone"), "tel", "20"),
                    Field.text("email", "Email address", null, draft.get("email"), "email", null),
                    Field.text("postcode", "Postcode (optional)", null, draft.get("postcode"), "postal-code", "10"),
                    Field.checkboxes("contactPreferences", "How would you like us to contact you? (optional)",
                            Arrays.stream(ContactPreferences.Channel.values()).map(c -> new Option(c.name(), c.label(), null)).toList(),
                            draft.list("contactPreferences"), null));
            case "where" -> Question.single(Field.checkboxes("bodySites", "Where is your pain?",
                    Arrays.stream(BodySite.values()).map(b -> new Option(b.name(), b.label(), null)).toList(),
                    draft.list("bodySites"), null), "Select all that apply.");
            case "how-long" -> Question.single(Field.radios("symptomDuration", "How long have you had this problem?",
                    Arrays.stream(SymptomDuration.values()).map(d -> new Option(d.name(), d.label(), null)).toList(),
                    draft.get("symptomDuration")), null);
            case "emergency", "urgent" -> redFlagQuestion(step, draft);
            case "work" -> Question.single(Field.radios("workStatus", "Which of these best describes your work?",
                    Arrays.stream(WorkStatus.values()).map(w -> new Option(w.name(), w.label(), null)).toList(),
                    draft.get("workStatus")), "Your answer helps us offer support to stay in or return to work.");
            case "days-off" -> Question.of("In the last 4 weeks, how many days have you been off work because of this problem?",
                    "Enter 0 if none.", Field.text("daysOffWork", "Days off work", null, draft.get("daysOffWork"), "off", "3"));
            case "support" -> Question.single(Field.checkboxes("support", "Would you like help from any of these advisers?",
                    List.of(new Option("EMPLOYMENT", "An employment adviser", "Help to stay in work, return to work or find work"),
                            new Option("DEBT", "A debt or money adviser", "Free, confidential help with money worries")),
                    draft.list("support"), new Option("NONE", "No, thank you", null)), "Select all that apply.");
            case "language" -> Question.of("Which language would you like us to use?", null,
                    Field.select("preferredLanguage", "Language", LANGUAGES, draft.get("preferredLanguage").isBlank() ? "en" : draft.get("preferredLanguage")),
                    Field.radios("interpreterNeeded", "Would you like an interpreter at appointments?",
                            List.of(new Option("yes", "Yes", null), new Option("no", "No", null)), draft.get("interpreterNeeded")));
            case "access" -> Question.single(Field.checkboxes("accessibilityNeeds", "Do you need any of these to use our service?",
                    Arrays.stream(AccessibilityNeeds.Need.values()).map(n -> new Option(n.name(), n.label(), null)).toList(),
                    draft.list("accessibilityNeeds"), new Option("NONE", "I do not need any of these", null)), "Select all that apply.");
            case "consent" -> Question.of("Sharing your answers", null,
                    Field.checkboxes("consentToContact", "Confirm before you continue",
                            List.of(new Option("yes", "I agree that the MSK service may use my answers to decide on my care and contact me about it",
                                    "Your answers are kept in your NHS record at the service. Read how we use your information on the privacy page.")),
                            List.of(draft.get("consentToContact")), null));
            default -> instrumentQuestion(step, draft);
        };
    }

    private Question gpQuestion(SelfReferralDraft draft, Map<String, String> errors) {
        List<Field> fields = new ArrayList<>();
        fields.add(Field.text("practiceSearch", "GP practice name, town, postcode or code",
                "For example, Exeter Medical Practice or EX1", draft.get("practiceSearch"), "off", null));
        List<GpPractice> found = organisations.findPractices(draft.get("practiceSearch"));
        if (!found.isEmpty()) {
            fields.add(Field.radios("gpPracticeCode", "Select your GP practice",
                    found.stream().map(p -> new Option(p.code(), p.name(), p.postcode())).toList(), draft.get("gpPracticeCode")));
        }
        return new Question("Which GP practice are you registered with?",
                found.isEmpty() ? "Search, then select your practice from the list." : null, fields, found.isEmpty() ? "Search" : "Continue",
                true);
    }

    private Question redFlagQuestion(String step, SelfReferralDraft draft) {
        RedFlagLevel level = step.equals("emergency") ? RedFlagLevel.EMERGENCY : RedFlagLevel.URGENT;
        List<Option> options = referrals.questions().toAsk(level, sites(draft)).stream()
                .map(q -> new Option(q.id(), q.patientText(), null)).toList();
        String title = level == RedFlagLevel.EMERGENCY ? "Do you have any of these symptoms?" : "Do any of these apply to you?";
        return Question.single(Field.checkboxes(step, title, options, draft.list(step), new Option("NONE", "None of these", null)),
                level == RedFlagLevel.EMERGENCY ? "These can be signs of a serious problem that needs treatment the same day. Select all that apply."
                        : "Select all that apply.");
    }

    private Question instrumentQuestion(String step, SelfReferralDraft draft) {
        int item = Integer.parseInt(step.substring("question-".length()));
        Instrument instrument = instrument(draft);
        List<String> labels = instrument.scale(item).options();
        List<Option> options = IntStream.range(0, labels.size()).mapToObj(i -> new Option(String.valueOf(i), labels.get(i), null)).toList();
        return Question.single(Field.radios(step, wording.item(instrument, item), options, draft.get(step)),
                "About the last 2 weeks. " + wording.notice(instrument));
    }

    private String check(SelfReferralDraft draft, Model model) {
        String missing = firstUnanswered(draft);
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
                : String.join("; ", draft.list("urgent").stream().map(id -> referrals.questions().find(id).map(RedFlagQuestion::patientText).orElse(id)).toList()), "urgent"});
        rows.add(new String[] {instrument(draft).title() + " questions", "Answered", "question-1"});
        rows.add(new String[] {"Work", WorkStatus.valueOf(draft.get("workStatus")).label()
                + (draft.get("daysOffWork").isBlank() ? "" : "; " + draft.get("daysOffWork") + " days off in the last 4 weeks"), "work"});
        rows.add(new String[] {"Help from advisers", draft.list("support").contains("NONE") ? "No, thank you"
                : String.join(", ", draft.list("support").stream().map(s -> s.equals("DEBT") ? "Debt or money adviser" : "Employment adviser").toList()), "support"});
        rows.add(new String[] {"Language", LANGUAGES.getOrDefault(draft.get("preferredLanguage"), draft.get("preferredLanguage"))
                + ("yes".equals(draft.get("interpreterNeeded")) ? ", with an interpreter" : ""), "language"});
        rows.add(new String[] {"Support you need", draft.list("accessibilityNeeds").contains("NONE") ? "None"
                : String.join(", ", draft.list("accessibilityNeeds").stream().map(n -> AccessibilityNeeds.Need.valueOf(n).label()).toList()), "access"});
        model.addAttribute("rows", rows);
        return "referral/self/check";
    }

    @GetMapping("/urgent-advice")
    String urgentAdvice(HttpSession session, Model model) {
        SelfReferralDraft draft = draft(session);
        model.addAttribute("next", next("urgent", draft));
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

    private static String first(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.trim();
    }

    /** Languages offered (ISO 639-1 codes); interpreters are booked by the service. */
    static final Map<String, String> LANGUAGES = languages();

    private static Map<String, String> languages() {
        Map<String, String> languages = new LinkedHashMap<>();
        for (String code : List.of("en", "cy", "pl", "ur", "pa", "bn", "ro", "gu", "ar", "so", "pt", "lt", "tr", "zh", "ta", "fr", "es", "it")) {
            languages.put(code, Locale.forLanguageTag(code).getDisplayLanguage(Locale.UK));
        }
        languages.put("bfi", "British Sign Language");
        return languages;
    }

    /** One page: a question (legend or heading), hint, fields, and the button's words. */
    record Question(String title, String hint, List<Field> fields, String button, boolean showFieldLabels) {
        static Question of(String title, String hint, Field... fields) {
            return new Question(title, hint, List.of(fields), "Continue", true);
        }

        /** A page whose only field's label is the page's heading (one question per page). */
        static Question single(Field field, String hint) {
            return new Question(field.label(), hint, List.of(field), "Continue", false);
        }
    }

    record Field(String name, String kind, String label, String hint, List<Option> options, String value,
                 List<String> values, String autocomplete, String width, Option exclusive, List<String> dateParts) {
        static Field text(String name, String label, String hint, String value, String autocomplete, String width) {
            return new Field(name, "text", label, hint, List.of(), value, List.of(), autocomplete, width, null, List.of());
        }

        static Field radios(String name, String label, List<Option> options, String value) {
            return new Field(name, "radios", label, null, options, value, List.of(), null, null, null, List.of());
        }

        static Field checkboxes(String name, String label, List<Option> options, List<String> values, Option exclusive) {
            return new Field(name, "checkboxes", label, null, options, null, values, null, null, exclusive, List.of());
        }

        static Field select(String name, String label, Map<String, String> options, String value) {
            return new Field(name, "select", label, null, options.entrySet().stream().map(e -> new Option(e.getKey(), e.getValue(), null)).toList(),
                    value, List.of(), null, null, null, List.of());
        }

        static Field date(String name, SelfReferralDraft draft) {
            return new Field(name, "date", "Date of birth", null, List.of(), null, List.of(), "bday", null, null,
                    List.of(draft.get(name + "-day"), draft.get(name + "-month"), draft.get(name + "-year")));
        }
    }

    record Option(String value, String label, String hint) {}
}

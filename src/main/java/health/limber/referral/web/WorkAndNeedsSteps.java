package health.limber.referral.web;

import static health.limber.referral.web.SelfReferralStep.first;

import health.limber.patient.AccessibilityNeeds;
import health.limber.patient.WorkStatus;
import health.limber.platform.Languages;
import health.limber.referral.web.SelfReferralPage.Field;
import health.limber.referral.web.SelfReferralPage.Option;
import health.limber.referral.web.SelfReferralPage.Question;
import health.limber.referral.web.SelfReferralStep.Simple;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/** Parts 4 and 5 of the self-referral: work, days off, advisers; language, access needs and consent. */
final class WorkAndNeedsSteps {

    private WorkAndNeedsSteps() {}

    /** About work; "days off" is asked only of people in work. */
    static List<SelfReferralStep> work(SelfReferralDraft draft) {
        SelfReferralStep work = new Simple("work", 3, Set.of("workStatus"), (d, errors) -> Question.single(Field.radios("workStatus",
                "Which of these best describes your work?", Arrays.stream(WorkStatus.values()).map(w -> new Option(w.name(), w.label(), null)).toList(),
                d.get("workStatus")), "Your answer helps us offer support to stay in or return to work."), WorkAndNeedsSteps::workStatus);
        SelfReferralStep daysOff = new Simple("days-off", 3, Set.of("daysOffWork"), (d, errors) -> Question.of(
                "In the last 4 weeks, how many days have you been off work because of this problem?", "Enter 0 if none.",
                Field.text("daysOffWork", "Days off work", null, d.get("daysOffWork"), "off", "3")), WorkAndNeedsSteps::daysOff);
        return draft.get("workStatus").startsWith("EMPLOYED") ? List.of(work, daysOff) : List.of(work);
    }

    /** Advisers, language, access needs and consent. */
    static List<SelfReferralStep> supportAndNeeds() {
        return List.of(
                new Simple("support", 3, Set.of(), (d, errors) -> Question.single(Field.checkboxes("support", "Would you like help from any of these advisers?",
                        List.of(new Option("EMPLOYMENT", "An employment adviser", "Help to stay in work, return to work or find work"),
                                new Option("DEBT", "A debt or money adviser", "Free, confidential help with money worries")),
                        d.list("support"), new Option("NONE", "No, thank you", null)), "Select all that apply."), (form, d, errors) -> {
                    d.putList("support", form.getOrDefault("support", List.of()));
                    SelfReferralStep.oneOrNone("support", d.list("support"), "No, thank you", errors, "Select the help you would like");
                    return null;
                }),
                new Simple("language", 4, Set.of("preferredLanguage"), (d, errors) -> Question.of("Which language would you like us to use?", null,
                        Field.select("preferredLanguage", "Language", Languages.OFFERED, d.get("preferredLanguage").isBlank() ? "en" : d.get("preferredLanguage")),
                        Field.radios("interpreterNeeded", "Would you like an interpreter at appointments?",
                                List.of(new Option("yes", "Yes", null), new Option("no", "No", null)), d.get("interpreterNeeded"))), WorkAndNeedsSteps::language),
                new Simple("access", 4, Set.of("accessibilityNeeds"), (d, errors) -> Question.single(Field.checkboxes("accessibilityNeeds",
                        "Do you need any of these to use our service?",
                        Arrays.stream(AccessibilityNeeds.Need.values()).map(n -> new Option(n.name(), n.label(), null)).toList(),
                        d.list("accessibilityNeeds"), new Option("NONE", "I do not need any of these", null)), "Select all that apply."), (form, d, errors) -> {
                    d.putList("accessibilityNeeds", form.getOrDefault("accessibilityNeeds", List.of()));
                    SelfReferralStep.oneOrNone("accessibilityNeeds", d.list("accessibilityNeeds"), "I do not need any of these", errors,
                            "Select the support you need");
                    return null;
                }),
                new Simple("consent", 4, Set.of("consentToContact"), (d, errors) -> Question.of("Sharing your answers", null,
                        Field.checkboxes("consentToContact", "Confirm before you continue",
                                List.of(new Option("yes", "I agree that the MSK service may use my answers to decide on my care and contact me about it",
                                        "Your answers are kept in your NHS record at the service. Read how we use your information on the privacy page.")),
                                List.of(d.get("consentToContact")), null)), (form, d, errors) -> {
                    d.put("consentToContact", first(form, "consentToContact"));
                    if (!d.get("consentToContact").equals("yes")) {
                        errors.put("consentToContact", "Confirm that we may use your answers and contact you about your care");
                    }
                    return null;
                }));
    }

    private static String workStatus(MultiValueMap<String, String> form, SelfReferralDraft draft, Map<String, String> errors) {
        draft.put("workStatus", first(form, "workStatus"));
        if (Arrays.stream(WorkStatus.values()).noneMatch(w -> w.name().equals(draft.get("workStatus")))) {
            errors.put("workStatus", "Select the option that best describes your work");
        }
        return null;
    }

    private static String daysOff(MultiValueMap<String, String> form, SelfReferralDraft draft, Map<String, String> errors) {
        draft.put("daysOffWork", first(form, "daysOffWork"));
        try {
            int days = Integer.parseInt(draft.get("daysOffWork"));
            if (days < 0 || days > 28) {
                errors.put("daysOffWork", "Enter a number of days from 0 to 28");
            }
        } catch (NumberFormatException e) {
            errors.put("daysOffWork", "Enter the number of days as a number, like 3 (0 if none)");
        }
        return null;
    }

    private static String language(MultiValueMap<String, String> form, SelfReferralDraft draft, Map<String, String> errors) {
        draft.put("preferredLanguage", first(form, "preferredLanguage"));
        draft.put("interpreterNeeded", first(form, "interpreterNeeded"));
        if (!Languages.OFFERED.containsKey(draft.get("preferredLanguage"))) {
            errors.put("preferredLanguage", "Select a language from the list");
        }
        if (!Set.of("yes", "no").contains(draft.get("interpreterNeeded"))) {
            errors.put("interpreterNeeded", "Select yes if you would like an interpreter");
        }
        return null;
    }
}

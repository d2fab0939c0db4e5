package health.limber.referral.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The self-referral's pages in order, as a table of steps. Which pages there are depends on the
 * answers so far: the questionnaire's length on where it hurts, "days off" on being in work.
 */
@Component
class SelfReferralSteps {

    private final AboutYouSteps aboutYou;
    private final SymptomSteps symptoms;

    SelfReferralSteps(AboutYouSteps aboutYou, SymptomSteps symptoms) {
        this.aboutYou = aboutYou;
        this.symptoms = symptoms;
    }

    List<SelfReferralStep> of(SelfReferralDraft draft) {
        List<SelfReferralStep> steps = new ArrayList<>(aboutYou.steps());
        steps.addAll(symptoms.symptoms());
        steps.addAll(symptoms.questionnaire(draft));
        steps.addAll(WorkAndNeedsSteps.work(draft));
        steps.addAll(WorkAndNeedsSteps.supportAndNeeds());
        return steps;
    }

    List<String> names(SelfReferralDraft draft) {
        return of(draft).stream().map(SelfReferralStep::name).toList();
    }

    Optional<SelfReferralStep> find(String name, SelfReferralDraft draft) {
        return of(draft).stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The page after this one, or "check" after the last. */
    String next(String step, SelfReferralDraft draft) {
        List<String> names = names(draft);
        int at = names.indexOf(step);
        return at + 1 < names.size() ? names.get(at + 1) : "check";
    }

    /** The page before this one, or null on the first. */
    String previous(String step, SelfReferralDraft draft) {
        List<String> names = names(draft);
        int at = names.indexOf(step);
        return at > 0 ? names.get(at - 1) : null;
    }

    String firstUnanswered(SelfReferralDraft draft) {
        return names(draft).stream().filter(s -> !draft.answered.contains(s)).findFirst().orElse("check");
    }

    /** Whether every page before consent is answered (so a change can go straight back to "check your answers"). */
    boolean answeredUpToConsent(SelfReferralDraft draft) {
        List<String> names = names(draft);
        return draft.answered.containsAll(names.subList(0, names.indexOf("consent")));
    }

    /** The page that asks for a field; consent when no page does. */
    String stepOf(String field, SelfReferralDraft draft) {
        return of(draft).stream().filter(s -> s.fields().contains(field)).map(SelfReferralStep::name).findFirst().orElse("consent");
    }
}

package health.limber.referral.web;

import health.limber.referral.web.SelfReferralPage.Question;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.springframework.util.MultiValueMap;

/**
 * One page of the self-referral: its name in the address, the part of the form it belongs to, the
 * question it shows and how its answers are checked into the draft.
 */
interface SelfReferralStep {

    /** The answer is not wrong, but the same page is shown again (a search, then a choice from its results). */
    String STAY = "stay";

    /** The form's five parts, in order; the count a person sees never changes as they answer. */
    List<String> PARTS = List.of("About you", "Your symptoms", "How it affects you", "Work and support", "Your needs");

    String name();

    /** The part of the form (an index into {@link #PARTS}). */
    int part();

    /** The fields this page answers: a rule that still fails at submit sends the person back here. */
    Set<String> fields();

    Question question(SelfReferralDraft draft, Map<String, String> errors);

    /**
     * Checks the page's answers into the draft, putting each broken rule in {@code errors} by field;
     * returns null to go on, {@link #STAY} to show the page again, or a redirect that leaves the usual order.
     */
    String accept(MultiValueMap<String, String> form, SelfReferralDraft draft, Map<String, String> errors);

    /** How a simple page checks its answers. */
    @FunctionalInterface
    interface Check {
        String accept(MultiValueMap<String, String> form, SelfReferralDraft draft, Map<String, String> errors);
    }

    /** A page made of a question and a check. */
    record Simple(String name, int part, Set<String> fields, BiFunction<SelfReferralDraft, Map<String, String>, Question> asks,
                  Check check) implements SelfReferralStep {

        @Override
        public Question question(SelfReferralDraft draft, Map<String, String> errors) {
            return asks.apply(draft, errors);
        }

        @Override
        public String accept(MultiValueMap<String, String> form, SelfReferralDraft draft, Map<String, String> errors) {
            return check.accept(form, draft, errors);
        }
    }

    /** The form's first value of a field, trimmed; "" when it was not sent. */
    static String first(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.trim();
    }

    /** Checkbox answers: every box ticked, or the one "none" option, not both and not nothing. */
    static void oneOrNone(String field, List<String> values, String none, Map<String, String> errors, String select) {
        if (values.isEmpty()) {
            errors.put(field, select + ", or '" + none + "'");
        } else if (values.contains("NONE") && values.size() > 1) {
            errors.put(field, select + ", or '" + none + "', not both");
        }
    }
}

package health.limber.referral.web;

import java.util.List;
import java.util.Map;

/** What one page of the self-referral shows: a question (legend or heading), hint, fields and the button's words. */
final class SelfReferralPage {

    private SelfReferralPage() {}

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

package health.limber.outcome;

import java.util.List;
import java.util.Optional;

/**
 * One question (or a group of questions) of a questionnaire, flattened from the FHIR item tree:
 * {@code group} names the repeating group it belongs to, if any.
 *
 * @param type     FHIR item type: group, choice, integer, decimal, string, date or boolean
 * @param min      the lowest number allowed (integer and decimal items), from the minValue extension
 * @param max      the highest number allowed
 * @param maxRepeats how many times a repeating group may be answered (the maxOccurs extension)
 */
public record QuestionnaireItem(String linkId, String text, String type, boolean required, boolean repeats, List<Option> options,
                                Double min, Double max, Integer maxRepeats, List<Condition> enableWhen, boolean enableWhenAll,
                                String group) {

    /** An answer option: its code, the words shown and the points it scores (the ordinalValue extension). */
    public record Option(String code, String display, Double ordinal) {}

    /**
     * Asks the item only when another item's answer compares to a value ({@code exists} takes
     * "true" or "false").
     */
    public record Condition(String question, String operator, String answer) {}

    public boolean isGroup() {
        return "group".equals(type);
    }

    public Optional<Option> option(String code) {
        return options.stream().filter(o -> o.code().equals(code)).findFirst();
    }
}

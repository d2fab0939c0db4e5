package health.limber.outcome;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scoring engine: checks answers against their questionnaire (items that exist, values in
 * range, required items that are asked) and scores them by the rules declared beside it. Pure: no
 * database, no clock, so every instrument's worked examples are plain unit tests.
 */
public final class Scoring {

    private Scoring() {}

    /**
     * A scored response: its scores, the group it classifies into (STarT's risk group, or the work
     * questions' work status), and the red flags it raises.
     */
    public record Scored(List<Score> scores, Optional<String> group, List<ScoringRules.RedFlagRule> redFlags) {

        public Optional<Score> score(String id) {
            return scores.stream().filter(s -> s.id().equals(id)).findFirst();
        }

        /** Whether every declared score could be computed. */
        public boolean complete() {
            return scores.stream().allMatch(Score::computed);
        }
    }

    /**
     * What is wrong with the answers, by item linkId: answers to items that do not exist, values out
     * of range or not among the options, and (when {@code submitting}) required items asked but
     * not answered. Empty when the answers may be stored.
     */
    public static Map<String, String> problems(QuestionnaireDefinition definition, Answers answers, boolean submitting) {
        Map<String, String> problems = new LinkedHashMap<>();
        answers.asMap().forEach((linkId, values) -> {
            Optional<QuestionnaireItem> item = definition.item(linkId);
            if (item.isEmpty() || item.get().isGroup() || "display".equals(item.get().type())) {
                problems.put(linkId, "There is no question '" + linkId + "' in " + definition.title());
                return;
            }
            checkCount(definition, item.get(), values.size(), problems);
            values.forEach(value -> check(item.get(), value).ifPresent(message -> problems.putIfAbsent(linkId, message)));
        });
        if (submitting) {
            for (QuestionnaireItem item : definition.questions()) {
                if (item.required() && enabled(definition, item, answers) && !answers.has(item.linkId()) && groupAnswered(definition, item, answers)) {
                    problems.putIfAbsent(item.linkId(), "Answer '" + shortText(item) + "': it is needed");
                }
            }
        }
        return problems;
    }

    /** Scores answers (which should have no {@link #problems}); an item not asked is not scored. */
    public static Scored score(QuestionnaireDefinition definition, Answers answers) {
        Map<String, List<Double>> values = values(definition, answers);
        List<Score> scores = definition.rules().score(values);
        Optional<String> group = definition.rules().classify(scores);
        if (group.isEmpty() && definition.rules().workStatusItem() != null) {
            group = Optional.ofNullable(answers.first(definition.rules().workStatusItem()));
        }
        return new Scored(scores, group, definition.rules().raised(values));
    }

    /** Each answered item's values as numbers: the number typed, 1 or 0, or the option's points. */
    public static Map<String, List<Double>> values(QuestionnaireDefinition definition, Answers answers) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (QuestionnaireItem item : definition.questions()) {
            if (!enabled(definition, item, answers)) {
                continue;
            }
            List<Double> numbers = new ArrayList<>();
            for (String value : answers.get(item.linkId())) {
                Double number = number(item, value);
                if (number != null) {
                    numbers.add(number);
                }
            }
            if (!numbers.isEmpty()) {
                values.put(item.linkId(), numbers);
            }
        }
        return values;
    }

    /** Whether an item is asked, given the answers so far (its enableWhen conditions). */
    public static boolean enabled(QuestionnaireDefinition definition, QuestionnaireItem item, Answers answers) {
        if (item.group() != null) {
            QuestionnaireItem group = definition.item(item.group()).orElseThrow();
            if (!enabled(definition, group, answers)) {
                return false;
            }
        }
        if (item.enableWhen().isEmpty()) {
            return true;
        }
        var results = item.enableWhen().stream().map(c -> holds(definition, c, answers));
        return item.enableWhenAll() ? results.allMatch(Boolean::booleanValue) : results.anyMatch(Boolean::booleanValue);
    }

    private static boolean holds(QuestionnaireDefinition definition, QuestionnaireItem.Condition condition, Answers answers) {
        List<String> given = answers.get(condition.question());
        if ("exists".equals(condition.operator())) {
            return given.isEmpty() != Boolean.parseBoolean(condition.answer());
        }
        QuestionnaireItem asked = definition.item(condition.question()).orElseThrow();
        return given.stream().anyMatch(value -> compare(asked, value, condition));
    }

    private static boolean compare(QuestionnaireItem item, String value, QuestionnaireItem.Condition condition) {
        if (condition.operator().equals("=")) {
            return value.equals(condition.answer());
        }
        if (condition.operator().equals("!=")) {
            return !value.equals(condition.answer());
        }
        Double left = raw(item, value);
        Double right = parse(condition.answer());
        if (left == null || right == null) {
            return false;
        }
        return switch (condition.operator()) {
            case ">" -> left > right;
            case "<" -> left < right;
            case ">=" -> left >= right;
            default -> left <= right;
        };
    }

    private static boolean groupAnswered(QuestionnaireDefinition definition, QuestionnaireItem item, Answers answers) {
        if (item.group() == null) {
            return true;
        }
        // a required item of a repeating group is needed once the person starts (or the group itself is required)
        QuestionnaireItem group = definition.item(item.group()).orElseThrow();
        return group.required() || definition.questions().stream().filter(q -> item.group().equals(q.group())).anyMatch(q -> answers.has(q.linkId()));
    }

    private static void checkCount(QuestionnaireDefinition definition, QuestionnaireItem item, int count, Map<String, String> problems) {
        Integer limit = null;
        if (item.group() != null) {
            limit = definition.item(item.group()).map(QuestionnaireItem::maxRepeats).orElse(null);
        } else if (!item.repeats()) {
            limit = 1;
        } else {
            limit = item.maxRepeats();
        }
        if (limit != null && count > limit) {
            problems.put(item.linkId(), "'" + shortText(item) + "' takes at most " + limit + (limit == 1 ? " answer" : " answers") + ", not " + count);
        }
    }

    private static Optional<String> check(QuestionnaireItem item, String value) {
        String name = "'" + shortText(item) + "'";
        switch (item.type()) {
            case "choice":
                return item.option(value).isPresent() ? Optional.empty()
                        : Optional.of(name + ": '" + value + "' is not one of its answers");
            case "integer":
            case "decimal":
                Double number = parse(value);
                if (number == null || ("integer".equals(item.type()) && number != Math.rint(number))) {
                    return Optional.of(name + " needs " + ("integer".equals(item.type()) ? "a whole number" : "a number") + ", not '" + value + "'");
                }
                if (item.min() != null && number < item.min()) {
                    return Optional.of(name + " must be " + plain(item.min()) + " or more, not " + value);
                }
                if (item.max() != null && number > item.max()) {
                    return Optional.of(name + " must be " + plain(item.max()) + " or less, not " + value);
                }
                return Optional.empty();
            case "boolean":
                return value.equals("true") || value.equals("false") ? Optional.empty() : Optional.of(name + " needs yes or no");
            case "date":
                try {
                    LocalDate.parse(value);
                    return Optional.empty();
                } catch (DateTimeParseException e) {
                    return Optional.of(name + " needs a real date, for example 2027-03-27");
                }
            default:
                return value.length() > 500 ? Optional.of(name + " must be 500 characters or fewer") : Optional.empty();
        }
    }

    private static Double number(QuestionnaireItem item, String value) {
        return switch (item.type()) {
            case "choice" -> item.option(value).map(QuestionnaireItem.Option::ordinal).orElse(null);
            case "boolean" -> "true".equals(value) ? 1.0 : 0.0;
            case "integer", "decimal" -> parse(value);
            default -> null;
        };
    }

    private static Double raw(QuestionnaireItem item, String value) {
        return "choice".equals(item.type()) ? number(item, value) : parse(value);
    }

    private static Double parse(String value) {
        try {
            return value == null ? null : Double.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString(Math.round(value)) : Double.toString(value);
    }

    static String shortText(QuestionnaireItem item) {
        String text = item.text() == null ? item.linkId() : item.text();
        return text.length() > 60 ? text.substring(0, 57) + "…" : text;
    }
}

package health.limber.outcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * How an instrument is scored, declared beside its questionnaire (docs/outcomes.md). An item's
 * value is its number (integer, decimal), 1 or 0 (boolean) or the points of the option chosen
 * (the option's ordinalValue); a repeating item contributes one value per answer.
 *
 * <ul>
 *   <li>{@code scores}: each {@code sum}, {@code mean} or {@code value} of {@code items}; with
 *       {@code "minAnswered": n} a score needs n values, otherwise every listed item must be
 *       answered ("missing any item → no score"); optional {@code bands} ({@code min}, {@code max},
 *       {@code label});</li>
 *   <li>{@code classify}: rules tried in order, the first whose condition holds names the group
 *       (STarT's risk groups);</li>
 *   <li>{@code change}: the score, the smallest meaningful difference and whether higher or lower
 *       is better;</li>
 *   <li>{@code redFlags}: an item whose value reaches {@code atLeast} raises a red flag.</li>
 * </ul>
 */
public record ScoringRules(List<Rule> scores, Classification classify, ChangeRule change, List<RedFlagRule> redFlags,
                           String workStatusItem, String notice) {

    public record Rule(String id, String label, String method, List<String> items, Integer minAnswered, List<Band> bands) {}

    public record Band(double min, double max, String label) {}

    public record Classification(String label, List<ClassRule> rules) {}

    /** {@code score} at least / at most a value, or no condition (the last rule). */
    public record ClassRule(String score, Double atLeast, Double atMost, String then) {
        boolean holds(Map<String, Double> values) {
            if (score == null) {
                return true;
            }
            Double value = values.get(score);
            return value != null && (atLeast == null || value >= atLeast) && (atMost == null || value <= atMost);
        }
    }

    public record ChangeRule(String score, double meaningful, boolean higherIsBetter) {}

    public record RedFlagRule(String item, double atLeast, String flag, String says) {}

    private static final Set<String> METHODS = Set.of("sum", "mean", "value");

    /** Reads the rules; every broken element is reported by its path. */
    public static ScoringRules parse(JsonNode root, List<String> problems) {
        List<Rule> rules = new ArrayList<>();
        int i = 0;
        for (JsonNode node : root.path("scores")) {
            String path = "scoring.scores[" + i++ + "]";
            String method = node.path("method").asString("");
            if (!METHODS.contains(method)) {
                problems.add(path + ".method must be sum, mean or value, not '" + method + "'");
            }
            List<String> items = new ArrayList<>();
            node.path("items").forEach(item -> items.add(item.asString()));
            if (items.isEmpty()) {
                problems.add(path + ".items names no item");
            }
            List<Band> bands = new ArrayList<>();
            node.path("bands").forEach(b -> bands.add(new Band(b.path("min").asDouble(), b.path("max").asDouble(), b.path("label").asString())));
            String id = node.path("id").asString("");
            if (id.isBlank()) {
                problems.add(path + ".id is missing");
            }
            rules.add(new Rule(id, node.path("label").asString(id), method, List.copyOf(items),
                    node.has("minAnswered") ? node.path("minAnswered").asInt() : null, List.copyOf(bands)));
        }
        Classification classification = null;
        if (root.has("classify")) {
            List<ClassRule> classRules = new ArrayList<>();
            for (JsonNode r : root.path("classify").path("rules")) {
                classRules.add(new ClassRule(r.path("score").asString(null), r.has("atLeast") ? r.path("atLeast").asDouble() : null,
                        r.has("atMost") ? r.path("atMost").asDouble() : null, r.path("then").asString()));
            }
            classification = new Classification(root.path("classify").path("label").asString("Group"), List.copyOf(classRules));
        }
        ChangeRule change = root.has("change") ? new ChangeRule(root.path("change").path("score").asString(),
                root.path("change").path("meaningful").asDouble(), !"lower".equals(root.path("change").path("better").asString("higher")))
                : null;
        List<RedFlagRule> flags = new ArrayList<>();
        root.path("redFlags").forEach(f -> flags.add(new RedFlagRule(f.path("item").asString(), f.path("atLeast").asDouble(),
                f.path("flag").asString(), f.path("says").asString(""))));
        return new ScoringRules(List.copyOf(rules), classification, change, List.copyOf(flags),
                root.path("workStatusItem").asString(null), root.path("notice").asString(null));
    }

    /** Problems with rules that name items or scores the questionnaire does not have. */
    public void check(Map<String, QuestionnaireItem> items, List<String> problems) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            Rule rule = scores.get(i);
            for (String item : rule.items()) {
                QuestionnaireItem found = items.get(item);
                if (found == null) {
                    problems.add("scoring.scores[" + i + "].items names '" + item + "', which the questionnaire does not have");
                } else if (found.isGroup() || "string".equals(found.type()) || "date".equals(found.type())) {
                    problems.add("scoring.scores[" + i + "].items names '" + item + "', a " + found.type() + " item that has no value to score");
                }
            }
            ids.add(rule.id());
        }
        if (classify != null) {
            classify.rules().stream().filter(r -> r.score() != null && !ids.contains(r.score()))
                    .forEach(r -> problems.add("scoring.classify names the score '" + r.score() + "', which is not declared"));
        }
        if (change != null && !ids.contains(change.score())) {
            problems.add("scoring.change names the score '" + change.score() + "', which is not declared");
        }
        redFlags.stream().filter(f -> !items.containsKey(f.item()))
                .forEach(f -> problems.add("scoring.redFlags names '" + f.item() + "', which the questionnaire does not have"));
        if (workStatusItem != null && !items.containsKey(workStatusItem)) {
            problems.add("scoring.workStatusItem names '" + workStatusItem + "', which the questionnaire does not have");
        }
    }

    /** Every score of a response, in declared order, from each item's values. */
    public List<Score> score(Map<String, List<Double>> values) {
        List<Score> result = new ArrayList<>();
        for (Rule rule : scores) {
            Double value = compute(rule, values);
            result.add(new Score(rule.id(), rule.label(), value, value == null ? null : band(rule, value)));
        }
        return result;
    }

    /** The group the first holding classification rule names, if the instrument classifies. */
    public Optional<String> classify(List<Score> scored) {
        if (classify == null) {
            return Optional.empty();
        }
        Map<String, Double> values = new LinkedHashMap<>();
        scored.forEach(s -> values.put(s.id(), s.value()));
        if (scored.stream().anyMatch(s -> !s.computed())) {
            return Optional.empty();
        }
        return classify.rules().stream().filter(r -> r.holds(values)).map(ClassRule::then).findFirst();
    }

    /** Meaningful change from one response's scores to a later one's, if both have the score. */
    public Optional<Change> change(List<Score> before, List<Score> after) {
        if (change == null) {
            return Optional.empty();
        }
        Double from = valueOf(before, change.score());
        Double to = valueOf(after, change.score());
        if (from == null || to == null) {
            return Optional.empty();
        }
        double better = change.higherIsBetter() ? to - from : from - to;
        return Optional.of(better >= change.meaningful() ? Change.IMPROVED : better <= -change.meaningful() ? Change.WORSE : Change.NO_CHANGE);
    }

    /** The red flags the answers raise. */
    public List<RedFlagRule> raised(Map<String, List<Double>> values) {
        return redFlags.stream().filter(f -> values.getOrDefault(f.item(), List.of()).stream().anyMatch(v -> v >= f.atLeast())).toList();
    }

    static Double valueOf(List<Score> scores, String id) {
        return scores.stream().filter(s -> s.id().equals(id)).findFirst().map(Score::value).orElse(null);
    }

    private static Double compute(Rule rule, Map<String, List<Double>> values) {
        List<Double> found = new ArrayList<>();
        boolean missing = false;
        for (String item : rule.items()) {
            List<Double> given = values.getOrDefault(item, List.of());
            missing |= given.isEmpty();
            found.addAll(given);
        }
        if (rule.minAnswered() == null ? missing : found.size() < rule.minAnswered()) {
            return null;
        }
        if (found.isEmpty()) {
            return null;
        }
        double sum = found.stream().mapToDouble(Double::doubleValue).sum();
        return switch (rule.method()) {
            case "mean" -> Math.round(sum / found.size() * 100) / 100.0;
            case "value" -> found.get(0);
            default -> sum;
        };
    }

    private static String band(Rule rule, double value) {
        return rule.bands().stream().filter(b -> value >= b.min() && value <= b.max()).map(Band::label).findFirst().orElse(null);
    }
}

package health.limber.outcome;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A person's answers by item linkId, as typed: an option's code, a number, "true"/"false", a date
 * (yyyy-mm-dd) or text. An item inside a repeating group has one answer per repetition, in order.
 */
public final class Answers {

    private final Map<String, List<String>> byItem = new LinkedHashMap<>();

    public Answers() {}

    public Answers(Map<String, List<String>> answers) {
        answers.forEach((item, values) -> values.forEach(v -> add(item, v)));
    }

    public static Answers of(String... pairs) {
        Answers answers = new Answers();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            answers.add(pairs[i], pairs[i + 1]);
        }
        return answers;
    }

    public Answers add(String item, String value) {
        if (value != null && !value.isBlank()) {
            byItem.computeIfAbsent(item, k -> new ArrayList<>()).add(value.strip());
        }
        return this;
    }

    /** Replaces an item's answers (an empty list clears it). */
    public Answers put(String item, List<String> values) {
        byItem.remove(item);
        values.forEach(v -> add(item, v));
        return this;
    }

    public List<String> get(String item) {
        return Collections.unmodifiableList(byItem.getOrDefault(item, List.of()));
    }

    public String first(String item) {
        List<String> values = get(item);
        return values.isEmpty() ? null : values.get(0);
    }

    public boolean has(String item) {
        return !get(item).isEmpty();
    }

    public Map<String, List<String>> asMap() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        byItem.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Answers a && a.byItem.equals(byItem);
    }

    @Override
    public int hashCode() {
        return byItem.hashCode();
    }

    @Override
    public String toString() {
        return byItem.toString();
    }
}

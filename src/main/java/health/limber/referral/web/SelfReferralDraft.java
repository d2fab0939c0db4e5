package health.limber.referral.web;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A self-referral in progress, kept in the person's session (stored in the database), so a reload
 * or a restart loses nothing and an abandoned form leaves no referral behind. {@code key} makes the
 * final submit idempotent.
 */
class SelfReferralDraft implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    final String key = UUID.randomUUID().toString();
    /** Single answers by field name (dates as yyyy-MM-dd). */
    final Map<String, String> answers = new HashMap<>();
    /** Multiple answers (checkboxes) by field name. */
    final Map<String, List<String>> lists = new HashMap<>();
    /** The steps answered so far, so "check your answers" and the back links know the way. */
    final List<String> answered = new ArrayList<>();

    String get(String field) {
        return answers.getOrDefault(field, "");
    }

    List<String> list(String field) {
        return lists.getOrDefault(field, List.of());
    }

    void put(String field, String value) {
        answers.put(field, value == null ? "" : value.trim());
    }

    void putList(String field, List<String> values) {
        lists.put(field, values == null ? List.of() : List.copyOf(values));
    }

    void done(String step) {
        if (!answered.contains(step)) {
            answered.add(step);
        }
    }
}

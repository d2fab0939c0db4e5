package health.limber.outcome.web;

import health.limber.outcome.Answers;
import health.limber.outcome.QuestionnaireDefinition;
import health.limber.outcome.QuestionnaireItem;
import health.limber.outcome.Scoring;
import health.limber.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * A questionnaire as pages: one question per page, or one repeating group (PSFS's activities, each a
 * name and a rating) per page, leaving out what the answers so far mean is not asked.
 */
final class QuestionPages {

    private QuestionPages() {}

    /**
     * One page.
     *
     * @param group  the repeating group, or null for a single question
     * @param items  the question, or the group's questions
     * @param values what is answered so far, by linkId
     * @param rows   how many rows a group page shows
     */
    record Page(QuestionnaireItem group, List<QuestionnaireItem> items, Map<String, List<String>> values, int rows) {

        public String firstLinkId() {
            return items.get(0).linkId();
        }

        public String heading() {
            return group != null ? group.text() : items.get(0).text();
        }

        public String value(String linkId, int row) {
            List<String> given = values.getOrDefault(linkId, List.of());
            return row < given.size() ? given.get(row) : "";
        }

        /** The answers the page's form gives: for a group, the rows with anything typed (a half-filled row is refused). */
        Answers fromForm(MultiValueMap<String, String> form) {
            Answers answers = new Answers();
            if (group == null) {
                QuestionnaireItem item = items.get(0);
                answers.put(item.linkId(), form.getOrDefault(item.linkId(), List.of()).stream().filter(v -> !v.isBlank()).toList());
                return answers;
            }
            Map<String, List<String>> columns = new LinkedHashMap<>();
            items.forEach(i -> columns.put(i.linkId(), new ArrayList<>()));
            for (int row = 0; row < rows; row++) {
                final int r = row;
                List<String> cells = items.stream().map(i -> cell(form, i.linkId(), r)).toList();
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                for (int c = 0; c < cells.size(); c++) {
                    if (cells.get(c).isBlank()) {
                        throw new InvalidInputException(items.get(c).linkId(), "Row " + (row + 1) + ": answer '" + items.get(c).text()
                                + "' too, or clear the row");
                    }
                    columns.get(items.get(c).linkId()).add(cells.get(c));
                }
            }
            columns.forEach(answers::put);
            return answers;
        }

        /** The same page showing what the person typed (after a problem). */
        Page withTyped(MultiValueMap<String, String> form) {
            Map<String, List<String>> typed = new LinkedHashMap<>();
            items.forEach(i -> typed.put(i.linkId(), form.getOrDefault(i.linkId(), List.of())));
            return new Page(group, items, typed, rows);
        }

        private static String cell(MultiValueMap<String, String> form, String linkId, int row) {
            List<String> values = form.getOrDefault(linkId, List.of());
            return row < values.size() && values.get(row) != null ? values.get(row).strip() : "";
        }
    }

    static List<Page> of(QuestionnaireDefinition definition, Answers answers) {
        List<Page> pages = new ArrayList<>();
        List<String> groupsDone = new ArrayList<>();
        for (QuestionnaireItem item : definition.questions()) {
            if (!Scoring.enabled(definition, item, answers)) {
                continue;
            }
            if (item.group() == null) {
                pages.add(new Page(null, List.of(item), Map.of(item.linkId(), answers.get(item.linkId())), 1));
            } else if (!groupsDone.contains(item.group())) {
                groupsDone.add(item.group());
                QuestionnaireItem group = definition.item(item.group()).orElseThrow();
                List<QuestionnaireItem> children = definition.questions().stream().filter(q -> item.group().equals(q.group())).toList();
                Map<String, List<String>> values = new LinkedHashMap<>();
                children.forEach(c -> values.put(c.linkId(), answers.get(c.linkId())));
                pages.add(new Page(group, children, values, group.maxRepeats() == null ? 5 : group.maxRepeats()));
            }
        }
        return pages;
    }

    /** The page after the one shown, given the answers now (-1: the check page). */
    static int nextAfter(QuestionnaireDefinition definition, Answers answers, Page shown) {
        List<Page> pages = of(definition, answers);
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).firstLinkId().equals(shown.firstLinkId())) {
                return i + 1 < pages.size() ? i + 2 : -1;
            }
        }
        return -1;
    }

    /** The page each question is on, for links from the check page. */
    static Map<String, Integer> pageNumbers(QuestionnaireDefinition definition, Answers answers) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        List<Page> pages = of(definition, answers);
        for (int i = 0; i < pages.size(); i++) {
            for (QuestionnaireItem item : pages.get(i).items()) {
                numbers.put(item.linkId(), i + 1);
            }
        }
        return numbers;
    }
}

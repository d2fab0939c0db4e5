package health.limber.waitinglist.web;

import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.organisation.Icb;
import health.limber.organisation.Organisations;
import health.limber.waitinglist.Priority;
import health.limber.waitinglist.internal.Census;
import health.limber.platform.Suppression;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the waiting-list pages show figures to the reader: analysts see published figures (small
 * numbers suppressed, DOMAIN.md §8, in tables and charts alike), everyone sees ICB, provider and
 * priority names rather than codes.
 */
@Component
class PublishedFigures {

    private final CurrentActor currentActor;
    private final Organisations organisations;
    private final JsonMapper json = JsonMapper.builder().build();

    PublishedFigures(CurrentActor currentActor, Organisations organisations) {
        this.currentActor = currentActor;
        this.organisations = organisations;
    }

    /** Whether the reader sees published figures only. */
    boolean suppressed() {
        return currentActor.get().role() == Role.ANALYST;
    }

    /** A count as the reader may see it. */
    LongFunction<String> counter() {
        return suppressed() ? Suppression::count : Long::toString;
    }

    String groupName(Census.GroupBy by, String group) {
        return switch (by) {
            case COMMISSIONER -> icbName(group);
            case PRIORITY -> Priority.ofCode(Integer.parseInt(group)).label();
            case PROVIDER -> organisations.providers().stream().filter(p -> p.code().equals(group)).findFirst()
                    .map(p -> p.name() + " (" + group + ")").orElse(group);
            case TREATMENT_FUNCTION -> group.equals("650") ? "Physiotherapy (650)" : group;
        };
    }

    /** ICB codes to the names people use, for a list's rows. */
    Map<String, String> icbNames() {
        Map<String, String> names = new HashMap<>();
        organisations.icbs().forEach(icb -> names.put(icb.code(), icb.pilotArea()));
        return names;
    }

    String icbName(String code) {
        return organisations.icb(code).map(Icb::pilotArea).orElse(code);
    }

    /** A chart series; published (suppressed) figures are rounded in the chart too, so its tooltips reveal no more than the table. */
    Map<String, Object> series(String label, List<Long> data) {
        List<Long> shown = suppressed() ? data.stream().map(Suppression::chartValue).toList() : data;
        return Collections.unmodifiableMap(new LinkedHashMap<>(Map.of("label", label, "data", new ArrayList<>(shown))));
    }

    /** A value as JSON, for a chart's data in the page. */
    String json(Object value) {
        return json.writeValueAsString(value);
    }

    /** A date typed in a filter; a wrong one puts an error on the page for that field and is ignored. */
    static Optional<LocalDate> date(String text, String field, Model model) {
        if (blank(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.trim()));
        } catch (DateTimeParseException e) {
            model.addAttribute("errors", Map.of(field, "Enter a real date as yyyy-mm-dd"));
            return Optional.empty();
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

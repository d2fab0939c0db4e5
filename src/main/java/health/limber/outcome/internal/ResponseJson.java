package health.limber.outcome.internal;

import health.limber.outcome.Answers;
import health.limber.outcome.QuestionnaireDefinition;
import health.limber.outcome.QuestionnaireItem;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import health.limber.platform.InvalidInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Type;

/** Answers as a FHIR R4 {@code QuestionnaireResponse} (how they are stored and exchanged), and back. */
public final class ResponseJson {

    private ResponseJson() {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The response as FHIR JSON, items in the questionnaire's order, repeating groups as one group per
     * repetition. Written directly (the structure is small and fixed), so storing many is quick;
     * {@link #read} parses it back with HAPI's R4 structures, which the tests hold it to.
     */
    public static String write(QuestionnaireDefinition definition, UUID patientId, Answers answers, boolean completed, Instant authored) {
        ObjectNode response = JSON.createObjectNode();
        response.put("resourceType", "QuestionnaireResponse");
        response.put("questionnaire", "https://limber.health/fhir/Questionnaire/" + definition.key() + "|" + definition.version());
        response.put("status", completed ? "completed" : "in-progress");
        response.putObject("subject").put("reference", "Patient/" + patientId);
        response.put("authored", authored.atZone(health.limber.platform.LimberTime.ZONE).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        ArrayNode items = JSON.createArrayNode();
        Map<String, List<QuestionnaireItem>> groups = new LinkedHashMap<>();
        for (QuestionnaireItem item : definition.questions()) {
            if (item.group() == null) {
                if (answers.has(item.linkId())) {
                    items.add(item(item, answers.get(item.linkId())));
                }
            } else {
                groups.computeIfAbsent(item.group(), g -> new ArrayList<>()).add(item);
            }
        }
        groups.forEach((group, children) -> {
            int repetitions = children.stream().mapToInt(c -> answers.get(c.linkId()).size()).max().orElse(0);
            for (int r = 0; r < repetitions; r++) {
                ObjectNode instance = items.addObject();
                instance.put("linkId", group);
                ArrayNode nested = instance.putArray("item");
                for (QuestionnaireItem child : children) {
                    List<String> given = answers.get(child.linkId());
                    if (r < given.size()) {
                        nested.add(item(child, List.of(given.get(r))));
                    }
                }
            }
        });
        if (!items.isEmpty()) {
            response.set("item", items);
        }
        return JSON.writeValueAsString(response);
    }

    private static ObjectNode item(QuestionnaireItem item, List<String> values) {
        ObjectNode component = JSON.createObjectNode();
        component.put("linkId", item.linkId());
        ArrayNode answers = component.putArray("answer");
        for (String value : values) {
            ObjectNode answer = answers.addObject();
            switch (item.type()) {
                case "choice" -> {
                    ObjectNode coding = answer.putObject("valueCoding");
                    coding.put("code", value);
                    item.option(value).map(QuestionnaireItem.Option::display).ifPresent(d -> coding.put("display", d));
                }
                case "integer" -> answer.put("valueInteger", new BigDecimal(value).intValueExact());
                case "decimal" -> answer.put("valueDecimal", new BigDecimal(value));
                case "boolean" -> answer.put("valueBoolean", Boolean.parseBoolean(value));
                case "date" -> answer.put("valueDate", value);
                default -> answer.put("valueString", value);
            }
        }
        return component;
    }

    /** Reads a FHIR QuestionnaireResponse's answers; its questionnaire reference and subject are returned for checking. */
    public record Read(String questionnaire, String subject, Answers answers, boolean completed) {}

    public static Read read(String json) {
        QuestionnaireResponse response;
        try {
            response = FhirContext.forR4Cached().newJsonParser().parseResource(QuestionnaireResponse.class, json);
        } catch (DataFormatException | ClassCastException e) {
            throw new InvalidInputException("QuestionnaireResponse", "This is not a FHIR R4 QuestionnaireResponse: " + e.getMessage());
        }
        Answers answers = new Answers();
        collect(response.getItem(), answers);
        return new Read(response.getQuestionnaire(), response.getSubject().getReference(), answers,
                response.getStatus() == QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
    }

    private static void collect(List<QuestionnaireResponseItemComponent> items, Answers answers) {
        for (QuestionnaireResponseItemComponent item : items) {
            for (var answer : item.getAnswer()) {
                Type value = answer.getValue();
                answers.add(item.getLinkId(), value instanceof Coding c ? c.getCode()
                        : value instanceof DecimalType d ? d.getValue().stripTrailingZeros().toPlainString()
                        : value == null ? null : value.primitiveValue());
                collect(answer.getItem(), answers);
            }
            collect(item.getItem(), answers);
        }
    }
}

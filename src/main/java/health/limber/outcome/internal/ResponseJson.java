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
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/** Answers as a FHIR R4 {@code QuestionnaireResponse} (how they are stored and exchanged), and back. */
public final class ResponseJson {

    private ResponseJson() {}

    /** The response as FHIR JSON, items in the questionnaire's order, repeating groups as one group per repetition. */
    public static String write(QuestionnaireDefinition definition, UUID patientId, Answers answers, boolean completed, Instant authored) {
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setQuestionnaire("https://limber.health/fhir/Questionnaire/" + definition.key() + "|" + definition.version());
        response.setStatus(completed ? QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED
                : QuestionnaireResponse.QuestionnaireResponseStatus.INPROGRESS);
        response.setSubject(new Reference("Patient/" + patientId));
        response.setAuthored(Date.from(authored));
        Map<String, List<QuestionnaireItem>> groups = new LinkedHashMap<>();
        for (QuestionnaireItem item : definition.questions()) {
            if (item.group() == null) {
                if (answers.has(item.linkId())) {
                    response.addItem(item(definition, item, answers.get(item.linkId())));
                }
            } else {
                groups.computeIfAbsent(item.group(), g -> new ArrayList<>()).add(item);
            }
        }
        groups.forEach((group, children) -> {
            int repetitions = children.stream().mapToInt(c -> answers.get(c.linkId()).size()).max().orElse(0);
            for (int r = 0; r < repetitions; r++) {
                QuestionnaireResponseItemComponent instance = new QuestionnaireResponseItemComponent().setLinkId(group);
                for (QuestionnaireItem child : children) {
                    List<String> given = answers.get(child.linkId());
                    if (r < given.size()) {
                        instance.addItem(item(definition, child, List.of(given.get(r))));
                    }
                }
                response.addItem(instance);
            }
        });
        return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(response);
    }

    private static QuestionnaireResponseItemComponent item(QuestionnaireDefinition definition, QuestionnaireItem item, List<String> values) {
        QuestionnaireResponseItemComponent component = new QuestionnaireResponseItemComponent().setLinkId(item.linkId());
        for (String value : values) {
            component.addAnswer().setValue(value(item, value));
        }
        return component;
    }

    private static Type value(QuestionnaireItem item, String value) {
        return switch (item.type()) {
            case "choice" -> new Coding().setCode(value).setDisplay(item.option(value).map(QuestionnaireItem.Option::display).orElse(null));
            case "integer" -> new IntegerType(new BigDecimal(value).intValueExact());
            case "decimal" -> new DecimalType(new BigDecimal(value));
            case "boolean" -> new BooleanType(Boolean.parseBoolean(value));
            case "date" -> new DateType(value);
            default -> new StringType(value);
        };
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

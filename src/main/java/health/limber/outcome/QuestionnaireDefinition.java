package health.limber.outcome;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Type;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An instrument as data: a FHIR R4 {@code Questionnaire} (read with HAPI FHIR's R4 structures) and
 * the scoring rules declared beside it. Reading either checks it whole: every problem is reported
 * with the path of the bad element, and nothing is half-loaded.
 */
public final class QuestionnaireDefinition {

    static final String ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    static final String MIN = "http://hl7.org/fhir/StructureDefinition/minValue";
    static final String MAX = "http://hl7.org/fhir/StructureDefinition/maxValue";
    static final String MAX_OCCURS = "http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs";
    private static final Set<String> TYPES = Set.of("group", "display", "choice", "integer", "decimal", "string", "text", "date", "boolean");
    private static final Set<String> OPERATORS = Set.of("exists", "=", "!=", ">", "<", ">=", "<=");

    private final String key;
    private final String version;
    private final String title;
    private final String description;
    private final Map<String, QuestionnaireItem> items;
    private final ScoringRules rules;
    private final boolean licensed;
    private final String questionnaireJson;
    private final String scoringJson;

    private QuestionnaireDefinition(String key, String version, String title, String description, Map<String, QuestionnaireItem> items,
                                    ScoringRules rules, boolean licensed, String questionnaireJson, String scoringJson) {
        this.key = key;
        this.version = version;
        this.title = title;
        this.description = description;
        this.items = items;
        this.rules = rules;
        this.licensed = licensed;
        this.questionnaireJson = questionnaireJson;
        this.scoringJson = scoringJson;
    }

    /** The problems found reading a questionnaire and its scoring rules, each naming the bad element. */
    public static final class InvalidDefinitionException extends RuntimeException {
        private final List<String> problems;

        InvalidDefinitionException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /**
     * Reads a questionnaire and its rules.
     *
     * @throws InvalidDefinitionException with every problem found
     */
    public static QuestionnaireDefinition read(String questionnaireJson, String scoringJson) {
        List<String> problems = new ArrayList<>();
        Questionnaire questionnaire;
        try {
            questionnaire = FhirContext.forR4Cached().newJsonParser().setParserErrorHandler(new StrictErrorHandler())
                    .parseResource(Questionnaire.class, questionnaireJson);
        } catch (DataFormatException | ClassCastException e) {
            throw new InvalidDefinitionException(List.of("Questionnaire: " + e.getMessage()));
        }
        JsonNode scoring;
        try {
            scoring = JsonMapper.builder().build().readTree(scoringJson);
        } catch (RuntimeException e) {
            throw new InvalidDefinitionException(List.of("scoring: not JSON (" + e.getMessage() + ")"));
        }
        String key = questionnaire.getIdElement().getIdPart();
        if (key == null || !key.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            problems.add("Questionnaire.id must be a key of lower-case letters, digits and hyphens, not '" + key + "'");
        }
        if (!questionnaire.hasTitle()) {
            problems.add("Questionnaire.title is missing");
        }
        Map<String, QuestionnaireItem> items = new LinkedHashMap<>();
        flatten(questionnaire.getItem(), "Questionnaire", null, items, problems);
        checkConditions(items, problems);
        ScoringRules rules = ScoringRules.parse(scoring, problems);
        rules.check(items, problems);
        if (items.values().stream().noneMatch(i -> !i.isGroup() && !"display".equals(i.type()))) {
            problems.add("Questionnaire.item has no questions");
        }
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems);
        }
        return new QuestionnaireDefinition(key, questionnaire.hasVersion() ? questionnaire.getVersion() : "1", questionnaire.getTitle(),
                questionnaire.getDescription(), items, rules,
                scoring.path("licensed").asBoolean(false) || scoring.path("wordingFromService").asBoolean(false), questionnaireJson, scoringJson);
    }

    private static void flatten(List<QuestionnaireItemComponent> children, String parentPath, String group,
                                Map<String, QuestionnaireItem> items, List<String> problems) {
        for (int i = 0; i < children.size(); i++) {
            QuestionnaireItemComponent item = children.get(i);
            String path = parentPath + ".item[" + i + "]";
            String type = item.getType() == null ? "" : item.getType().toCode();
            if (!item.hasLinkId()) {
                problems.add(path + ".linkId is missing");
                continue;
            }
            if (!TYPES.contains(type)) {
                problems.add(path + ".type '" + type + "' is not one Limber asks (group, display, choice, integer, decimal, string, text, date, boolean)");
            }
            List<QuestionnaireItem.Option> options = new ArrayList<>();
            for (int o = 0; o < item.getAnswerOption().size(); o++) {
                var option = item.getAnswerOption().get(o);
                if (!option.hasValueCoding()) {
                    problems.add(path + ".answerOption[" + o + "] needs a valueCoding");
                    continue;
                }
                Coding coding = option.getValueCoding();
                Extension ordinal = option.getExtensionByUrl(ORDINAL);
                options.add(new QuestionnaireItem.Option(coding.getCode(), coding.hasDisplay() ? coding.getDisplay() : coding.getCode(),
                        ordinal == null ? null : number(ordinal.getValue())));
            }
            if ("choice".equals(type) && options.isEmpty()) {
                problems.add(path + ".answerOption is missing: a choice item needs its options");
            }
            List<QuestionnaireItem.Condition> conditions = new ArrayList<>();
            for (int c = 0; c < item.getEnableWhen().size(); c++) {
                var when = item.getEnableWhen().get(c);
                String operator = when.getOperator() == null ? "" : when.getOperator().toCode();
                if (!OPERATORS.contains(operator)) {
                    problems.add(path + ".enableWhen[" + c + "].operator '" + operator + "' is not supported");
                }
                conditions.add(new QuestionnaireItem.Condition(when.getQuestion(), operator, text(when.getAnswer())));
            }
            Extension maxOccurs = item.getExtensionByUrl(MAX_OCCURS);
            var flat = new QuestionnaireItem(item.getLinkId(), item.getText(), type, item.getRequired(), item.getRepeats(), List.copyOf(options),
                    bound(item, MIN), bound(item, MAX), maxOccurs == null ? null : number(maxOccurs.getValue()).intValue(),
                    List.copyOf(conditions), item.getEnableBehavior() != Questionnaire.EnableWhenBehavior.ANY, group);
            if (items.put(flat.linkId(), flat) != null) {
                problems.add(path + ".linkId '" + flat.linkId() + "' is used twice");
            }
            if (item.hasItem()) {
                flatten(item.getItem(), path, item.getRepeats() ? item.getLinkId() : group, items, problems);
            }
        }
    }

    private static void checkConditions(Map<String, QuestionnaireItem> items, List<String> problems) {
        items.values().forEach(item -> item.enableWhen().stream().filter(c -> !items.containsKey(c.question()))
                .forEach(c -> problems.add("item '" + item.linkId() + "'.enableWhen names '" + c.question() + "', which the questionnaire does not have")));
    }

    private static Double bound(QuestionnaireItemComponent item, String url) {
        Extension extension = item.getExtensionByUrl(url);
        return extension == null ? null : number(extension.getValue());
    }

    private static Double number(Type value) {
        if (value instanceof IntegerType i) {
            return i.getValue().doubleValue();
        }
        if (value instanceof DecimalType d) {
            return d.getValue().doubleValue();
        }
        return null;
    }

    private static String text(Type value) {
        if (value instanceof Coding coding) {
            return coding.getCode();
        }
        if (value instanceof BooleanType b) {
            return b.getValue().toString();
        }
        return value == null ? null : value.primitiveValue();
    }

    /** The same instrument with item and option words replaced where the wording gives them (licensed text). */
    public QuestionnaireDefinition worded(BiFunction<String, String, String> wording) {
        Map<String, QuestionnaireItem> worded = new LinkedHashMap<>();
        items.forEach((id, item) -> worded.put(id, new QuestionnaireItem(item.linkId(), wording.apply(key + ".item." + id, item.text()),
                item.type(), item.required(), item.repeats(),
                item.options().stream().map(o -> new QuestionnaireItem.Option(o.code(),
                        wording.apply(key + ".item." + id + ".option." + o.code(), o.display()), o.ordinal())).toList(),
                item.min(), item.max(), item.maxRepeats(), item.enableWhen(), item.enableWhenAll(), item.group())));
        return new QuestionnaireDefinition(key, version, title, description, worded, rules, licensed, questionnaireJson, scoringJson);
    }

    public String key() { return key; }
    public String version() { return version; }
    public String title() { return title; }
    public String description() { return description; }
    public ScoringRules rules() { return rules; }
    /** Whether the wording is licensed by its owner and supplied by the service, never shipped. */
    public boolean licensed() { return licensed; }
    public String questionnaireJson() { return questionnaireJson; }
    public String scoringJson() { return scoringJson; }

    /** Every item, groups included, in the questionnaire's order. */
    public List<QuestionnaireItem> items() {
        return List.copyOf(items.values());
    }

    /** The items a person answers (not groups or display text), in order. */
    public List<QuestionnaireItem> questions() {
        return items.values().stream().filter(i -> !i.isGroup() && !"display".equals(i.type())).toList();
    }

    public java.util.Optional<QuestionnaireItem> item(String linkId) {
        return java.util.Optional.ofNullable(items.get(linkId));
    }
}

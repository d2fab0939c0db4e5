package health.limber.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A broken questionnaire or scoring file is refused whole, each problem named by the path of its element. */
class QuestionnaireDefinitionTests {

    static final String PAIN = """
            {"resourceType": "Questionnaire", "id": "knee-pain", "title": "Knee pain", "status": "active",
             "item": [{"linkId": "pain", "text": "How bad?", "type": "integer"}, %s]}""";

    @Test
    void everyShippedInstrumentReads() {
        Questionnaires.SHIPPED.forEach(key -> assertThat(Questionnaires.shipped(key).key()).isEqualTo(key));
    }

    @Test
    void aRuleNamingAMissingItemIsRefusedWithItsPath() {
        assertThatThrownBy(() -> QuestionnaireDefinition.read(PAIN.formatted("{\"linkId\": \"x\", \"type\": \"string\"}"),
                "{\"scores\": [{\"id\": \"t\", \"method\": \"sum\", \"items\": [\"pain\", \"swelling\"]}]}"))
                .isInstanceOfSatisfying(QuestionnaireDefinition.InvalidDefinitionException.class, e -> assertThat(e.problems())
                        .containsExactly("scoring.scores[0].items names 'swelling', which the questionnaire does not have"));
    }

    @Test
    void brokenStructureIsRefusedWithThePathOfTheBadElement() {
        assertThatThrownBy(() -> QuestionnaireDefinition.read(PAIN.formatted(
                "{\"linkId\": \"side\", \"type\": \"choice\"}, {\"linkId\": \"pain\", \"type\": \"string\", \"enableWhen\": "
                        + "[{\"question\": \"nowhere\", \"operator\": \"exists\", \"answerBoolean\": true}]}"), "{\"scores\": []}"))
                .isInstanceOfSatisfying(QuestionnaireDefinition.InvalidDefinitionException.class, e -> assertThat(e.problems()).containsExactly(
                        "Questionnaire.item[1].answerOption is missing: a choice item needs its options",
                        "Questionnaire.item[2].linkId 'pain' is used twice",
                        "item 'pain'.enableWhen names 'nowhere', which the questionnaire does not have"));
        assertThatThrownBy(() -> QuestionnaireDefinition.read("{\"resourceType\": \"Questionnaire\", \"item\": [{\"linkId\": 3, \"colour\": \"red\"}]}", "{}"))
                .isInstanceOfSatisfying(QuestionnaireDefinition.InvalidDefinitionException.class,
                        e -> assertThat(e.problems().get(0)).startsWith("Questionnaire: ").contains("colour"));
        assertThatThrownBy(() -> QuestionnaireDefinition.read(PAIN.formatted("{\"linkId\": \"y\", \"type\": \"string\"}"), "{\"scores\": [{\"method\": \"median\", \"items\": [\"pain\"]}]}"))
                .isInstanceOfSatisfying(QuestionnaireDefinition.InvalidDefinitionException.class, e -> assertThat(e.problems())
                        .contains("scoring.scores[0].method must be sum, mean or value, not 'median'", "scoring.scores[0].id is missing"));
    }
}

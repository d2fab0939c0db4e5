package health.limber.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import health.limber.outcome.internal.ResponseJson;
import java.time.Instant;
import java.util.UUID;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;

/** Responses are stored as FHIR R4 QuestionnaireResponse JSON that HAPI reads strictly, and read back to the same answers. */
class ResponseJsonTests {

    @Test
    void writtenResponsesAreStrictFhirAndReadBackUnchanged() {
        UUID patient = UUID.randomUUID();
        Answers psfs = Answers.of("activity-name", "Stairs", "activity-rating", "3", "activity-name", "Kneeling", "activity-rating", "7");
        Answers work = Answers.of("status", "EMPLOYED_WORKING", "days-off", "2", "hours", "37.5", "affected", "4");
        for (var pair : java.util.List.of(java.util.Map.entry("psfs", psfs), java.util.Map.entry("work", work),
                java.util.Map.entry("groc", Answers.of("change", "better")))) {
            String json = ResponseJson.write(Questionnaires.shipped(pair.getKey()), patient, pair.getValue(), true, Instant.parse("2026-12-07T10:15:30Z"));
            QuestionnaireResponse parsed = FhirContext.forR4Cached().newJsonParser().setParserErrorHandler(new StrictErrorHandler())
                    .parseResource(QuestionnaireResponse.class, json);
            assertThat(parsed.getSubject().getReference()).isEqualTo("Patient/" + patient);
            assertThat(parsed.getStatus()).isEqualTo(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
            ResponseJson.Read read = ResponseJson.read(json);
            assertThat(read.answers()).as(pair.getKey()).isEqualTo(pair.getValue());
            assertThat(read.questionnaire()).isEqualTo("https://limber.health/fhir/Questionnaire/" + pair.getKey() + "|1");
        }
    }
}

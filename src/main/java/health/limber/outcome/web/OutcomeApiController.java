package health.limber.outcome.web;

import health.limber.outcome.OutcomeDue;
import health.limber.outcome.OutcomeResponse;
import health.limber.outcome.OutcomeResponses;
import health.limber.outcome.OutcomeSchedules;
import health.limber.outcome.QuestionnaireDefinition;
import health.limber.outcome.Questionnaires;
import health.limber.outcome.internal.OutcomeReports;
import health.limber.outcome.internal.ResponseJson;
import health.limber.outcome.Score;
import health.limber.patient.PatientId;
import health.limber.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api")
@Tag(name = "Outcome questionnaires")
class OutcomeApiController {

    record QuestionnaireSummary(String key, String title, String version, boolean wordingFromService, int questions) {
        static QuestionnaireSummary of(QuestionnaireDefinition d) {
            return new QuestionnaireSummary(d.key(), d.title(), d.version(), d.licensed(), d.questions().size());
        }
    }

    record ResponseView(UUID id, String instrument, String instrumentVersion, String status, String source, String enteredBy, LocalDate completedOn,
                        List<Score> scores, String group, Map<String, List<String>> answers) {
        static ResponseView of(OutcomeResponse r) {
            return new ResponseView(r.id(), r.instrument(), r.instrumentVersion(), r.status().name(), r.source().name(), r.enteredBy(), r.completedOn(),
                    r.scores(), r.group(), r.answers().asMap());
        }
    }

    record UploadBody(JsonNode questionnaire, JsonNode scoring) {}

    private final Questionnaires questionnaires;
    private final OutcomeResponses responses;
    private final OutcomeSchedules schedules;
    private final OutcomeReports reports;
    private final OutcomeReportTables tables;

    OutcomeApiController(Questionnaires questionnaires, OutcomeResponses responses, OutcomeSchedules schedules, OutcomeReports reports,
                         OutcomeReportTables tables) {
        this.reports = reports;
        this.tables = tables;
        this.questionnaires = questionnaires;
        this.responses = responses;
        this.schedules = schedules;
    }

    @Operation(summary = "The questionnaires in force")
    @GetMapping("/questionnaires")
    List<QuestionnaireSummary> list() {
        return questionnaires.all().stream().map(QuestionnaireSummary::of).toList();
    }

    @Operation(summary = "One questionnaire as a FHIR R4 Questionnaire",
            description = "As loaded: licensed wording is never in it (the service's wording file supplies it to the app).")
    @GetMapping(value = "/questionnaires/{key}", produces = {"application/fhir+json", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<String> questionnaire(@PathVariable String key) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/fhir+json"))
                .body(questionnaires.get(key).questionnaireJson());
    }

    @Operation(summary = "Load a questionnaire (administrators)",
            description = "questionnaire: a FHIR R4 Questionnaire; scoring: its scoring rules (docs/outcomes.md). Checked whole: a broken one is "
                    + "refused with every problem named by the path of its element, and the questionnaires in force do not change.")
    @PostMapping(value = "/questionnaires", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<QuestionnaireSummary> upload(@RequestBody UploadBody body) {
        if (body.questionnaire() == null || body.scoring() == null) {
            throw new InvalidInputException("questionnaire", "Send both the questionnaire and its scoring rules");
        }
        QuestionnaireDefinition loaded = questionnaires.upload(body.questionnaire().toString(), body.scoring().toString());
        return ResponseEntity.created(URI.create("/api/questionnaires/" + loaded.key())).body(QuestionnaireSummary.of(loaded));
    }

    @Operation(summary = "A person's completed questionnaires, oldest first, with their scores",
            description = "For the person and staff who may read their record.")
    @GetMapping("/patients/{id}/questionnaire-responses")
    List<ResponseView> responses(@PathVariable UUID id) {
        return responses.ofPatient(PatientId.of(id)).stream().map(ResponseView::of).toList();
    }

    @Operation(summary = "Record a completed questionnaire",
            description = "The body is a FHIR R4 QuestionnaireResponse whose subject is Patient/{id} and whose questionnaire is the instrument's "
                    + "canonical URL (https://limber.health/fhir/Questionnaire/<key>, optionally |version). The Idempotency-Key header is "
                    + "required: the same key and answers again return the response kept; other answers under it are refused. dueId: what "
                    + "it answers, if it was due. Scored at once; a red-flag answer raises a red-flag task.")
    @PostMapping(value = "/patients/{id}/questionnaire-responses", consumes = {"application/fhir+json", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<ResponseView> record(@PathVariable UUID id, @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                        @RequestParam(required = false) UUID dueId, @RequestBody String body) {
        ResponseJson.Read read = ResponseJson.read(body);
        if (read.subject() == null || !read.subject().equals("Patient/" + id)) {
            throw new InvalidInputException("subject", "The response's subject must be Patient/" + id);
        }
        String prefix = "https://limber.health/fhir/Questionnaire/";
        if (read.questionnaire() == null || !read.questionnaire().startsWith(prefix)) {
            throw new InvalidInputException("questionnaire", "Name the questionnaire by its canonical URL, " + prefix + "<key>");
        }
        String instrument = read.questionnaire().substring(prefix.length()).split("\\|")[0];
        OutcomeResponse recorded = responses.record(PatientId.of(id), instrument, read.answers(), dueId, key, OutcomeResponse.Source.API);
        return ResponseEntity.created(URI.create("/api/patients/" + id + "/questionnaire-responses")).body(ResponseView.of(recorded));
    }

    @Operation(summary = "The outcome report",
            description = "For service managers and analysts, over the ICBs their organisation serves (icb: one of them). from, to (yyyy-mm-dd, "
                    + "default the last 12 months): questionnaires that fell due in the period; kind: a kind of care. Return rates per time point "
                    + "with and without reminders, paired baseline-to-discharge change per instrument with its 95% confidence interval and "
                    + "meaningful change, and work status at baseline against discharge. Analysts get published figures (small numbers suppressed).")
    @GetMapping(value = "/outcomes/report", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> api(@RequestParam(required = false) String icb, @RequestParam(required = false) String from,
                            @RequestParam(required = false) String to, @RequestParam(required = false) String kind) {
        OutcomeReports.Report report = reports.report(tables.filter(icb, from, to, kind));
        OutcomeReportTables.Tables shown = tables.of(report);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", report.filter().from().toString());
        body.put("to", report.filter().to().toString());
        body.put("icbs", report.icbs());
        body.put("suppressed", shown.suppressed());
        body.put("returns", rows(OutcomeReportTables.RETURNS, shown.returns()));
        body.put("pairedChange", rows(OutcomeReportTables.PAIRED, shown.paired()));
        body.put("work", rows(OutcomeReportTables.WORK, shown.work()));
        return body;
    }

    private static List<Map<String, String>> rows(List<String> head, List<List<String>> rows) {
        return rows.stream().map(row -> {
            Map<String, String> named = new LinkedHashMap<>();
            for (int i = 0; i < head.size(); i++) {
                named.put(head.get(i), row.get(i));
            }
            return named;
        }).toList();
    }

    @Operation(summary = "What the person has to answer now", description = "For the person and staff who may read their record.")
    @GetMapping("/patients/{id}/questionnaires-due")
    List<OutcomeDue> due(@PathVariable UUID id) {
        return schedules.dueNow(PatientId.of(id));
    }
}

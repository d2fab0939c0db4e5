package health.limber.referral.web;

import health.limber.identity.CurrentActor;
import health.limber.platform.IdempotentRequests;
import health.limber.platform.InvalidInputException;
import health.limber.referral.BodySite;
import health.limber.referral.CarePathway;
import health.limber.referral.RedFlagQuestion;
import health.limber.referral.RedFlagQuestions;
import health.limber.referral.RedFlagTaskManagement;
import health.limber.referral.ReferralSource;
import health.limber.referral.RiskGroup;
import health.limber.referral.Urgency;
import health.limber.referral.internal.Referral;
import health.limber.referral.internal.ReferralAttachment;
import health.limber.referral.internal.ReferralAttachments;
import health.limber.referral.internal.ReferralInput;
import health.limber.referral.internal.ReferralManagement;
import health.limber.referral.internal.ReferralQueries;
import health.limber.referral.internal.TriageDecision;
import health.limber.referral.internal.TriageOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Referrals for integrating systems (GP systems, e-RS gateways) and the triage worklist. */
@RestController
@RequestMapping("/api")
@Tag(name = "Referrals", description = "Referral intake, triage worklist, triage decisions and red-flag tasks")
class ReferralApiController {

    private final ReferralManagement referrals;
    private final RedFlagTaskManagement tasks;
    private final RedFlagQuestions questions;
    private final ReferralAttachments attachments;
    private final IdempotentRequests idempotent;
    private final CurrentActor currentActor;
    private final JsonMapper json;

    ReferralApiController(ReferralManagement referrals, RedFlagTaskManagement tasks, RedFlagQuestions questions, ReferralAttachments attachments,
                          IdempotentRequests idempotent, CurrentActor currentActor, JsonMapper json) {
        this.referrals = referrals;
        this.tasks = tasks;
        this.questions = questions;
        this.attachments = attachments;
        this.idempotent = idempotent;
        this.currentActor = currentActor;
        this.json = json;
    }

    @Operation(summary = "Send a referral",
            description = "Checks every field (problem+json names each broken rule). With an Idempotency-Key header a retry "
                          + "returns the first reply (same status and body) and creates nothing new.")
    @PostMapping(value = "/referrals", consumes = "application/json")
    ResponseEntity<String> create(@Parameter(description = "The client's key for this request, e.g. a UUID")
                                  @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                  @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
                                          schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ReferralInput.class)))
                                  @RequestBody String body) {
        ReferralInput input = parse(body, ReferralInput.class);
        return idempotent.once(currentActor.get().username(), key, body, () -> {
            Referral referral = referrals.receive(input);
            return ResponseEntity.created(URI.create("/api/referrals/" + referral.id())).body(ReferralView.of(referral));
        });
    }

    @Operation(summary = "Add a letter to a referral",
            description = "multipart/form-data with one part named file: a PDF, PNG or JPEG (checked by its content) "
                          + "up to limber.referral.max-attachment-size (10 MB by default).")
    @PostMapping(value = "/referrals/{id}/attachments", consumes = "multipart/form-data")
    ResponseEntity<ReferralView.AttachmentView> attach(@PathVariable UUID id, @RequestParam("file") MultipartFile file) throws IOException {
        var uploads = AttachmentForms.uploads(file);
        if (uploads.isEmpty()) {
            throw new InvalidInputException("file", "Send the letter in a part named file");
        }
        ReferralAttachment attachment = attachments.attach(id, uploads.get(0));
        var view = ReferralView.AttachmentView.of(id, attachment);
        return ResponseEntity.created(URI.create(view.href())).body(view);
    }

    @Operation(summary = "Download a referral's letter")
    @GetMapping("/referrals/{id}/attachments/{attachmentId}")
    ResponseEntity<InputStreamResource> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        return AttachmentForms.download(attachments.openAttachment(id, attachmentId));
    }

    @Operation(summary = "Read a referral")
    @GetMapping("/referrals/{id}")
    ReferralView read(@PathVariable UUID id) {
        return ReferralView.of(referrals.read(id));
    }

    @Operation(summary = "The triage worklist", description = "Untriaged referrals of your ICBs: emergency red flags, "
                                                             + "urgent red flags, then requested urgency, then oldest first. 50 a page.")
    @GetMapping("/referrals")
    ReferralQueries.WorklistPage worklist(@RequestParam(required = false) ReferralSource source,
                                          @RequestParam(required = false) BodySite site,
                                          @RequestParam(required = false) RiskGroup risk,
                                          @RequestParam(required = false) Integer olderThanDays,
                                          @RequestParam(defaultValue = "0") int page) {
        return referrals.worklist(new ReferralQueries.WorklistFilter(source, site, risk, olderThanDays, Math.max(0, page)));
    }

    @Operation(summary = "Record the triage decision",
            description = "A red flag sent to routine priority or digital self-management needs overrideReason, and is audited.")
    @PostMapping(value = "/referrals/{id}/triage", consumes = "application/json")
    ReferralView triage(@PathVariable UUID id, @RequestBody TriageRequest request) {
        var decision = new TriageDecision(request.outcome(), request.pathway(), request.priority(), request.reason(),
                Boolean.TRUE.equals(request.wantsEmploymentSupport()), Boolean.TRUE.equals(request.wantsDebtSupport()),
                request.overrideReason(), request.redirectTo(), request.rejectionLetter());
        if (request.version() == null) {
            throw new InvalidInputException("version", "Send the version of the referral you read");
        }
        return ReferralView.of(referrals.triage(id, request.version(), decision, request.patient(), request.nhsNumber()));
    }

    @Operation(summary = "The red-flag questions in force", description = "Ids to send in redFlags, their level and wording")
    @GetMapping("/referrals/red-flags")
    List<RedFlagQuestion> redFlags() {
        return questions.all();
    }

    @Operation(summary = "Open red-flag tasks of your ICBs, soonest due first")
    @GetMapping("/red-flag-tasks")
    List<ReferralQueries.TaskRow> tasks() {
        return tasks.openTasks();
    }

    @Operation(summary = "Close a red-flag task with what was done")
    @PostMapping(value = "/red-flag-tasks/{id}/close", consumes = "application/json")
    ResponseEntity<Void> close(@PathVariable UUID id, @RequestBody CloseTask request) {
        tasks.closeTask(id, request.outcome());
        return ResponseEntity.noContent().build();
    }

    private <T> T parse(String body, Class<T> type) {
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw new InvalidInputException("body", "Send the referral as a JSON object");
            }
            return value;
        } catch (JacksonException e) {
            throw new InvalidInputException("body", "The request body is not valid JSON for a referral: " + e.getOriginalMessage());
        }
    }

    /**
     * @param patient {@code existing:<patient id>} or {@code new}, when the referral is not linked yet
     */
    record TriageRequest(TriageOutcome outcome, CarePathway pathway, Urgency priority, String reason,
                         Boolean wantsEmploymentSupport, Boolean wantsDebtSupport, String overrideReason,
                         String redirectTo, String rejectionLetter, String patient, String nhsNumber, Long version) {}

    record CloseTask(String outcome) {}
}

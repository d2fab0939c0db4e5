package health.limber.episode.web;

import health.limber.episode.internal.Episode;
import health.limber.episode.internal.EpisodeId;
import health.limber.episode.internal.EpisodeManagement;
import health.limber.episode.internal.EpisodeTimeline;
import health.limber.identity.CurrentActor;
import health.limber.patient.PatientId;
import health.limber.patient.PatientManagement;
import health.limber.platform.ConflictException;
import health.limber.platform.IdempotentRequests;
import health.limber.platform.InvalidInputException;
import health.limber.platform.LimberTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Episodes of care over the API: read, discharge, and follow-ups asked for in a PIFU window and answered. */
@RestController
@RequestMapping("/api")
@Tag(name = "Episodes of care")
class EpisodeApiController {

    record DischargeBody(Long version, String reason, String on, String note, String referredTo, Integer followUpMonths) {}

    record FollowUpBody(String what) {}

    record AnswerBody(Long version, String answer) {}

    private final EpisodeManagement episodes;
    private final EpisodeTimeline timeline;
    private final PatientManagement patients;
    private final IdempotentRequests idempotent;
    private final CurrentActor currentActor;
    private final Clock clock;

    EpisodeApiController(EpisodeManagement episodes, EpisodeTimeline timeline, PatientManagement patients, IdempotentRequests idempotent,
                         CurrentActor currentActor, Clock clock) {
        this.episodes = episodes;
        this.timeline = timeline;
        this.patients = patients;
        this.idempotent = idempotent;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @Operation(summary = "A person's episodes of care, newest first", description = "For staff who may read the person's record.")
    @GetMapping("/episodes")
    List<EpisodeView> ofPatient(@RequestParam UUID patient) {
        return episodes.ofPatient(PatientId.of(patient)).stream().map(e -> EpisodeView.of(e, today())).toList();
    }

    @Operation(summary = "One episode of care with its timeline",
            description = "The timeline lists, in date order, what the episode holds: the accepted referral, the waiting-list pathway, "
                    + "programmes, clinic visits and classes in its dates, the discharge and any follow-ups asked for.")
    @GetMapping("/episodes/{id}")
    EpisodeView read(@PathVariable UUID id) {
        Episode episode = episodes.read(EpisodeId.of(id));
        return currentActor.get().isPatient() ? forPatient(episode) : full(episode);
    }

    @Operation(summary = "Discharge the person (clinicians)",
            description = "reason: TREATMENT_COMPLETE, PATIENT_INITIATED_FOLLOW_UP, DID_NOT_ATTEND, DECLINED_FURTHER_CARE, REFERRED_ON or DIED; "
                    + "on: the date (yyyy-mm-dd, not before the episode opened, not in the future); referredTo: required with REFERRED_ON; "
                    + "followUpMonths: 3 or 6 with PATIENT_INITIATED_FOLLOW_UP (the service's default when left out); version: the episode's "
                    + "version you read (409 with the current episode if it has changed). A clock still running on the pathway stops on the "
                    + "discharge date, and the discharge summary is filed on the episode. With an Idempotency-Key header a retry returns "
                    + "the first reply and discharges once.")
    @PostMapping(value = "/episodes/{id}/discharge", consumes = "application/json")
    ResponseEntity<String> discharge(@PathVariable UUID id, @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                     @RequestBody DischargeBody body) {
        long version = version(body.version());
        var request = new EpisodeManagement.DischargeRequest(EpisodeController.reason(body.reason()), EpisodeController.date(body.on(), "on", "the date of discharge"),
                body.note(), body.referredTo(), body.followUpMonths());
        return idempotent.once(currentActor.get().username(), key, id + " discharge " + body, () -> {
            try {
                return ResponseEntity.ok(full(episodes.discharge(EpisodeId.of(id), version, request)));
            } catch (ConflictException stale) {
                throw new ConflictException(stale.field(), stale.getMessage(), full(episodes.read(EpisodeId.of(id))));
            }
        });
    }

    @Operation(summary = "Ask for a follow-up in the PIFU window",
            description = "By the person (or staff for them). Refused after the window's last day. While a request waits for the team's "
                    + "answer, asking again returns it. No new referral and no new waiting-list clock.")
    @PostMapping(value = "/episodes/{id}/follow-up-requests", consumes = "application/json")
    ResponseEntity<String> requestFollowUp(@PathVariable UUID id, @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                           @RequestBody FollowUpBody body) {
        return idempotent.once(currentActor.get().username(), key, id + " follow-up " + body, () -> {
            Episode.FollowUpRequest request = episodes.requestFollowUp(EpisodeId.of(id), body.what());
            EpisodeView.FollowUpView view = currentActor.get().isPatient() ? EpisodeView.forPatient(request) : EpisodeView.FollowUpView.of(request);
            return ResponseEntity.created(URI.create("/api/episodes/" + id)).body(view);
        });
    }

    @Operation(summary = "Answer a follow-up request (staff)", description = "answer: what was arranged; version: the episode's version you read.")
    @PostMapping(value = "/episodes/{id}/follow-up-requests/{request}/answer", consumes = "application/json")
    EpisodeView answer(@PathVariable UUID id, @PathVariable UUID request, @RequestBody AnswerBody body) {
        long version = version(body.version());
        try {
            return full(episodes.answerFollowUp(EpisodeId.of(id), version, request, body.answer()));
        } catch (ConflictException stale) {
            throw new ConflictException(stale.field(), stale.getMessage(), full(episodes.read(EpisodeId.of(id))));
        }
    }

    @Operation(summary = "Discharges by reason, and the share moved to patient-initiated follow-up (staff)",
            description = "from, to: the period (yyyy-mm-dd, both included; by default the 12 months to today), for the ICBs you serve.")
    @GetMapping("/episodes/discharge-figures")
    EpisodeManagement.DischargeFigures dischargeFigures(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return episodes.dischargeFigures(EpisodeController.date(from, "from", "the start of the period"),
                EpisodeController.date(to, "to", "the end of the period"));
    }

    @Operation(summary = "The signed-in patient's own episodes")
    @GetMapping("/my/episodes")
    List<EpisodeView> mine() {
        return episodes.mine().stream().map(this::forPatient).toList();
    }

    /** What the person sees of their own episode: no staff names, no clinical note, no staff timeline. */
    private EpisodeView forPatient(Episode e) {
        EpisodeView v = EpisodeView.of(e, today());
        return new EpisodeView(v.id(), v.patientId(), v.referralId(), v.reference(), v.icbCode(), v.providerCode(), v.kindOfCare(), v.source(),
                v.referredOn(), v.openedOn(), v.pathwayId(), v.status(), v.discharge() == null ? null
                : new EpisodeView.DischargeView(v.discharge().reason(), v.discharge().on(), null, v.discharge().referredTo(),
                        v.discharge().followUpUntil(), null),
                e.followUps().stream().map(EpisodeView::forPatient).toList(), v.version(), null);
    }

    private EpisodeView full(Episode e) {
        return EpisodeView.of(e, today(), timeline.of(e, patients.banner(e.patientId()).nhsNumber()));
    }

    private static long version(Long version) {
        if (version == null) {
            throw new InvalidInputException("version", "Give the version of the episode you read (from GET /api/episodes/{id})");
        }
        return version;
    }

    private LocalDate today() {
        return LimberTime.today(clock);
    }
}

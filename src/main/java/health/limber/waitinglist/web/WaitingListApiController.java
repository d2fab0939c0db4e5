package health.limber.waitinglist.web;

import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.platform.ConflictException;
import health.limber.platform.IdempotentRequests;
import health.limber.platform.InvalidInputException;
import health.limber.platform.LimberTime;
import health.limber.waitinglist.Pathway;
import health.limber.waitinglist.PathwayId;
import health.limber.waitinglist.Priority;
import health.limber.waitinglist.WaitingListManagement;
import health.limber.waitinglist.internal.ClockEvent;
import health.limber.waitinglist.internal.ClockPeriod;
import health.limber.waitinglist.internal.Validation;
import health.limber.waitinglist.internal.WaitingListQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The waiting list over HTTP for the service's own systems: the list in its working order with the
 * same filters as the page, one pathway with its clock history, the hub it is to be seen at, the
 * validation worklist and the recording of a validation.
 * For clinicians and service managers of the ICBs their organisation serves; reads are audited.
 */
@RestController
@RequestMapping("/api/waiting-list")
@Tag(name = "Waiting list", description = "Pathways waiting today, a pathway's clock history, its hub, validations")
class WaitingListApiController {

    private final WaitingListQueries queries;
    private final WaitingListManagement management;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final IdempotentRequests idempotent;

    private final health.limber.waitinglist.internal.WaitingListImport importer;

    WaitingListApiController(WaitingListQueries queries, WaitingListManagement management, CurrentActor currentActor, Clock clock,
                             IdempotentRequests idempotent, health.limber.waitinglist.internal.WaitingListImport importer) {
        this.importer = importer;
        this.idempotent = idempotent;
        this.queries = queries;
        this.management = management;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    record ListPage(int page, boolean hasNext, List<WaitingListQueries.Row> items) {}

    record PathwayView(UUID id, String identifier, String issuer, String nhsNumber, LocalDate referralReceived, String source,
                       String priority, String treatmentFunction, String provider, String commissioner, UUID hub, boolean waitingToday,
                       LocalDate nextValidationDue, long version, List<ClockPeriod> periods, List<ClockEvent> events) {}

    record HubRequest(UUID hub) {}

    record ValidationRequest(Long version, String kind, String outcome, Integer priority, Set<String> redFlags, String redFlagDetail) {}

    record DuePage(int page, boolean hasNext, List<WaitingListQueries.Due> items) {}

    /**
     * Imports a WLMDS-shaped CSV sent as the request body (streamed: a million-row file is never held in
     * memory). Rows for an ICB the caller's organisation does not serve are refused by line and column,
     * like any bad row; with mode ALL_OR_NOTHING any refusal means nothing is written.
     */
    @Operation(summary = "Import a waiting-list file (text/csv body); service managers, for the ICBs their organisation serves",
            description = "mode: ALL_OR_NOTHING (default) or QUARANTINE; dryRun=true checks and counts, writing nothing. 200 with the summary "
                    + "when the file was written (or checked, for a dry run); 422 with the summary and every problem by line and column when it was not.")
    @PostMapping(value = "/imports", consumes = "text/csv")
    ResponseEntity<health.limber.waitinglist.internal.ImportSummary> importFile(
            @RequestParam(defaultValue = "ALL_OR_NOTHING") health.limber.waitinglist.internal.ImportMode mode,
            @RequestParam(defaultValue = "false") boolean dryRun, jakarta.servlet.http.HttpServletRequest request) throws java.io.IOException {
        Actor actor = currentActor.get();
        if (actor.role() != health.limber.identity.Role.SERVICE_MANAGER) {
            throw new org.springframework.security.access.AccessDeniedException("Service managers import waiting lists");
        }
        var summary = importer.run(request.getInputStream(), mode, dryRun, problem -> { }, bytes -> { },
                health.limber.waitinglist.internal.WaitingListImport.Importer.staff(actor.username(), actor.organisationCode(), actor.servedIcbs()));
        return ResponseEntity.status(summary.hasProblems() ? org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT : org.springframework.http.HttpStatus.OK)
                .body(summary);
    }

    @Operation(summary = "People waiting today, two-week waits first, then urgent, then routine, longest wait first",
            description = "Filters: icb, hub, priority (1 routine, 2 urgent, 3 two-week wait), function (treatment function code), "
                    + "minDays and maxDays (days waited today), validationDue=true (next validation date reached). 50 a page from page 0; hasNext says whether there is another.")
    @GetMapping("/pathways")
    ListPage list(@RequestParam(required = false) String icb, @RequestParam(required = false) UUID hub,
                  @RequestParam(required = false) Integer priority, @RequestParam(required = false) String function,
                  @RequestParam(required = false) Integer minDays, @RequestParam(required = false) Integer maxDays,
                  @RequestParam(defaultValue = "false") boolean validationDue, @RequestParam(defaultValue = "0") int page) {
        Actor actor = staff();
        if (page < 0) {
            throw new InvalidInputException("page", "The page is a number from 0");
        }
        if ((minDays != null && minDays < 0) || (maxDays != null && maxDays < 0)) {
            throw new InvalidInputException(minDays != null && minDays < 0 ? "minDays" : "maxDays", "Days waited cannot be negative");
        }
        if (minDays != null && maxDays != null && maxDays < minDays) {
            throw new InvalidInputException("maxDays", "maxDays must be at least minDays");
        }
        if (icb != null && !actor.serves(icb)) {
            throw new InvalidInputException("icb", "Your organisation does not serve the ICB " + icb);
        }
        Priority wanted;
        try {
            wanted = priority == null ? null : Priority.ofCode(priority);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("priority", e.getMessage());
        }
        var filter = new WaitingListQueries.Filter(actor.servedIcbs(), icb, wanted, function == null || function.isBlank() ? null : function,
                minDays, maxDays, hub, validationDue);
        List<WaitingListQueries.Row> rows = queries.page(filter, LimberTime.today(clock), page);
        boolean hasNext = rows.size() > WaitingListQueries.PAGE_SIZE;
        return new ListPage(page, hasNext, hasNext ? rows.subList(0, WaitingListQueries.PAGE_SIZE) : rows);
    }

    @Operation(summary = "A pathway with its clock periods and append-only clock events")
    @GetMapping("/pathways/{id}")
    PathwayView pathway(@PathVariable UUID id) {
        staff();
        return view(management.read(PathwayId.of(id)));
    }

    @Operation(summary = "Set or clear the hub where the patient is to be seen", description = "hub: a hub of the pathway's ICB, or null to clear.")
    @PutMapping("/pathways/{id}/hub")
    ResponseEntity<Void> hub(@PathVariable UUID id, @RequestBody HubRequest request) {
        staff();
        management.assignHub(PathwayId.of(id), request.hub());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Pathways due (or overdue) for validation, the most overdue first",
            description = "Due at 12, 26 and 52 weeks of waiting and every 12 weeks after. 50 a page from page 0.")
    @GetMapping("/validation-due")
    DuePage validationDue(@RequestParam(defaultValue = "0") int page) {
        Actor actor = staff();
        if (page < 0) {
            throw new InvalidInputException("page", "The page is a number from 0");
        }
        List<WaitingListQueries.Due> due = queries.validationDue(actor.servedIcbs(), LimberTime.today(clock), page);
        boolean hasNext = due.size() > WaitingListQueries.PAGE_SIZE;
        return new DuePage(page, hasNext, hasNext ? due.subList(0, WaitingListQueries.PAGE_SIZE) : due);
    }

    @Operation(summary = "Record a validation of a waiting pathway, done today",
            description = "kind: ADMINISTRATIVE, PATIENT_CONTACT or CLINICAL; outcome: STILL_WAITING, ALREADY_SEEN, NO_LONGER_NEEDED, "
                    + "DUPLICATE or MOVED_AWAY (a removal stops the clock); priority (optional): 1, 2 or 3 to re-prioritise; "
                    + "redFlags (optional): red-flag question ids found on re-screening, which raise a task for the triage team; "
                    + "version: the pathway's version you reviewed (409 with the current pathway if it has changed since). "
                    + "With an Idempotency-Key header a retry returns the first reply and records nothing twice.")
    @PostMapping(value = "/pathways/{id}/validations", consumes = "application/json")
    ResponseEntity<String> validate(@PathVariable UUID id,
                                    @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                    @RequestBody ValidationRequest request) {
        Actor actor = staff();
        if (request.version() == null) {
            throw new InvalidInputException("version", "Give the version of the pathway you reviewed (from GET /api/waiting-list/pathways/{id})");
        }
        Validation.Kind kind = choice("kind", request.kind(), Validation.Kind.class);
        Validation.Outcome outcome = choice("outcome", request.outcome(), Validation.Outcome.class);
        Priority priority;
        try {
            priority = request.priority() == null ? null : Priority.ofCode(request.priority());
        } catch (InvalidInputException e) {
            throw new InvalidInputException("priority", e.getMessage());
        }
        Set<String> redFlags = request.redFlags() == null ? Set.of() : request.redFlags();
        return idempotent.once(actor.username(), key, id + " " + request, () -> {
            Pathway pathway;
            try {
                pathway = management.validate(PathwayId.of(id), request.version(), new Validation(kind, outcome), priority, redFlags,
                        request.redFlagDetail());
            } catch (ConflictException stale) {
                throw new ConflictException(stale.field(), stale.getMessage(), view(management.read(PathwayId.of(id))));
            }
            return ResponseEntity.ok(view(pathway));
        });
    }

    private static <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "Give the " + field + ": one of " + String.join(", ", names));
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "The " + field + " must be one of " + String.join(", ", names));
        }
    }

    private PathwayView view(Pathway p) {
        LocalDate today = LimberTime.today(clock);
        return new PathwayView(p.id().value(), p.key().identifier(), p.key().issuer(), p.nhsNumber(), p.referralReceived(), p.source().name(),
                p.priority().name(), p.treatmentFunction(), p.providerCode(), p.commissionerCode(), management.hubOf(p.id()).orElse(null),
                p.isWaitingOn(today), p.nextValidationDue().orElse(null), p.version(), p.periods(), p.events());
    }

    private Actor staff() {
        Actor actor = currentActor.get();
        if (actor.role() != Role.CLINICIAN && actor.role() != Role.SERVICE_MANAGER) {
            throw new AccessDeniedException("The waiting list is for the service's clinicians and managers");
        }
        return actor;
    }
}

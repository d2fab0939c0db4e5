package health.limber.exercise.web;

import health.limber.exercise.Exercise;
import health.limber.exercise.ExerciseLibrary;
import health.limber.exercise.Programme;
import health.limber.exercise.ProgrammeId;
import health.limber.exercise.ProgrammeManagement;
import health.limber.exercise.ProgrammePurpose;
import health.limber.exercise.ProgrammeSource;
import health.limber.exercise.ProgrammeTemplates;
import health.limber.exercise.SessionLog;
import health.limber.exercise.internal.Adherence;
import health.limber.exercise.internal.NewSessionLog;
import health.limber.exercise.internal.ProgrammeReports;
import health.limber.identity.CurrentActor;
import health.limber.patient.PatientId;
import health.limber.platform.InvalidInputException;
import health.limber.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
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

/**
 * Exercise library, programmes and logs over HTTP, for a future native app and for integrators.
 * Logs and ratings carry the client's key in the {@code Idempotency-Key} header: the same key
 * again returns the first log and stores nothing.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Exercise programmes", description = "The library, programmes, session logs, adherence and ratings")
class ProgrammeApiController {

    private final ProgrammeManagement programmes;
    private final ExerciseLibrary library;
    private final CurrentActor currentActor;

    private final ProgrammeReports reports;

    ProgrammeApiController(ProgrammeManagement programmes, ProgrammeReports reports, ExerciseLibrary library, CurrentActor currentActor) {
        this.reports = reports;
        this.programmes = programmes;
        this.library = library;
        this.currentActor = currentActor;
    }

    record CreateRequest(UUID patient, String template, LocalDate startDate, LocalDate endDate, String notes, String purpose, String source) {}

    record ItemRequest(Integer version, String exercise) {}

    record DoseRequest(Integer version, Integer sets, Integer reps, Integer holdSeconds, Integer restSeconds, Integer timesPerDay,
                       Integer daysPerWeek, String notes, Integer progressWeeks, Integer progressPain) {}

    record DatesRequest(Integer version, LocalDate startDate, LocalDate endDate) {}

    /** {@code day}: the day it was done (a log saved offline keeps its own); {@code doneAt}: the moment, if the phone knows it. */
    record LogRequest(String exercise, LocalDate day, java.time.Instant doneAt, SessionLog.Outcome outcome, Integer setsDone, Integer repsDone,
                      Integer pain, SessionLog.Difficulty difficulty, String comment) {}

    record RatingRequest(String exercise, Integer answer) {}

    @Operation(summary = "Search the exercise library", description = "Filter by region, category, equipment, difficulty (1-3) and words; lang=cy for Welsh where translated.")
    @GetMapping("/exercises")
    List<Exercise> exercises(@RequestParam(required = false) String q, @RequestParam(required = false) Exercise.Region region,
                             @RequestParam(required = false) Exercise.Category category, @RequestParam(required = false) Exercise.Equipment equipment,
                             @RequestParam(required = false) Integer difficulty, @RequestParam(defaultValue = "en") String lang) {
        return library.search(new ExerciseLibrary.Filter(q, region, category, equipment, difficulty), lang);
    }

    @Operation(summary = "Programme templates by condition")
    @GetMapping("/programme-templates")
    List<ProgrammeTemplates.Template> templates() {
        return programmes.templates();
    }

    @Operation(summary = "Start a programme for a patient (clinicians)",
            description = "purpose: TREATMENT when agreed with the person at an assessment as their treatment (this stops the waiting-list "
                    + "clock of their open episode as digital self-management), WAIT_WELL for a starter programme while they wait; "
                    + "left out, it is not recorded and stops nothing. source: CLINICIAN (after an assessment; the default), TRIAGE or "
                    + "FRACTURE_CLINIC, where the programme is given, for reports.")
    @PostMapping("/programmes")
    ResponseEntity<Programme> create(@RequestBody CreateRequest request) {
        if (request.patient() == null) {
            throw new InvalidInputException("patient", "Required");
        }
        ProgrammePurpose purpose = request.purpose() == null ? null : ProgrammeController.purpose(request.purpose());
        UUID id = (programmes.create(PatientId.of(request.patient()), request.template(), request.startDate(), request.endDate(), request.notes(),
                null, purpose, request.source() == null ? ProgrammeSource.CLINICIAN : ProgrammeController.source(request.source()))).value();
        return ResponseEntity.created(URI.create("/api/programmes/" + id)).body(programmes.read(ProgrammeId.of(id)));
    }

    @Operation(summary = "Read a programme (its clinicians, or the patient)")
    @GetMapping("/programmes/{id}")
    Programme read(@PathVariable UUID id) {
        return programmes.read(ProgrammeId.of(id));
    }

    @Operation(summary = "The signed-in patient's programme running today")
    @GetMapping("/my/programme")
    Programme mine() {
        return programmes.current(PatientId.of(currentActor.get().patientId())).orElseThrow(() -> new NotFoundException("programme"));
    }

    @Operation(summary = "Add an exercise", description = "version: the programme version you read; 409 if it has changed.")
    @PostMapping("/programmes/{id}/items")
    Programme add(@PathVariable UUID id, @RequestBody ItemRequest request) {
        return programmes.addExercise(ProgrammeId.of(id), version(request.version()), request.exercise());
    }

    @Operation(summary = "Set an exercise's dose and progression rule",
            description = "progressWeeks (1-12) and progressPain (0-10), when sent, change the rule for suggesting the harder version.")
    @PostMapping("/programmes/{id}/items/{exercise}/dose")
    Programme dose(@PathVariable UUID id, @PathVariable String exercise, @RequestBody DoseRequest r) {
        return programmes.setDose(ProgrammeId.of(id), version(r.version()), exercise, new Exercise.Dose(zero(r.sets()), zero(r.reps()), zero(r.holdSeconds()),
                zero(r.restSeconds()), zero(r.timesPerDay()), zero(r.daysPerWeek())), r.notes(), r.progressWeeks(), r.progressPain());
    }

    @Operation(summary = "Change a programme's start and end dates",
            description = "The start cannot move past a day the patient has logged; 409 if the programme has changed since the version you read.")
    @PostMapping("/programmes/{id}/dates")
    Programme dates(@PathVariable UUID id, @RequestBody DatesRequest r) {
        return programmes.setDates(ProgrammeId.of(id), version(r.version()), r.startDate(), r.endDate());
    }

    @Operation(summary = "Log an exercise session", description = "Send Idempotency-Key (for example a UUID made when the log was made, offline or not).")
    @PostMapping("/programmes/{id}/logs")
    ResponseEntity<SessionLog> log(@PathVariable UUID id, @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                   @RequestBody LogRequest r) {
        SessionLog log = programmes.log(ProgrammeId.of(id), new NewSessionLog(key, r.exercise(), r.day(), r.doneAt(), r.outcome(), r.setsDone(), r.repsDone(), r.pain(),
                r.difficulty(), r.comment()));
        return ResponseEntity.created(URI.create("/api/programmes/" + id + "/logs")).body(log);
    }

    @Operation(summary = "A programme's logs, newest first, including corrected and withdrawn ones")
    @GetMapping("/programmes/{id}/logs")
    List<SessionLog> logs(@PathVariable UUID id) {
        return programmes.logs(ProgrammeId.of(id));
    }

    @Operation(summary = "Correct a log (the original is kept, marked CORRECTED)")
    @PostMapping("/logs/{log}/correction")
    SessionLog correct(@PathVariable UUID log, @RequestHeader(name = "Idempotency-Key", required = false) String key, @RequestBody LogRequest r) {
        if (key == null || key.isBlank()) {
            throw new InvalidInputException("Idempotency-Key", "Send a key for this correction");
        }
        return programmes.correct(log, key, r.outcome(), r.setsDone(), r.repsDone(), r.pain(), r.difficulty(), r.comment());
    }

    @Operation(summary = "Withdraw a log (kept, marked WITHDRAWN)")
    @PostMapping("/logs/{log}/withdrawal")
    ResponseEntity<Void> withdraw(@PathVariable UUID log) {
        programmes.withdraw(log);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Adherence per exercise per week")
    @GetMapping("/programmes/{id}/adherence")
    List<Adherence.ExerciseWeek> adherence(@PathVariable UUID id) {
        return programmes.adherence(ProgrammeId.of(id)).byExerciseAndWeek();
    }

    @Operation(summary = "Rate a demonstration (1-4) or, without exercise, how the programme is working (1-7)")
    @PostMapping("/programmes/{id}/ratings")
    ResponseEntity<Void> rate(@PathVariable UUID id, @RequestHeader(name = "Idempotency-Key", required = false) String key, @RequestBody RatingRequest r) {
        if (key == null || key.isBlank()) {
            throw new InvalidInputException("Idempotency-Key", "Send a key for this rating");
        }
        programmes.rate(ProgrammeId.of(id), key, r.exercise(), r.answer() == null ? 0 : r.answer());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Share of demonstration ratings fairly or very useful, per exercise and in all (staff)")
    @GetMapping("/reports/usefulness")
    List<ProgrammeReports.UsefulnessRow> usefulness() {
        return reports.usefulness();
    }

    private static int version(Integer version) {
        if (version == null) {
            throw new InvalidInputException("version", "Send the version of the programme you read");
        }
        return version;
    }

    private static int zero(Integer value) {
        return value == null ? 0 : value;
    }
}

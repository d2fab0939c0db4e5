package health.limber.support.web;

import health.limber.patient.PatientId;
import health.limber.patient.PatientManagement;
import health.limber.support.internal.FitNote;
import health.limber.support.internal.FitNoteManagement;
import health.limber.support.internal.Need;
import health.limber.support.internal.SupportManagement;
import health.limber.support.internal.SupportReferral;
import health.limber.support.internal.SupportReferrals;
import health.limber.support.internal.SupportService;
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

@RestController
@RequestMapping("/api")
@Tag(name = "Work and money support")
class SupportApiController {

    record Worklist(long total, int page, int pageSize, List<Item> items) {}

    record Item(UUID id, String name, String nhsNumber, String service, boolean inHouse, String askedFor, String source, String status,
                LocalDate referredOn, LocalDate firstContactOn) {}

    record NewReferral(UUID patientId, UUID episodeId, String serviceCode, String reason, String source, Boolean consentGiven,
                       String consentShared, Boolean shareClinical) {}

    record NewService(String code, String name, String need, String icbCode, String email, String phone, String website, String description) {}

    record NewContact(LocalDate on, String mode, Integer minutes, String notes) {}

    record NewOutcome(String kind, LocalDate on, String note) {}

    record Closing(String reason, String note) {}

    record FitNoteBody(String fitness, Boolean phasedReturn, Boolean alteredHours, Boolean amendedDuties, Boolean workplaceAdaptations,
                       String comments, String condition, LocalDate startsOn, LocalDate endsOn, Boolean endOther) {}

    private final SupportManagement support;
    private final FitNoteManagement fitNotes;
    private final PatientManagement patients;

    SupportApiController(SupportManagement support, FitNoteManagement fitNotes, PatientManagement patients) {
        this.support = support;
        this.fitNotes = fitNotes;
        this.patients = patients;
    }

    @Operation(summary = "The services people can be referred to, in house and outside")
    @GetMapping("/support/services")
    List<SupportService> services() {
        return support.services();
    }

    @Operation(summary = "Add a local service (administrators)", description = "code, name, need (EMPLOYMENT or DEBT), description and at "
            + "least one contact route (email, phone, website); icbCode limits it to one ICB your organisation serves.")
    @PostMapping("/support/services")
    ResponseEntity<SupportService> addService(@RequestBody NewService body) {
        return ResponseEntity.status(201).body(support.addService(new SupportService(body.code(), body.name(),
                SupportController.choice(Need.class, "need", body.need()), false, body.icbCode(), body.email(), body.phone(), body.website(),
                body.description(), true)));
    }

    @Operation(summary = "The signed-in adviser's worklist",
            description = "New referrals first, then the oldest; an adviser sees their own kind of help in their ICBs. closed=true lists closed ones.")
    @GetMapping("/support/referrals")
    Worklist worklist(@RequestParam(required = false) String need, @RequestParam(defaultValue = "false") boolean closed,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        int pageSize = Math.max(1, Math.min(200, size));
        Need chosen = SupportController.choice(Need.class, "need", need);
        List<SupportReferrals.Line> lines = support.worklist(chosen, closed, page, pageSize);
        var names = patients.banners(lines.stream().map(l -> PatientId.of(l.patientId())).toList());
        List<Item> items = lines.stream().map(l -> {
            var banner = names.get(PatientId.of(l.patientId()));
            return new Item(l.id(), banner == null ? null : banner.name(), banner == null ? null : banner.nhsNumber(), l.serviceName(), l.inHouse(),
                    l.reason(), l.source().name(), l.status().name(), l.referredOn(), l.firstContactOn());
        }).toList();
        return new Worklist(support.worklistCount(chosen, closed), Math.max(0, page), pageSize, items);
    }

    @Operation(summary = "Refer a person for work or money support",
            description = "On their open episode (or the one named). An outside service needs consentGiven and consentShared. "
                    + "An Idempotency-Key makes a retry return the referral made the first time.")
    @PostMapping("/support/referrals")
    ResponseEntity<AdviserView> refer(@RequestBody NewReferral body, @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        SupportReferral made = support.refer(new SupportManagement.NewReferral(body.patientId(), body.episodeId(), body.serviceCode(), body.reason(),
                SupportController.choice(SupportReferral.Source.class, "source", body.source()), Boolean.TRUE.equals(body.consentGiven()),
                body.consentShared(), Boolean.TRUE.equals(body.shareClinical())), key);
        return ResponseEntity.created(URI.create("/api/support/referrals/" + made.id())).body(view(made));
    }

    @Operation(summary = "One support referral: the support part of the person's record and the referral")
    @GetMapping("/support/referrals/{id}")
    AdviserView read(@PathVariable UUID id) {
        return view(support.read(id));
    }

    @PostMapping("/support/referrals/{id}/accept")
    AdviserView accept(@PathVariable UUID id) {
        return view(support.accept(id));
    }

    @Operation(summary = "Record a contact (date, mode, minutes, notes)")
    @PostMapping("/support/referrals/{id}/contacts")
    AdviserView contact(@PathVariable UUID id, @RequestBody NewContact body) {
        return view(support.recordContact(id, body.on(), SupportController.choice(SupportReferral.ContactMode.class, "mode", body.mode()),
                body.minutes(), body.notes()));
    }

    @Operation(summary = "Record an outcome", description = "Work outcomes also record the person's work status from their date.")
    @PostMapping("/support/referrals/{id}/outcomes")
    AdviserView outcome(@PathVariable UUID id, @RequestBody NewOutcome body) {
        return view(support.recordOutcome(id, SupportController.choice(SupportReferral.OutcomeKind.class, "kind", body.kind()), body.on(),
                body.note()));
    }

    @PostMapping("/support/referrals/{id}/close")
    AdviserView close(@PathVariable UUID id, @RequestBody Closing body) {
        return view(support.close(id, SupportController.choice(SupportReferral.CloseReason.class, "reason", body.reason()), body.note()));
    }

    @Operation(summary = "Withdraw the person's consent", description = "An outside referral closes and the service is asked to delete what was sent.")
    @PostMapping("/support/referrals/{id}/consent/withdraw")
    AdviserView withdraw(@PathVariable UUID id) {
        return view(support.withdrawConsent(id));
    }

    @Operation(summary = "Fit notes of the episode's person")
    @GetMapping("/episodes/{id}/fit-notes")
    List<FitNote> fitNotes(@PathVariable UUID id) {
        return fitNotes.ofEpisode(id);
    }

    @Operation(summary = "Record fit-note advice on an open episode",
            description = "409 when it overlaps another of the person's notes, unless endOther ends the running one the day before.")
    @PostMapping("/episodes/{id}/fit-notes")
    ResponseEntity<FitNote> issue(@PathVariable UUID id, @RequestBody FitNoteBody body) {
        FitNote note = fitNotes.issue(id, new FitNote.Advice(SupportController.choice(FitNote.Fitness.class, "fitness", body.fitness()),
                yes(body.phasedReturn()), yes(body.alteredHours()), yes(body.amendedDuties()), yes(body.workplaceAdaptations()), body.comments(),
                body.condition(), body.startsOn(), body.endsOn()), yes(body.endOther()));
        return ResponseEntity.created(URI.create("/support/fit-notes/" + note.id() + ".pdf")).body(note);
    }

    private static boolean yes(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    private AdviserView view(SupportReferral referral) {
        return AdviserView.of(referral, patients.supportDetails(PatientId.of(referral.details().patientId())));
    }
}

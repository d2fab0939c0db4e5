package health.limber.episode.web;

import health.limber.episode.DischargeReason;
import health.limber.episode.internal.Episode;
import health.limber.episode.internal.EpisodeId;
import health.limber.episode.internal.EpisodeManagement;
import health.limber.episode.internal.EpisodeTimeline;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.patient.PatientBanner;
import health.limber.patient.PatientManagement;
import health.limber.platform.ConflictException;
import health.limber.platform.InvalidInputException;
import health.limber.platform.LimberTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Episodes of care for clinicians and service managers: follow-ups asked for and recent discharges,
 * one episode on a timeline with its discharge form, and the discharge summary letter.
 */
@Controller
class EpisodeController {

    private final EpisodeManagement episodes;
    private final EpisodeTimeline timeline;
    private final PatientManagement patients;
    private final CurrentActor currentActor;
    private final EpisodeOutcomeView outcomes;
    private final Clock clock;

    EpisodeController(EpisodeManagement episodes, EpisodeTimeline timeline, PatientManagement patients, CurrentActor currentActor,
                      EpisodeOutcomeView outcomes, Clock clock) {
        this.outcomes = outcomes;
        this.episodes = episodes;
        this.timeline = timeline;
        this.patients = patients;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @GetMapping("/episodes")
    String list(Model model) {
        var waiting = episodes.followUpsWaiting();
        var discharged = episodes.recentlyDischarged();
        var open = episodes.open();
        var ids = new java.util.LinkedHashSet<health.limber.patient.PatientId>();
        waiting.forEach(e -> ids.add(e.patientId()));
        discharged.forEach(e -> ids.add(e.patientId()));
        open.longest().forEach(e -> ids.add(e.patientId()));
        model.addAttribute("open", open);
        model.addAttribute("figures", episodes.dischargeFigures(null, null));
        model.addAttribute("waiting", waiting);
        model.addAttribute("discharged", discharged);
        model.addAttribute("names", patients.banners(ids));
        model.addAttribute("today", LimberTime.today(clock));
        return "episode/list";
    }

    @GetMapping("/episodes/{id}")
    String episode(@PathVariable UUID id, Model model) {
        Episode episode = episodes.read(EpisodeId.of(id));
        PatientBanner banner = patients.banner(episode.patientId());
        LocalDate today = LimberTime.today(clock);
        model.addAttribute("episode", episode);
        model.addAttribute("banner", banner);
        model.addAttribute("status", episode.status(today));
        model.addAttribute("entries", timeline.of(episode, banner.nhsNumber()));
        model.addAttribute("reasons", DischargeReason.values());
        model.addAttribute("windows", Episode.FOLLOW_UP_WINDOWS.stream().sorted().toList());
        model.addAttribute("defaultWindow", episodes.defaultFollowUpMonths());
        model.addAttribute("canDischarge", episode.discharge().isEmpty() && currentActor.get().role() == Role.CLINICIAN);
        model.addAttribute("today", today);
        model.addAttribute("outcomes", outcomes.of(episode.id().value(), episode.patientId(), today));
        return "episode/episode";
    }

    @PostMapping("/episodes/{id}/discharge")
    String discharge(@PathVariable UUID id, @RequestParam(defaultValue = "-1") long version, @RequestParam(defaultValue = "") String reason,
                     @RequestParam(defaultValue = "") String on, @RequestParam(required = false) String note,
                     @RequestParam(required = false) String referredTo, @RequestParam(required = false) Integer followUpMonths,
                     RedirectAttributes redirect) {
        try {
            DischargeReason why = reason(reason);
            episodes.discharge(EpisodeId.of(id), version, new EpisodeManagement.DischargeRequest(why, date(on, "on", "the date of discharge"), note, referredTo,
                    why == DischargeReason.PATIENT_INITIATED_FOLLOW_UP ? followUpMonths : null));
            redirect.addFlashAttribute("done", "Discharged. The discharge summary for the GP is filed on the episode.");
        } catch (InvalidInputException | ConflictException e) {
            String field = e instanceof InvalidInputException invalid ? invalid.field() : ((ConflictException) e).field();
            redirect.addFlashAttribute("errors", Map.of(field, e.getMessage()));
            redirect.addFlashAttribute("form", Map.of("reason", reason, "on", on, "note", note == null ? "" : note,
                    "referredTo", referredTo == null ? "" : referredTo));
        }
        return "redirect:/episodes/" + id + "#discharge";
    }

    @PostMapping("/episodes/{id}/follow-ups/{request}/answer")
    String answer(@PathVariable UUID id, @PathVariable UUID request, @RequestParam(defaultValue = "-1") long version,
                  @RequestParam(defaultValue = "") String answer, RedirectAttributes redirect) {
        try {
            episodes.answerFollowUp(EpisodeId.of(id), version, request, answer);
            redirect.addFlashAttribute("done", "Saved. The person can see what was arranged in their app.");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("errors", Map.of("answer", e.getMessage()));
        }
        return "redirect:/episodes/" + id + "#follow-ups";
    }

    @PostMapping("/episodes/{id}/follow-ups/book")
    String bookFollowUp(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            return "redirect:/appointments/book?type=FOLLOW_UP&referral=" + episodes.bookableForFollowUp(EpisodeId.of(id)).value();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", Map.of("answer", e.getMessage()));
            return "redirect:/episodes/" + id + "#follow-ups";
        }
    }

    @GetMapping("/episodes/{id}/discharge-summary.pdf")
    ResponseEntity<byte[]> summary(@PathVariable UUID id) {
        byte[] pdf = episodes.dischargeSummary(EpisodeId.of(id));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("discharge-summary-" + id + ".pdf").build().toString())
                .body(pdf);
    }

    static DischargeReason reason(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return DischargeReason.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("reason", "The reason must be one of " + String.join(", ",
                    Arrays.stream(DischargeReason.values()).map(Enum::name).toList()));
        }
    }

    /** A yyyy-mm-dd date from a form or the API (blank: none), refused naming the field. */
    static LocalDate date(String text, String field, String what) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "Enter " + what + " as a real date, for example 2026-12-07");
        }
    }
}

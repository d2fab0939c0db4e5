package health.limber.support.web;

import health.limber.episode.EpisodeFacts;
import health.limber.patient.PatientBanner;
import health.limber.patient.PatientId;
import health.limber.patient.PatientManagement;
import health.limber.platform.ConflictException;
import health.limber.platform.InvalidInputException;
import health.limber.platform.NotFoundException;
import health.limber.platform.PdfDocuments;
import health.limber.support.internal.FitNote;
import health.limber.support.internal.FitNoteManagement;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A physiotherapist records fit-note advice on an episode and prints it for the person. */
@Controller
class FitNoteController {

    private final FitNoteManagement fitNotes;
    private final PatientManagement patients;
    private final PdfDocuments pdfs;

    FitNoteController(FitNoteManagement fitNotes, PatientManagement patients, PdfDocuments pdfs) {
        this.fitNotes = fitNotes;
        this.patients = patients;
        this.pdfs = pdfs;
    }

    /** What the form was filled in with, as typed. */
    record Form(String fitness, boolean phasedReturn, boolean alteredHours, boolean amendedDuties, boolean workplaceAdaptations, String comments,
                String condition, String startsOn, String endsOn, boolean endOther) {}

    @GetMapping("/episodes/{id}/fit-notes/new")
    String form(@PathVariable UUID id, Model model) {
        return page(id, new Form(null, false, false, false, false, null, null, null, null, false), Map.of(), model);
    }

    @PostMapping("/episodes/{id}/fit-notes")
    String issue(@PathVariable UUID id, @RequestParam(required = false) String fitness, @RequestParam(defaultValue = "false") boolean phasedReturn,
                 @RequestParam(defaultValue = "false") boolean alteredHours, @RequestParam(defaultValue = "false") boolean amendedDuties,
                 @RequestParam(defaultValue = "false") boolean workplaceAdaptations, @RequestParam(required = false) String comments,
                 @RequestParam(required = false) String condition, @RequestParam(required = false) String startsOn,
                 @RequestParam(required = false) String endsOn, @RequestParam(defaultValue = "false") boolean endOther, Model model,
                 RedirectAttributes redirect) {
        Form form = new Form(fitness, phasedReturn, alteredHours, amendedDuties, workplaceAdaptations, comments, condition, startsOn, endsOn, endOther);
        try {
            FitNote note = fitNotes.issue(id, new FitNote.Advice(SupportController.choice(FitNote.Fitness.class, "fitness", fitness), phasedReturn,
                    alteredHours, amendedDuties, workplaceAdaptations, comments, condition, SupportController.date("startsOn", startsOn),
                    SupportController.date("endsOn", endsOn)), endOther);
            redirect.addFlashAttribute("done", "Fit-note advice recorded: " + note.summary() + ". Print it for the person from the timeline.");
            return "redirect:/episodes/" + id;
        } catch (InvalidInputException | ConflictException e) {
            String field = e instanceof InvalidInputException invalid ? invalid.field() : ((ConflictException) e).field();
            return page(id, form, Map.of(field, e.getMessage()), model);
        }
    }

    @GetMapping("/support/fit-notes/{id}.pdf")
    ResponseEntity<byte[]> print(@PathVariable UUID id, HttpServletRequest request) {
        FitNote note = fitNotes.read(id);
        PatientBanner person = patients.banner(PatientId.of(note.patientId()));
        byte[] pdf = pdfs.render("support/fit-note-pdf", Map.of("note", note, "person", person), request.getRequestURL().toString());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"fit-note-" + note.startsOn() + ".pdf\"").body(pdf);
    }

    private String page(UUID id, Form form, Map<String, String> errors, Model model) {
        EpisodeFacts episode = fitNotes.episode(id).orElseThrow(() -> new NotFoundException("No episode of care with this id"));
        model.addAttribute("banner", patients.banner(episode.patientId()));
        model.addAttribute("episode", episode);
        model.addAttribute("notes", fitNotes.ofEpisode(id));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("fitnesses", FitNote.Fitness.values());
        return "support/fit-note";
    }
}

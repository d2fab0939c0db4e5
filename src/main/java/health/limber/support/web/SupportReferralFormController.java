package health.limber.support.web;

import health.limber.episode.EpisodeDirectory;
import health.limber.episode.EpisodeFacts;
import health.limber.patient.PatientId;
import health.limber.patient.PatientManagement;
import health.limber.platform.ConflictException;
import health.limber.platform.InvalidInputException;
import health.limber.platform.NotFoundException;
import health.limber.support.internal.SupportManagement;
import health.limber.support.internal.SupportReferral;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff refer a person for work or money support from their open episode (a clinician from the
 * episode, anyone at a one-stop visit, an adviser referring on): to the team's own advisers, or to
 * an outside service with the person's consent to share, recorded with what is shared.
 */
@Controller
class SupportReferralFormController {

    private final SupportManagement support;
    private final EpisodeDirectory episodes;
    private final PatientManagement patients;

    SupportReferralFormController(SupportManagement support, EpisodeDirectory episodes, PatientManagement patients) {
        this.support = support;
        this.episodes = episodes;
        this.patients = patients;
    }

    /** The form for an episode ({@code episode}) or a person's open episode ({@code patient}, as from a one-stop visit). */
    @GetMapping("/support/new")
    String form(@RequestParam(required = false) UUID episode, @RequestParam(required = false) UUID patient,
                @RequestParam(required = false) String source, Model model) {
        EpisodeFacts facts = episode(episode, patient);
        model.addAttribute("source", source == null ? "CLINICIAN" : source);
        return page(facts, Map.of(), new SupportManagement.NewReferral(facts.patientId().value(), facts.id(), null, null, null, false, null, false),
                model);
    }

    @PostMapping("/support/referrals")
    String refer(@RequestParam UUID episodeId, @RequestParam(required = false) String serviceCode, @RequestParam(required = false) String reason,
                 @RequestParam(required = false) String source, @RequestParam(defaultValue = "false") boolean consentGiven,
                 @RequestParam(required = false) String consentShared, @RequestParam(defaultValue = "false") boolean shareClinical,
                 @RequestParam(required = false) String formKey, Model model, RedirectAttributes redirect) {
        EpisodeFacts facts = episodes.find(episodeId).orElseThrow(() -> new NotFoundException("No episode of care with this id"));
        var request = new SupportManagement.NewReferral(facts.patientId().value(), episodeId, serviceCode, reason, null, consentGiven,
                consentShared, shareClinical);
        try {
            request = new SupportManagement.NewReferral(request.patientId(), episodeId, serviceCode, reason,
                    SupportController.choice(SupportReferral.Source.class, "source", source), consentGiven, consentShared, shareClinical);
            SupportReferral made = support.refer(request, formKey);
            redirect.addFlashAttribute("done", "Referred to " + made.service().name());
            return "redirect:/support/referrals/" + made.id();
        } catch (InvalidInputException | ConflictException e) {
            String field = e instanceof InvalidInputException invalid ? invalid.field() : ((ConflictException) e).field();
            model.addAttribute("source", source);
            return page(facts, Map.of(field, e.getMessage()), request, model);
        }
    }

    private String page(EpisodeFacts facts, Map<String, String> errors, SupportManagement.NewReferral form, Model model) {
        var person = patients.supportDetails(facts.patientId());
        model.addAttribute("banner", SupportController.banner(person));
        model.addAttribute("episode", facts);
        model.addAttribute("services", support.servicesIn(facts.icbCode()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("formKey", UUID.randomUUID().toString());
        return "support/new";
    }

    private EpisodeFacts episode(UUID episode, UUID patient) {
        if (episode != null) {
            return episodes.find(episode).orElseThrow(() -> new NotFoundException("No episode of care with this id"));
        }
        if (patient == null) {
            throw new NotFoundException("Open the form from an episode or a visit");
        }
        patients.supportDetails(PatientId.of(patient));
        return episodes.openOf(PatientId.of(patient)).orElseThrow(() -> new NotFoundException("This person has no open episode of care"));
    }
}

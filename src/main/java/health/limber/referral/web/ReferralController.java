package health.limber.referral.web;

import health.limber.patient.PatientBanner;
import health.limber.patient.PatientId;
import health.limber.patient.PatientManagement;
import health.limber.platform.PatientCare;
import health.limber.platform.ConflictException;
import health.limber.platform.InvalidFieldsException;
import health.limber.platform.InvalidInputException;
import health.limber.platform.LimberTime;
import health.limber.referral.BodySite;
import health.limber.referral.CarePathway;
import health.limber.referral.Instrument;
import health.limber.referral.RedFlagLevel;
import health.limber.referral.RedFlagQuestions;
import health.limber.referral.RedFlagTaskManagement;
import health.limber.referral.ReferralSource;
import health.limber.referral.RiskGroup;
import health.limber.referral.SymptomDuration;
import health.limber.referral.Urgency;
import health.limber.outcome.InstrumentWording;
import health.limber.referral.internal.Referral;
import health.limber.referral.internal.ReferralAttachments;
import health.limber.referral.internal.ReferralInput;
import health.limber.referral.internal.ReferralManagement;
import health.limber.referral.internal.ReferralQueries;
import health.limber.referral.internal.TriageDecision;
import health.limber.referral.internal.TriageOutcome;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages: referral intake, the triage worklist, the triage page and red-flag tasks. */
@Controller
@RequestMapping("/referrals")
class ReferralController {

    private final ReferralManagement referrals;
    private final RedFlagTaskManagement tasks;
    private final RedFlagQuestions questions;
    private final ReferralAttachments attachments;
    private final InstrumentWording wording;
    private final Clock clock;
    private final PatientManagement patients;
    private final List<PatientCare> care;

    ReferralController(ReferralManagement referrals, RedFlagTaskManagement tasks, RedFlagQuestions questions, ReferralAttachments attachments, InstrumentWording wording,
                       Clock clock, PatientManagement patients, List<PatientCare> care) {
        this.patients = patients;
        this.care = care;
        this.referrals = referrals;
        this.tasks = tasks;
        this.questions = questions;
        this.attachments = attachments;
        this.wording = wording;
        this.clock = clock;
    }

    @GetMapping
    String worklist(@RequestParam(required = false) ReferralSource source, @RequestParam(required = false) BodySite site,
                    @RequestParam(required = false) RiskGroup risk, @RequestParam(required = false) Integer olderThanDays,
                    @RequestParam(defaultValue = "0") int page, Model model) {
        var filter = new ReferralQueries.WorklistFilter(source, site, risk, olderThanDays, Math.max(0, page));
        model.addAttribute("worklist", referrals.worklist(filter));
        model.addAttribute("filter", filter);
        model.addAttribute("sources", ReferralSource.values());
        model.addAttribute("sites", BodySite.values());
        model.addAttribute("risks", RiskGroup.values());
        model.addAttribute("today", LimberTime.today(clock));
        model.addAttribute("openTasks", tasks.openTaskCount());
        return "referral/worklist";
    }

    @GetMapping("/{id}")
    String referral(@PathVariable UUID id, Model model) {
        Referral referral = referrals.read(id);
        return triagePage(referral, Map.of(), new TriageForm(), model);
    }

    @PostMapping("/{id}/triage")
    String triage(@PathVariable UUID id, @ModelAttribute TriageForm form, Model model, RedirectAttributes redirect) {
        var decision = new TriageDecision(form.outcome, form.pathway, form.priority, form.reason, form.wantsEmploymentSupport,
                form.wantsDebtSupport, form.overrideReason, form.redirectTo, form.rejectionLetter);
        try {
            Referral referral = referrals.triage(id, form.version, decision, form.patient, form.nhsNumber);
            redirect.addFlashAttribute("done", "Decision recorded for " + referral.reference() + ": " + referral.status().label().toLowerCase());
            return "redirect:/referrals";
        } catch (InvalidFieldsException e) {
            return triagePage(referrals.read(id), e.errors(), form, model);
        } catch (InvalidInputException e) {
            return triagePage(referrals.read(id), Map.of(e.field(), e.getMessage()), form, model);
        } catch (ConflictException e) {
            return triagePage(referrals.read(id), Map.of(e.field(), e.getMessage()), new TriageForm(), model);
        }
    }

    private String triagePage(Referral referral, Map<String, String> errors, TriageForm form, Model model) {
        model.addAttribute("referral", referral);
        model.addAttribute("banner", referral.patientId().map(PatientId::of).map(patients::banner)
                .orElseGet(() -> new PatientBanner(referral.fullName(), referral.nhsNumber(), referral.birthDate())));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("questions", questions);
        model.addAttribute("flagText", questions.all().stream()
                .collect(java.util.stream.Collectors.toMap(q -> q.id(), q -> q.staffText())));
        model.addAttribute("reasonDisplay", referrals.reasons().display(referral.reasonCode()).orElse(null));
        model.addAttribute("matches", referral.patientId().isEmpty() ? referrals.possibleMatches(referral).values() : List.of());
        boolean starter = referral.historyEntries().stream().anyMatch(h -> "self-referral".equals(h.actor()) && h.detail() != null
                && h.detail().startsWith("Record made at self-referral"));
        model.addAttribute("starterProgrammes", !starter ? List.of() : care.stream()
                .flatMap(c -> c.of(new PatientCare.Person(referral.patientId().orElseThrow(), null), PatientCare.Audience.STAFF).stream())
                .filter(link -> link.kind().equals("Exercise programme")).toList());
        model.addAttribute("otherRecords", !starter || referral.status() != health.limber.referral.internal.ReferralStatus.RECEIVED ? List.of()
                : referrals.possibleMatches(referral).values().stream().filter(m -> !m.id().equals(referral.patientId().orElseThrow())).toList());
        model.addAttribute("tasks", tasks.tasksOf(referral));
        model.addAttribute("outcomes", TriageOutcome.values());
        model.addAttribute("pathways", CarePathway.values());
        model.addAttribute("priorities", Urgency.values());
        model.addAttribute("answers", instrumentAnswers(referral));
        model.addAttribute("now", clock.instant());
        return "referral/triage";
    }

    private Map<String, String> instrumentAnswers(Referral referral) {
        Map<String, String> answers = new LinkedHashMap<>();
        referral.instrument().ifPresent(instrument -> {
            List<Integer> given = referral.instrumentAnswers();
            for (int item = 1; item <= given.size(); item++) {
                answers.put(item + ". " + wording.item(instrument.key(), instrument.title(), String.valueOf(item)), instrument.scale(item).options().get(given.get(item - 1))
                        + " (" + instrument.points(item, given.get(item - 1)) + ")");
            }
        });
        return answers;
    }

    @GetMapping("/new")
    String newReferral(Model model) {
        return intakePage(new IntakeForm(), Map.of(), model);
    }

    @PostMapping
    String receive(@ModelAttribute IntakeForm form, @RequestParam(required = false) MultipartFile letter, Model model,
                   RedirectAttributes redirect) throws IOException {
        try {
            Referral referral = referrals.receive(form.input(), AttachmentForms.uploads(letter));
            redirect.addFlashAttribute("done", "Referral " + referral.reference() + " received"
                    + (referral.redFlagLevel() != RedFlagLevel.NONE ? ": red flag, a task has been raised" : ""));
            return "redirect:/referrals/new";
        } catch (InvalidFieldsException e) {
            return intakePage(form, e.errors(), model);
        } catch (InvalidInputException e) {
            return intakePage(form, Map.of(e.field(), e.getMessage()), model);
        }
    }

    private String intakePage(IntakeForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("sources", List.of(ReferralSource.GP, ReferralSource.ERS, ReferralSource.FRACTURE_CLINIC,
                ReferralSource.EMERGENCY_DEPARTMENT, ReferralSource.OTHER_PROVIDER, ReferralSource.SELF));
        model.addAttribute("sites", BodySite.values());
        model.addAttribute("durations", SymptomDuration.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("reasons", referrals.reasons().inOrder());
        model.addAttribute("questions", questions.all());
        model.addAttribute("today", LimberTime.today(clock));
        return "referral/intake";
    }

    @PostMapping("/{id}/attachments")
    String attach(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        try {
            var uploads = AttachmentForms.uploads(file);
            if (uploads.isEmpty()) {
                throw new InvalidInputException("file", "Select a file to add");
            }
            var attachment = attachments.attach(id, uploads.get(0));
            redirect.addFlashAttribute("done", attachment.filename() + " added");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("attachmentError", e.getMessage());
        }
        return "redirect:/referrals/" + id + "#attachments";
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<InputStreamResource> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        return AttachmentForms.download(attachments.openAttachment(id, attachmentId));
    }

    @GetMapping("/tasks")
    String tasks(Model model) {
        model.addAttribute("tasks", tasks.openTasks());
        return "referral/tasks";
    }

    @PostMapping("/tasks/{id}/take")
    String take(@PathVariable UUID id) {
        tasks.takeTask(id);
        return "redirect:/referrals/tasks";
    }

    @PostMapping("/tasks/{id}/close")
    String close(@PathVariable UUID id, @RequestParam(required = false) String outcome, RedirectAttributes redirect) {
        try {
            tasks.closeTask(id, outcome);
            redirect.addFlashAttribute("done", "Task closed");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("taskError", e.getMessage());
            redirect.addFlashAttribute("taskErrorId", id);
        }
        return "redirect:/referrals/tasks";
    }

    /** The triage form as posted. */
    static final class TriageForm {
        public TriageOutcome outcome;
        public CarePathway pathway;
        public Urgency priority;
        public String reason;
        public boolean wantsEmploymentSupport;
        public boolean wantsDebtSupport;
        public String overrideReason;
        public String redirectTo;
        public String rejectionLetter;
        public String patient;
        public String nhsNumber;
        public long version;

        public void setOutcome(TriageOutcome outcome) { this.outcome = outcome; }
        public void setPathway(CarePathway pathway) { this.pathway = pathway; }
        public void setPriority(Urgency priority) { this.priority = priority; }
        public void setReason(String reason) { this.reason = reason; }
        public void setWantsEmploymentSupport(boolean v) { this.wantsEmploymentSupport = v; }
        public void setWantsDebtSupport(boolean v) { this.wantsDebtSupport = v; }
        public void setOverrideReason(String overrideReason) { this.overrideReason = overrideReason; }
        public void setRedirectTo(String redirectTo) { this.redirectTo = redirectTo; }
        public void setRejectionLetter(String rejectionLetter) { this.rejectionLetter = rejectionLetter; }
        public void setPatient(String patient) { this.patient = patient; }
        public void setNhsNumber(String nhsNumber) { this.nhsNumber = nhsNumber; }
        public void setVersion(long version) { this.version = version; }
    }

    /** The staff intake form as posted. */
    static final class IntakeForm {
        public String source = "GP";
        public String ubrn;
        public String receivedOn;
        public String gpPracticeCode;
        public String referrer;
        public String nhsNumber;
        public String givenName;
        public String familyName;
        public String birthDate;
        public String postcode;
        public String phone;
        public String email;
        public String reasonCode;
        public List<String> bodySites = List.of();
        public String symptomDuration;
        public String history;
        public String requestedUrgency = "ROUTINE";
        public List<String> redFlags = List.of();
        public boolean wantsEmploymentSupport;
        public boolean wantsDebtSupport;

        public void setSource(String v) { source = v; }
        public void setUbrn(String v) { ubrn = v; }
        public void setReceivedOn(String v) { receivedOn = v; }
        public void setGpPracticeCode(String v) { gpPracticeCode = v; }
        public void setReferrer(String v) { referrer = v; }
        public void setNhsNumber(String v) { nhsNumber = v; }
        public void setGivenName(String v) { givenName = v; }
        public void setFamilyName(String v) { familyName = v; }
        public void setBirthDate(String v) { birthDate = v; }
        public void setPostcode(String v) { postcode = v; }
        public void setPhone(String v) { phone = v; }
        public void setEmail(String v) { email = v; }
        public void setReasonCode(String v) { reasonCode = v; }
        public void setBodySites(List<String> v) { bodySites = v == null ? List.of() : v; }
        public void setSymptomDuration(String v) { symptomDuration = v; }
        public void setHistory(String v) { history = v; }
        public void setRequestedUrgency(String v) { requestedUrgency = v; }
        public void setRedFlags(List<String> v) { redFlags = v == null ? List.of() : v; }
        public void setWantsEmploymentSupport(boolean v) { wantsEmploymentSupport = v; }
        public void setWantsDebtSupport(boolean v) { wantsDebtSupport = v; }

        ReferralInput input() {
            return new ReferralInput(source, ubrn, receivedOn, gpPracticeCode, postcode, referrer, nhsNumber, givenName,
                    familyName, birthDate, postcode, phone, email, List.of(), "en", false, List.of(), reasonCode, bodySites,
                    symptomDuration, history, requestedUrgency, null, redFlags, null, null, null, wantsEmploymentSupport,
                    wantsDebtSupport, "SELF".equals(source) ? Boolean.TRUE : null);
        }
    }

    static boolean isBackPain(Referral referral) {
        return Instrument.forSites(referral.bodySites()) == Instrument.START_BACK;
    }
}

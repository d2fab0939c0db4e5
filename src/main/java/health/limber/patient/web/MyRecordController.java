package health.limber.patient.web;

import health.limber.identity.CurrentActor;
import health.limber.organisation.Icb;
import health.limber.organisation.Organisations;
import health.limber.patient.Patient;
import health.limber.patient.PatientManagement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The patient's own pages: their home and the details the service holds about them. */
@Controller
class MyRecordController {

    private final PatientManagement patients;
    private final CurrentActor currentActor;
    private final Organisations organisations;

    MyRecordController(PatientManagement patients, CurrentActor currentActor, Organisations organisations) {
        this.patients = patients;
        this.currentActor = currentActor;
        this.organisations = organisations;
    }

    @GetMapping("/my")
    String home() {
        return "patient/my-home";
    }

    @GetMapping("/my/record")
    String record(Model model) {
        Patient patient = patients.read(currentActor.get().patientId());
        model.addAttribute("patient", patient);
        model.addAttribute("icb", organisations.icb(patient.icbCode()).map(Icb::name).orElse(patient.icbCode()));
        model.addAttribute("language", PatientPageController.LANGUAGES.getOrDefault(patient.preferredLanguage(), patient.preferredLanguage()));
        return "patient/my-record";
    }
}

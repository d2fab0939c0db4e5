package health.limber.patient.web;

import health.limber.identity.CurrentActor;
import health.limber.organisation.Icb;
import health.limber.organisation.Organisations;
import health.limber.patient.Patient;
import health.limber.patient.PatientId;
import health.limber.patient.PatientManagement;
import health.limber.platform.Languages;
import health.limber.platform.PatientCare;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The patient's own pages: their home and the details the service holds about them. */
@Controller
class MyRecordController {

    private final PatientManagement patients;
    private final CurrentActor currentActor;
    private final Organisations organisations;
    private final List<PatientCare> care;

    MyRecordController(PatientManagement patients, CurrentActor currentActor, Organisations organisations, List<PatientCare> care) {
        this.patients = patients;
        this.currentActor = currentActor;
        this.organisations = organisations;
        this.care = care;
    }

    /** The patient's home leads with what they need today: their exercises and their next visit. */
    @GetMapping("/my")
    String home(Model model) {
        var person = new PatientCare.Person(currentActor.get().patientId(), null);
        model.addAttribute("today", care.stream().flatMap(c -> c.of(person, PatientCare.Audience.PATIENT).stream())
                .sorted(Comparator.comparingInt(PatientCare.Link::order)).toList());
        return "patient/my-home";
    }

    @GetMapping("/my/record")
    String record(Model model) {
        Patient patient = patients.read(PatientId.of(currentActor.get().patientId()));
        model.addAttribute("patient", patient);
        model.addAttribute("icb", organisations.icb(patient.icbCode()).map(Icb::name).orElse(patient.icbCode()));
        model.addAttribute("language", Languages.name(patient.preferredLanguage()));
        return "patient/my-record";
    }
}

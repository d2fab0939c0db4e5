package health.limber.episode.internal;

import health.limber.exercise.ProgrammeManagement;
import health.limber.patient.Patient;
import health.limber.patient.PatientBanner;
import health.limber.patient.PatientManagement;
import health.limber.patient.WorkStatus;
import health.limber.platform.LimberTime;
import health.limber.platform.PdfDocuments;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The discharge summary for the person's GP (DOMAIN.md §3b), as PDF: the episode's dates and kind
 * of care, how it ended, what treated them (from the episode's timeline), how much of each home
 * exercise programme they did, and their work status when the episode opened and at discharge.
 * Outcome scores join it when the service records them.
 */
@Component
class DischargeSummaries {

    static final String KIND = "DISCHARGE_SUMMARY";

    private final PatientManagement patients;
    private final ProgrammeManagement programmes;
    private final EpisodeTimeline timeline;
    private final PdfDocuments pdfs;
    private final Clock clock;

    DischargeSummaries(PatientManagement patients, ProgrammeManagement programmes, EpisodeTimeline timeline, PdfDocuments pdfs, Clock clock) {
        this.patients = patients;
        this.programmes = programmes;
        this.timeline = timeline;
        this.pdfs = pdfs;
        this.clock = clock;
    }

    byte[] render(Episode episode) {
        Episode.Discharge discharge = episode.discharge().orElseThrow();
        Patient patient = patients.read(episode.patientId());
        Map<String, Object> model = new HashMap<>();
        model.put("episode", episode);
        model.put("discharge", discharge);
        model.put("dischargeDetail", EpisodeTimeline.dischargeDetail(discharge));
        model.put("banner", PatientBanner.of(patient));
        model.put("gpPractice", patient.gpPracticeCode());
        model.put("entries", timeline.of(episode, patient.nhsNumber().map(n -> n.value()).orElse(null)).stream()
                .filter(e -> !e.kind().equals("Discharged")).toList());
        model.put("programmes", programmes.summaries(episode.patientId(), episode.openedOn(), discharge.on()));
        model.put("workAtStart", workStatusOn(patient, episode.openedOn()));
        model.put("workAtEnd", workStatusOn(patient, discharge.on()));
        model.put("written", LimberTime.today(clock));
        model.put("day", LimberTime.DAY);
        return pdfs.render("episode/discharge-summary-pdf", model, null);
    }

    /** The work status recorded last on or before the day (or the first one recorded, if all came later); "Not recorded" when there is none. */
    static String workStatusOn(Patient patient, LocalDate day) {
        WorkStatus status = patient.workStatusOn(day);
        return status == null ? "Not recorded" : status.label();
    }
}

package health.limber.patient;

import java.time.LocalDate;
import java.util.List;

/**
 * The support part of a patient's record, all a work or money adviser sees (DOMAIN.md §10): who
 * the person is, how to reach them and their work, never a clinical field. Hazard H-45.
 */
public record SupportDetails(PatientId patientId, String name, String nhsNumber, LocalDate birthDate, String phone, String email,
                             String postcode, List<String> contactBy, String preferredLanguage, boolean interpreterNeeded, String icbCode,
                             WorkStatus workStatus, List<WorkStatusChange> workStatusHistory) {

    static SupportDetails of(Patient p) {
        return new SupportDetails(p.id(), p.displayName(), p.nhsNumber().map(NhsNumber::formatted).orElse(null), p.birthDate(), p.phone(),
                p.email(), p.postcode().map(Postcode::value).orElse(null),
                p.contact().channels().stream().map(ContactPreferences.Channel::label).toList(), p.preferredLanguage(), p.interpreterNeeded(),
                p.icbCode(), p.workStatus(), p.workStatusHistory());
    }
}

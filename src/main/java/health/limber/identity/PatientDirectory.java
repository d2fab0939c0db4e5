package health.limber.identity;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * What identity needs to know about a patient to let them sign in, provided by the patient
 * module (which depends on identity, never the other way round).
 */
public interface PatientDirectory {

    Optional<PatientIdentity> find(UUID patientId);

    /** The facts a sign-in checks: date of birth, and whether the record is live (not voided). */
    record PatientIdentity(UUID id, String displayName, LocalDate birthDate, boolean active) {}
}

package health.limber.patient;

import health.limber.identity.PatientDirectory;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Tells the identity module what a patient sign-in needs to check. */
@Component
class PatientIdentities implements PatientDirectory {

    private final Patients patients;

    PatientIdentities(Patients patients) {
        this.patients = patients;
    }

    @Override
    public Optional<PatientIdentity> find(UUID patientId) {
        return patients.findById(patientId)
                .map(p -> new PatientIdentity(p.id().value(), p.givenName(), p.birthDate(), !p.isVoided()));
    }
}

package health.limber.identity;

import health.limber.organisation.Organisations;
import java.time.Clock;
import java.util.UUID;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads staff by username and patients by their remembered-device name ({@code patient:<id>}). */
@Component
class LimberUserDetailsService implements UserDetailsService {

    private final StaffUsers staff;
    private final PatientDirectory patients;
    private final Organisations organisations;
    private final Clock clock;

    LimberUserDetailsService(StaffUsers staff, PatientDirectory patients, Organisations organisations, Clock clock) {
        this.staff = staff;
        this.patients = patients;
        this.organisations = organisations;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (username.startsWith(LimberUser.PATIENT_PREFIX)) {
            return patient(username.substring(LimberUser.PATIENT_PREFIX.length()));
        }
        StaffUser user = staff.findByUsername(username.trim().toLowerCase())
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        Actor actor = new Actor(user.username(), user.displayName(), user.role(), user.organisationCode(),
                organisations.icbsServedBy(user.organisationCode()), null);
        return new LimberUser(actor, user.passwordHash(), user.enabled(), false, user.passwordMustChange());
    }

    LimberUser patient(UUID patientId) {
        return patients.find(patientId)
                .filter(PatientDirectory.PatientIdentity::active)
                .map(patient -> LimberUser.patient(patient.id(), patient.displayName()))
                .orElseThrow(() -> new UsernameNotFoundException("No such patient"));
    }

    private LimberUser patient(String id) {
        try {
            return patient(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new UsernameNotFoundException("No such patient");
        }
    }
}

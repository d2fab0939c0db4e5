package health.limber.identity;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

/**
 * The person (or system job) on whose behalf code runs: staff with their organisation and the
 * ICBs it serves, or a patient with their own record's id.
 */
public record Actor(String username, String displayName, Role role, String organisationCode,
                    Set<String> servedIcbs, UUID patientId) implements Serializable {

    public Actor {
        servedIcbs = Set.copyOf(servedIcbs);
    }

    public boolean isPatient() {
        return role == Role.PATIENT;
    }

    /** Whether this staff member's organisation serves the ICB (patients serve none). */
    public boolean serves(String icbCode) {
        return role.isStaff() && servedIcbs.contains(icbCode);
    }

    public boolean isPatient(UUID id) {
        return isPatient() && patientId.equals(id);
    }
}

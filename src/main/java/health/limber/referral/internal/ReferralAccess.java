package health.limber.referral.internal;

import health.limber.identity.Actor;
import health.limber.identity.AuditAction;
import health.limber.identity.AuditLog;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what with referrals and their red-flag tasks: a role from the list, and for one
 * referral an organisation serving its ICB. A refusal is audited.
 */
public final class ReferralAccess {

    public static final Set<Role> TRIAGERS = Set.of(Role.CLINICIAN, Role.SERVICE_MANAGER);
    public static final Set<Role> INTAKE = Set.of(Role.CLINICIAN, Role.SERVICE_MANAGER, Role.ADMIN);
    public static final String RESOURCE = "Referral";

    private ReferralAccess() {}

    public static Actor require(CurrentActor currentActor, AuditLog audit, Set<Role> roles, Referral referral) {
        Actor actor = currentActor.get();
        boolean allowed = roles.contains(actor.role()) && (referral == null || actor.serves(referral.icbCode()));
        if (!allowed) {
            audit.denied(referral == null ? null : referral.patientId().orElse(null), AuditAction.READ, RESOURCE,
                    referral == null ? null : referral.id().toString());
            throw new AccessDeniedException("Not allowed to see this referral");
        }
        return actor;
    }
}

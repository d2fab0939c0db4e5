package health.limber.clinic;

import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.platform.NotFoundException;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what in the clinic module: a role from the list, in an organisation serving the hub's
 * ICB. A thing of another ICB is "not found", so its existence is not revealed.
 */
final class StaffAccess {

    private StaffAccess() {}

    static Actor require(CurrentActor currentActor, Set<Role> roles, String icb, String what) {
        Actor actor = currentActor.get();
        if (!roles.contains(actor.role())) {
            throw new AccessDeniedException("Not allowed for " + actor.role().label());
        }
        if (icb != null && !actor.serves(icb)) {
            throw new NotFoundException(what);
        }
        return actor;
    }
}

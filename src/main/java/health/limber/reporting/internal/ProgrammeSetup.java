package health.limber.reporting.internal;

import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.organisation.Cohort;
import health.limber.organisation.Cohorts;
import health.limber.organisation.Icb;
import health.limber.organisation.Organisations;
import health.limber.platform.InvalidInputException;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * What an administrator sets up for programme reports: ICBs, new providers and cohorts. Only
 * administrators may; a provider already known cannot be given more ICBs here (that would widen whose
 * records its staff see), only through {@code ./limber setup}.
 */
@Service
public class ProgrammeSetup {

    private final Organisations organisations;
    private final Cohorts cohorts;
    private final CurrentActor currentActor;

    ProgrammeSetup(Organisations organisations, Cohorts cohorts, CurrentActor currentActor) {
        this.organisations = organisations;
        this.cohorts = cohorts;
        this.currentActor = currentActor;
    }

    public Icb addIcb(String code, String name, String shortName) {
        return organisations.addIcb(code, name, shortName, administrator().username());
    }

    public Organisations.Provider addProvider(String code, String name, Set<String> icbs) {
        administrator();
        String checked = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (organisations.providerName(checked).isPresent()) {
            throw new InvalidInputException("providerCode", "Provider " + checked + " is already known");
        }
        return organisations.addProvider(checked, name, icbs == null ? Set.of() : icbs);
    }

    public Cohort createCohort(Cohorts.CohortForm form) {
        return cohorts.create(form, administrator().username());
    }

    public Cohort updateCohort(String code, Cohorts.CohortForm form) {
        return cohorts.update(code, form, administrator().username());
    }

    /** Refuses anyone but an administrator. */
    public void checkAdministrator() {
        administrator();
    }

    private Actor administrator() {
        Actor actor = currentActor.get();
        if (actor.role() != Role.ADMIN && actor.role() != Role.SYSTEM_ADMIN) {
            throw new AccessDeniedException("Only administrators set up ICBs, providers and cohorts");
        }
        return actor;
    }
}

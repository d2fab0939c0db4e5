package health.limber.referral;

import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.platform.HomeFigures;
import health.limber.referral.internal.ReferralQueries;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open and overdue red-flag tasks of the ICBs a clinician or service manager serves, on their home
 * page, so a red flag is seen on arrival rather than found in a list (hazard H-25).
 */
@Component
class RedFlagTaskFigures implements HomeFigures {

    private final ReferralQueries queries;
    private final CurrentActor currentActor;
    private final Clock clock;

    RedFlagTaskFigures(ReferralQueries queries, CurrentActor currentActor, Clock clock) {
        this.queries = queries;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Figure> figures() {
        Actor actor = currentActor.get();
        if (actor.role() != Role.CLINICIAN && actor.role() != Role.SERVICE_MANAGER) {
            return List.of();
        }
        return List.of(
                new Figure("Red-flag tasks overdue", queries.countOverdueTasks(actor.servedIcbs(), clock.instant()), "/referrals/tasks", true),
                new Figure("Red-flag tasks open", queries.countOpenTasks(actor.servedIcbs()), "/referrals/tasks", true),
                new Figure("Referrals waiting for triage", queries.countAwaitingTriage(actor.servedIcbs()), "/referrals", false));
    }
}

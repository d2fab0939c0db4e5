package health.limber.support.internal;

import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.platform.HomeFigures;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** On an adviser's home page: the new referrals waiting for them and those under way, in their ICBs. */
@Component
class SupportFigures implements HomeFigures {

    private final SupportReferrals referrals;
    private final CurrentActor currentActor;

    SupportFigures(SupportReferrals referrals, CurrentActor currentActor) {
        this.referrals = referrals;
        this.currentActor = currentActor;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Figure> figures() {
        Actor actor = currentActor.get();
        Need need = Need.of(actor.role());
        if (need == null) {
            return List.of();
        }
        return List.of(new Figure("New referrals for help with " + need.label().toLowerCase(),
                        referrals.countByStatus(actor.servedIcbs(), need, SupportReferral.Status.REFERRED), "/support", false),
                new Figure("Under way", referrals.worklistCount(actor.servedIcbs(), need, false)
                        - referrals.countByStatus(actor.servedIcbs(), need, SupportReferral.Status.REFERRED), "/support", false));
    }
}

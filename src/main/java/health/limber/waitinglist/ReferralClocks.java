package health.limber.waitinglist;

import health.limber.referral.CarePathway;
import health.limber.referral.ReferralAccepted;
import health.limber.referral.ReferralSource;
import health.limber.referral.Urgency;
import health.limber.waitinglist.internal.Pathways;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Starts the waiting-list clock for a referral accepted in Limber, from the date the referral was
 * received (DOMAIN.md §3). Pathways that end at triage (urgent onward referral, advice and
 * discharge) stop the clock at once with a non-treatment stop, so they count as seen, not waiting.
 *
 * <p>It listens in the triage transaction on purpose: an accepted referral without its clock must
 * never exist, so both commit or neither does.
 */
@Component
class ReferralClocks {

    /** Treatment function 650: physiotherapy. */
    static final String PHYSIOTHERAPY = "650";

    private final Pathways pathways;
    private final java.time.Clock clock;

    ReferralClocks(Pathways pathways, java.time.Clock clock) {
        this.pathways = pathways;
        this.clock = clock;
    }

    /** First of the listeners to an acceptance: the episode of care opened after it links the pathway started here. */
    @EventListener
    @Order(0)
    void on(ReferralAccepted accepted) {
        PathwayKey key = new PathwayKey(accepted.reference(), accepted.providerCode());
        if (pathways.find(key).isPresent()) {
            return;
        }
        Pathway pathway = Pathway.open(key, accepted.nhsNumber(), accepted.birthDate(), accepted.receivedOn(),
                SourceOfReferral.of(accepted.source()), "ORTT", PHYSIOTHERAPY,
                accepted.priority() == Urgency.URGENT ? Priority.URGENT : Priority.ROUTINE,
                accepted.providerCode(), accepted.icbCode(), accepted.receivedOn());
        if (!accepted.pathway().joinsWaitingList()) {
            pathway.stopClock(accepted.acceptedOn(), StopReason.DISCHARGED,
                    accepted.pathway() == CarePathway.ADVICE_AND_DISCHARGE ? KindOfCare.ADVICE_AND_DISCHARGE : null);
        }
        pathways.save(pathway, clock.instant());
    }

}

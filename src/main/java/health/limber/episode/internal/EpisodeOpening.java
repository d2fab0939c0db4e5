package health.limber.episode.internal;

import health.limber.episode.EpisodeOpened;
import health.limber.outcome.OutcomeSchedules;
import health.limber.referral.ReferralAccepted;
import health.limber.waitinglist.Pathway;
import health.limber.waitinglist.PathwayKey;
import health.limber.waitinglist.WaitingListManagement;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Opens the person's episode of care when triage accepts their referral, in the same transaction,
 * linked to the waiting-list pathway the acceptance started (so it listens after the waiting list
 * does), and names the patient on that pathway; the baseline questionnaires fall due then. A
 * referral accepted twice (a retry) opens one episode. {@link EpisodeOpened} tells the modules
 * that hang work on the episode (work and money support).
 */
@Component
class EpisodeOpening {

    private final Episodes episodes;
    private final WaitingListManagement waitingList;
    private final OutcomeSchedules outcomes;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    EpisodeOpening(Episodes episodes, WaitingListManagement waitingList, OutcomeSchedules outcomes, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.episodes = episodes;
        this.waitingList = waitingList;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(ReferralAccepted accepted) {
        if (accepted.patientId() == null || episodes.byReferral(accepted.referralId()).isPresent()) {
            return;
        }
        var pathway = waitingList.find(new PathwayKey(accepted.reference(), accepted.providerCode())).map(Pathway::id).orElse(null);
        if (pathway != null) {
            waitingList.linkPatient(pathway, accepted.patientId());
        }
        Episode episode = Episode.open(accepted.patientId(), accepted.referralId(), accepted.reference(), accepted.icbCode(), accepted.providerCode(),
                accepted.pathway(), accepted.source(), accepted.receivedOn(), accepted.acceptedOn(), pathway, clock.instant());
        episodes.insert(episode);
        outcomes.opened(EpisodeOutcomes.ref(episode), accepted.acceptedOn());
        events.publishEvent(new EpisodeOpened(episode.facts(), accepted.wantsEmploymentSupport(), accepted.wantsDebtSupport()));
    }
}

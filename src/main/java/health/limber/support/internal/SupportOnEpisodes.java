package health.limber.support.internal;

import health.limber.episode.EpisodeOpened;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** What the person asked for at referral ("I'd like help with work", "…with money") becomes a referral to the service's own adviser as the episode opens. */
@Component
class SupportOnEpisodes {

    private final SupportManagement support;

    SupportOnEpisodes(SupportManagement support) {
        this.support = support;
    }

    @EventListener
    void on(EpisodeOpened opened) {
        if (opened.wantsEmploymentSupport()) {
            support.referAtTriage(opened.episode(), Need.EMPLOYMENT);
        }
        if (opened.wantsDebtSupport()) {
            support.referAtTriage(opened.episode(), Need.DEBT);
        }
    }
}

package health.limber.episode.internal;

import health.limber.exercise.ProgrammeAgreed;
import health.limber.waitinglist.KindOfCare;
import health.limber.waitinglist.WaitingListManagement;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Digital self-management's clock rule (DOMAIN.md §3a): a programme agreed with the person at an
 * assessment as their treatment stops the clock of the pathway their open episode runs on, on the
 * day it was agreed, as first treatment through digital self-management. A starter programme
 * publishes nothing and stops nothing. The episode is what ties the person to their pathway, so the
 * rule lives here, in the transaction that stores the programme.
 */
@Component
class EpisodeClocks {

    private final Episodes episodes;
    private final WaitingListManagement waitingList;

    EpisodeClocks(Episodes episodes, WaitingListManagement waitingList) {
        this.episodes = episodes;
        this.waitingList = waitingList;
    }

    @EventListener
    void on(ProgrammeAgreed agreed) {
        episodes.ofPatient(agreed.patientId()).stream()
                .filter(e -> e.discharge().isEmpty() && !e.openedOn().isAfter(agreed.on()))
                .forEach(e -> e.pathwayId().ifPresent(pathway -> waitingList.stopOnTreatment(pathway, agreed.on(), KindOfCare.DIGITAL_SELF_MANAGEMENT)));
    }
}

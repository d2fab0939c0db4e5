package health.limber.episode;

import health.limber.episode.internal.Episode;
import health.limber.episode.internal.EpisodeId;
import health.limber.episode.internal.Episodes;
import health.limber.patient.PatientId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Episodes as other modules see them ({@link EpisodeFacts}). It does not check who is asking:
 * callers are services that check access to the person themselves (as the support module does
 * against the patient record) before they show anything.
 */
@Service
public class EpisodeDirectory {

    private final Episodes episodes;
    private final health.limber.waitinglist.WaitingListManagement waitingList;

    EpisodeDirectory(Episodes episodes, health.limber.waitinglist.WaitingListManagement waitingList) {
        this.episodes = episodes;
        this.waitingList = waitingList;
    }

    @Transactional(readOnly = true)
    public Optional<EpisodeFacts> find(UUID episodeId) {
        return episodes.find(EpisodeId.of(episodeId)).map(Episode::facts);
    }

    /** The person's open episode, the latest opened if more than one is open. */
    @Transactional(readOnly = true)
    public Optional<EpisodeFacts> openOf(PatientId patientId) {
        return episodes.ofPatient(patientId).stream().map(Episode::facts).filter(EpisodeFacts::isOpen)
                .max(Comparator.comparing(EpisodeFacts::openedOn));
    }

    @Transactional(readOnly = true)
    public List<EpisodeFacts> findAll(Collection<UUID> ids) {
        return episodes.findAll(ids).stream().map(Episode::facts).toList();
    }

    /** The hub each episode's person is seen at (its waiting-list pathway's), for reports; episodes without one are left out. */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, UUID> hubsOf(Collection<UUID> ids) {
        java.util.Map<health.limber.waitinglist.PathwayId, UUID> episodeOf = new java.util.HashMap<>();
        episodes.findAll(ids).forEach(e -> e.pathwayId().ifPresent(p -> episodeOf.put(p, e.id().value())));
        java.util.Map<UUID, UUID> hubs = new java.util.HashMap<>();
        waitingList.hubsOf(episodeOf.keySet()).forEach((pathway, hub) -> hubs.put(episodeOf.get(pathway), hub));
        return hubs;
    }
}

package health.limber.episode.internal;

import health.limber.outcome.OutcomeSchedules;

/** An episode as the outcome module's schedules know it. */
final class EpisodeOutcomes {

    private EpisodeOutcomes() {}

    static OutcomeSchedules.EpisodeRef ref(Episode episode) {
        return new OutcomeSchedules.EpisodeRef(episode.id().value(), episode.patientId().value(), episode.icbCode(), episode.providerCode(),
                episode.kindOfCare() == null ? null : episode.kindOfCare().name());
    }
}

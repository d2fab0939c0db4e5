package health.limber.episode;

import health.limber.episode.internal.Episode;
import health.limber.episode.internal.Episodes;
import health.limber.patient.PatientId;
import health.limber.referral.CarePathway;
import health.limber.referral.ReferralId;
import health.limber.referral.ReferralSource;
import health.limber.waitinglist.PathwayId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores episodes that began before Limber (a service moving its records in, the demo's past),
 * each with its discharge if it has ended. The caller is trusted: start-up and command-line code
 * only, never a request; each episode still passes the discharge rules of a live one.
 */
@Component
public class EpisodeBulkLoad {

    /** A past discharge: {@code followUpMonths} only for a PIFU discharge. */
    public record PastDischarge(DischargeReason reason, LocalDate on, String note, String referredTo, Integer followUpMonths, String by,
                                Instant at) {}

    /** A past episode; {@code pathwayId} null when it joined no waiting list, {@code discharge} null while it is open. */
    public record PastEpisode(PatientId patientId, ReferralId referralId, String reference, String icbCode, String providerCode,
                              CarePathway kindOfCare, ReferralSource source, LocalDate referredOn, LocalDate openedOn, PathwayId pathwayId,
                              PastDischarge discharge) {}

    private final Episodes episodes;
    private final Clock clock;

    EpisodeBulkLoad(Episodes episodes, Clock clock) {
        this.episodes = episodes;
        this.clock = clock;
    }

    /** Stores the episodes, all or none; returns their ids, in order. */
    @Transactional
    public List<java.util.UUID> store(List<PastEpisode> past) {
        List<Episode> made = new java.util.ArrayList<>(past.size());
        for (PastEpisode p : past) {
            Episode episode = Episode.open(p.patientId(), p.referralId(), p.reference(), p.icbCode(), p.providerCode(), p.kindOfCare(),
                    p.source(), p.referredOn(), p.openedOn(), p.pathwayId(), clock.instant());
            PastDischarge d = p.discharge();
            if (d != null) {
                episode.discharge(d.reason(), d.on(), d.note(), d.referredTo(), d.followUpMonths(), 6, d.by(), d.at());
            }
            made.add(episode);
        }
        episodes.insertAll(made);
        return made.stream().map(e -> e.id().value()).toList();
    }
}

package health.limber.episode.web;

import health.limber.episode.internal.Episode;
import health.limber.episode.internal.EpisodeTimeline;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An episode as the API shows it; the timeline only when one episode is read. */
record EpisodeView(UUID id, UUID patientId, UUID referralId, String reference, String icbCode, String providerCode, String kindOfCare,
                   String source, LocalDate referredOn, LocalDate openedOn, UUID pathwayId, String status, DischargeView discharge,
                   List<FollowUpView> followUps, long version, List<EpisodeTimeline.Entry> timeline) {

    record DischargeView(String reason, LocalDate on, String note, String referredTo, LocalDate followUpUntil, String by) {}

    record FollowUpView(UUID id, LocalDate on, String by, String what, String answer, String answeredBy) {
        static FollowUpView of(Episode.FollowUpRequest r) {
            return new FollowUpView(r.id(), r.on(), r.by(), r.what(), r.answer(), r.answeredBy());
        }
    }

    static EpisodeView of(Episode e, LocalDate today, List<EpisodeTimeline.Entry> timeline) {
        return new EpisodeView(e.id().value(), e.patientId().value(), e.referralId() == null ? null : e.referralId().value(), e.reference(), e.icbCode(), e.providerCode(),
                e.kindOfCare() == null ? null : e.kindOfCare().name(), e.source().name(), e.referredOn(), e.openedOn(), e.pathwayId().map(p -> p.value()).orElse(null),
                e.status(today).name(),
                e.discharge().map(d -> new DischargeView(d.reason().name(), d.on(), d.note(), d.referredTo(), d.followUpUntil(), d.by())).orElse(null),
                e.followUps().stream().map(FollowUpView::of).toList(), e.version(), timeline);
    }

    static EpisodeView of(Episode e, LocalDate today) {
        return of(e, today, null);
    }

    /** What the person themselves sees of a follow-up request (staff usernames are not theirs to see). */
    static FollowUpView forPatient(Episode.FollowUpRequest r) {
        return new FollowUpView(r.id(), r.on(), null, r.what(), r.answer(), null);
    }
}

package health.limber.episode.internal;

import health.limber.platform.LimberTime;
import health.limber.platform.PatientCare;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Everything in one episode, in date order: its own events (accepted, discharged, follow-ups asked
 * for and answered) and what each module holds of the person's care in the episode's dates (the
 * referral, the waiting-list pathway, programmes, clinic visits, classes), read through
 * {@link PatientCare} so that this module reads no other module's tables.
 */
@Component
public class EpisodeTimeline {

    /** One line of the timeline; {@code href} is null when there is nothing more to open. */
    public record Entry(LocalDate on, String kind, String title, String detail, String href) {}

    /** A person may have pathways of other episodes (or imported ones) in these dates: only the episode's own is part of it. */
    private static final String PATHWAYS = "/waiting-list/pathways/";

    private final List<PatientCare> care;

    EpisodeTimeline(List<PatientCare> care) {
        this.care = care.stream().filter(c -> !(c instanceof EpisodeCare)).toList();
    }

    public List<Entry> of(Episode episode, String nhsNumber) {
        List<Entry> entries = new ArrayList<>();
        entries.add(episode.hasReferral()
                ? new Entry(episode.openedOn(), "Episode opened", "Referral " + episode.reference() + " accepted",
                        "Kind of care decided at triage: " + episode.kindOfCareLabel(), "/referrals/" + episode.referralId())
                : new Entry(episode.openedOn(), "Episode opened", "Waiting-list pathway " + episode.reference() + " imported",
                        "Matched to this record by NHS number and date of birth",
                        episode.pathwayId().map(p -> PATHWAYS + p).orElse(null)));
        LocalDate from = episode.referredOn();
        LocalDate to = episode.discharge().map(Episode.Discharge::on).orElse(null);
        PatientCare.Person person = new PatientCare.Person(episode.patientId().value(), nhsNumber);
        String ownPathway = episode.pathwayId().map(p -> PATHWAYS + p).orElse(null);
        for (PatientCare module : care) {
            for (PatientCare.Link link : module.of(person, PatientCare.Audience.STAFF)) {
                boolean inside = link.on() != null && !link.on().isBefore(from) && (to == null || !link.on().isAfter(to));
                if (inside && (link.href() == null || !link.href().startsWith(PATHWAYS) || link.href().equals(ownPathway))) {
                    entries.add(new Entry(link.on(), link.kind(), link.title(), link.detail(), link.href()));
                }
            }
        }
        episode.discharge().ifPresent(d -> entries.add(new Entry(d.on(), "Discharged", d.reason().label(), dischargeDetail(d), null)));
        for (Episode.FollowUpRequest request : episode.followUps()) {
            entries.add(new Entry(request.on(), "Follow-up asked for", request.what() == null ? "No details given" : request.what(),
                    "Asked by " + request.by(), null));
            if (!request.isOpen()) {
                entries.add(new Entry(LimberTime.dateOf(request.answeredAt()), "Follow-up arranged", request.answer(),
                        "By " + request.answeredBy(), null));
            }
        }
        entries.sort(Comparator.comparing(Entry::on));
        return entries;
    }

    static String dischargeDetail(Episode.Discharge d) {
        StringBuilder detail = new StringBuilder("By " + d.by());
        if (d.referredTo() != null) {
            detail.append("; referred on to ").append(d.referredTo());
        }
        if (d.followUpUntil() != null) {
            detail.append("; can ask for a follow-up until ").append(LimberTime.DAY.format(d.followUpUntil()));
        }
        if (d.note() != null) {
            detail.append(". ").append(d.note());
        }
        return detail.toString();
    }
}

package health.limber.episode.internal;

import health.limber.patient.PatientId;
import health.limber.platform.LimberTime;
import health.limber.platform.PatientCare;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A person's episodes on their record (with the discharge summary filed on each), and on their own
 * home page the one thing they can act on: asking for a follow-up while a PIFU window is open.
 */
@Component
class EpisodeCare implements PatientCare {

    private final Episodes episodes;
    private final Clock clock;

    EpisodeCare(Episodes episodes, Clock clock) {
        this.episodes = episodes;
        this.clock = clock;
    }

    @Override
    public List<Link> of(Person person, Audience audience) {
        LocalDate today = LimberTime.today(clock);
        List<Link> links = new ArrayList<>();
        for (Episode e : episodes.ofPatient(PatientId.of(person.patientId()))) {
            Episode.Status status = e.status(today);
            if (audience == Audience.PATIENT) {
                if (status == Episode.Status.FOLLOW_UP_WINDOW) {
                    links.add(new Link("Your care", "You can ask for a follow-up appointment",
                            "Until " + LimberTime.DAY.format(e.discharge().orElseThrow().followUpUntil()) + ", without going back to your GP",
                            "/my/care", today, 3));
                }
            } else {
                links.add(new Link("Episode of care", e.kindOfCareLabel() + ", from " + LimberTime.DAY.format(e.openedOn()),
                        status.label() + e.discharge().map(d -> ": discharged " + LimberTime.DAY.format(d.on()) + " (" + d.reason().label() + ")")
                                .orElse(""), "/episodes/" + e.id(), e.openedOn(), 5));
                e.discharge().ifPresent(d -> links.add(new Link("Letter", "Discharge summary to the GP", LimberTime.DAY.format(d.on()),
                        "/episodes/" + e.id() + "/discharge-summary.pdf", d.on(), 6)));
            }
        }
        return links;
    }
}

package health.limber.support.internal;

import health.limber.platform.LimberTime;
import health.limber.platform.PatientCare;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Work and money support in a person's care: for staff, each support referral, its outcomes and each
 * fit note, dated so that an episode's timeline shows them; for the person, their open referrals.
 */
@Component
class SupportCare implements PatientCare {

    static final String KIND = "Work and money support";

    private final SupportReferrals referrals;
    private final FitNotes fitNotes;
    private final Clock clock;

    SupportCare(SupportReferrals referrals, FitNotes fitNotes, Clock clock) {
        this.referrals = referrals;
        this.fitNotes = fitNotes;
        this.clock = clock;
    }

    @Override
    public List<Link> of(Person person, Audience audience) {
        List<Link> links = new ArrayList<>();
        List<SupportReferral> own = referrals.ofPatient(person.patientId());
        if (audience == Audience.PATIENT) {
            own.stream().filter(r -> r.status() != SupportReferral.Status.CLOSED).findFirst().ifPresent(r -> links.add(new Link(KIND,
                    "Help with " + r.service().need().label().toLowerCase(), r.service().name() + ": " + r.status().label().toLowerCase(),
                    "/my/support", LimberTime.today(clock), 6)));
            return links;
        }
        for (SupportReferral r : own) {
            String detail = r.status().label() + (r.closeReason() == null ? "" : " (" + r.closeReason().label().toLowerCase() + ")")
                    + " · " + r.details().source().label().toLowerCase() + " · " + r.contacts().size() + (r.contacts().size() == 1 ? " contact" : " contacts");
            links.add(new Link(KIND, "Referred to " + r.service().name(), detail, "/support/referrals/" + r.id(), r.referredOn(), 20));
            for (SupportReferral.Outcome o : r.outcomes()) {
                links.add(new Link("Support outcome", o.kind().label(), r.service().name() + " · recorded by " + o.by(),
                        "/support/referrals/" + r.id(), o.on(), 21));
            }
        }
        for (FitNote n : fitNotes.ofPatient(person.patientId())) {
            links.add(new Link("Fit note", n.summary(), n.condition() + " · " + LimberTime.DAY.format(n.startsOn()) + " to "
                    + LimberTime.DAY.format(n.lastDay()) + " · " + n.issuedByName(), "/support/fit-notes/" + n.id() + ".pdf", n.startsOn(), 22));
        }
        return links;
    }
}

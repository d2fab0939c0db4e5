package health.limber.support.internal;

import health.limber.notification.Channel;
import health.limber.notification.Outbox;
import health.limber.patient.PatientId;
import health.limber.patient.PatientManagement;
import health.limber.patient.SupportDetails;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * What goes to an outside service by email, through the outbox: the referral (only the details the
 * person agreed to share) and, if consent is withdrawn, the request to stop and delete them. A
 * service without an email route gets the printed letter instead.
 */
@Component
class SupportMessages {

    private final Outbox outbox;
    private final PatientManagement patients;
    private final Clock clock;

    SupportMessages(Outbox outbox, PatientManagement patients, Clock clock) {
        this.outbox = outbox;
        this.patients = patients;
        this.clock = clock;
    }

    void referred(SupportReferral referral, String reason) {
        SupportService service = referral.service();
        if (service.inHouse() || service.email() == null || service.email().isBlank()) {
            return;
        }
        SupportDetails person = patients.supportDetails(PatientId.of(referral.details().patientId()));
        String body = "A referral from the MSK service to " + service.name() + ".\n\n"
                + "Name: " + person.name() + "\n"
                + "Phone: " + (person.phone() == null ? "not given" : person.phone()) + "\n"
                + "Email: " + (person.email() == null ? "not given" : person.email()) + "\n"
                + "Why they would like help: " + reason + "\n\n"
                + "They agreed to share: " + referral.consent().shared() + ".\n"
                + "Please contact them directly. Reference " + referral.id() + ".";
        outbox.queue(new Outbox.Message("support-referral:" + referral.id(), referral.details().patientId(), referral.details().icbCode(),
                Channel.EMAIL, service.email(), "Referral: " + service.name(), body, clock.instant()));
    }

    void withdrawn(SupportReferral referral) {
        SupportService service = referral.service();
        outbox.withdraw("support-referral:" + referral.id());
        if (service.inHouse() || service.email() == null || service.email().isBlank()) {
            return;
        }
        outbox.queue(new Outbox.Message("support-withdrawn:" + referral.id(), referral.details().patientId(), referral.details().icbCode(),
                Channel.EMAIL, service.email(), "Consent withdrawn: referral " + referral.id(),
                "The person referred to you under reference " + referral.id() + " has withdrawn their consent to share their details. "
                        + "Please stop using and delete the details we sent.", clock.instant()));
    }
}

package health.limber.waitinglist;

import health.limber.clinic.AppointmentOutcome;
import health.limber.clinic.AppointmentRecorded;
import health.limber.clinic.ClassAttended;
import health.limber.waitinglist.internal.Pathways;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The clock rules of DOMAIN.md §3 applied to one-stop clinic and 1:1 appointments. Attending the
 * physiotherapy assessment is the first definitive contact: it stops the clock as first
 * treatment, by "one-stop clinic day" or "1:1 physiotherapy", naming the appointment. Not attending it at the first visit nullifies the clock; a later did-not-attend is
 * recorded and the clock runs on. A cancellation in advance is recorded and is not a DNA. Other
 * services at the visit (mental health, activity, employment, debt) do not move the clock.
 * Attending a group class is treatment too: the first session attended stops the clock. Runs in
 * the transaction that records the appointment or register, so both commit or neither does.
 */
@Component
class ClinicClocks {

    private final Pathways pathways;
    private final Clock clock;

    ClinicClocks(Pathways pathways, Clock clock) {
        this.pathways = pathways;
        this.clock = clock;
    }

    @EventListener
    void on(ClassAttended attended) {
        pathways.find(new PathwayKey(attended.referralReference(), attended.providerCode()))
                .filter(Pathway::isRunning)
                .ifPresent(pathway -> {
                    pathway.stopClock(attended.on(), StopReason.FIRST_TREATMENT, KindOfCare.GROUP_CLASS, "ClassCourse/" + attended.courseId());
                    pathways.save(pathway, clock.instant());
                });
    }

    @EventListener
    void on(AppointmentRecorded recorded) {
        if (!recorded.isAssessment()) {
            return;
        }
        pathways.find(new PathwayKey(recorded.referralReference(), recorded.providerCode()))
                .filter(Pathway::isRunning)
                .ifPresent(pathway -> {
                    AppointmentOutcome outcome = recorded.outcome();
                    if (outcome == AppointmentOutcome.ATTENDED) {
                        pathway.stopClock(recorded.day(), StopReason.FIRST_TREATMENT,
                                recorded.setting() == AppointmentRecorded.Setting.ONE_TO_ONE ? KindOfCare.ONE_TO_ONE_PHYSIOTHERAPY : KindOfCare.ONE_STOP_CLINIC,
                                "Appointment/" + recorded.appointmentId());
                    } else if (outcome == AppointmentOutcome.DID_NOT_ATTEND) {
                        pathway.recordDidNotAttend(recorded.day(), recorded.firstVisit(), false);
                    } else if (outcome.isCancellation()) {
                        pathway.recordCancellation(recorded.day(), outcome == AppointmentOutcome.CANCELLED_BY_PATIENT ? "PATIENT" : "SERVICE");
                    }
                    pathways.save(pathway, clock.instant());
                });
    }
}

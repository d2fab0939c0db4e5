package health.limber.clinic;

import health.limber.clinic.internal.OneToOneRepository;
import health.limber.clinic.internal.OneToOneRepository.ReferralRow;
import health.limber.identity.CurrentActor;
import health.limber.patient.PatientId;
import health.limber.referral.ReferralId;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who can be booked for 1:1 care once their episode ends: the episode module closes a person's 1:1
 * referral at discharge (what is booked from that day is cancelled; only a follow-up inside the PIFU
 * window can be booked after), and makes a person discharged with PIFU bookable for a follow-up.
 */
@Service
@Transactional
public class OneToOneReferrals {

    private final OneToOneRepository repository;
    private final OneToOneAppointments appointments;
    private final CurrentActor currentActor;

    OneToOneReferrals(OneToOneRepository repository, OneToOneAppointments appointments, CurrentActor currentActor) {
        this.repository = repository;
        this.appointments = appointments;
        this.currentActor = currentActor;
    }

    /**
     * The episode was discharged: an assessment can no longer be booked, a follow-up only until
     * {@code followUpUntil} (the PIFU window, or null), and appointments booked from the discharge
     * day on are cancelled by the service.
     */
    public int closeReferral(ReferralId referral, LocalDate on, LocalDate followUpUntil) {
        if (repository.close(referral.value(), on, followUpUntil) == 0) {
            return 0;
        }
        int cancelled = 0;
        for (UUID booked : repository.bookedFrom(referral.value(), on)) {
            appointments.cancelByService(booked, "Discharged on " + health.limber.platform.LimberTime.DAY.format(on));
            cancelled++;
        }
        return cancelled;
    }

    /** Someone discharged with patient-initiated follow-up whom the team books a 1:1 follow-up for. */
    public record FollowUpPerson(ReferralId referralId, String reference, PatientId patientId, String name, LocalDate birthDate, String nhsNumber,
                                 String icbCode, String providerCode, String language, boolean interpreterNeeded, boolean stepFree,
                                 LocalDate referredOn, LocalDate dischargedOn, LocalDate followUpUntil) {}

    /**
     * Makes a person discharged with PIFU bookable for a 1:1 follow-up on their episode (staff of its
     * ICB): added to the 1:1 people if their care was not 1:1 physiotherapy, and closed so that only
     * a follow-up until the window's end can be booked. Returns the referral to book with.
     */
    public ReferralId admitForFollowUp(FollowUpPerson p) {
        StaffAccess.require(currentActor, OneToOneAppointments.STAFF, p.icbCode(), "episode");
        if (repository.referral(p.referralId().value()).isEmpty()) {
            repository.admit(new ReferralRow(p.referralId().value(), p.reference(), PatientId.uuidOf(p.patientId()), p.name(), p.birthDate(),
                    p.nhsNumber(), p.icbCode(), p.providerCode(), "ROUTINE", p.referredOn(), p.language() == null ? "en" : p.language(),
                    p.interpreterNeeded(), p.stepFree(), null, null, null));
        }
        repository.close(p.referralId().value(), p.dischargedOn(), p.followUpUntil());
        return p.referralId();
    }
}

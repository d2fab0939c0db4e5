package health.limber.episode;

import health.limber.patient.PatientId;
import health.limber.referral.CarePathway;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What other modules need to hang their work on an episode (support referrals, fit notes): whose
 * it is, where, which kind of care and whether it is still open. No clinical content.
 *
 * @param kindOfCare null for an episode opened from an imported pathway
 * @param dischargedOn null while the episode is open
 */
public record EpisodeFacts(UUID id, PatientId patientId, String reference, String icbCode, CarePathway kindOfCare, LocalDate openedOn,
                           LocalDate dischargedOn) {

    public boolean isOpen() {
        return dischargedOn == null;
    }

    public String kindOfCareLabel() {
        return kindOfCare == null ? "Imported pathway" : kindOfCare.label();
    }
}

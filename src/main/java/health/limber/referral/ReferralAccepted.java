package health.limber.referral;

import health.limber.patient.PatientId;
import java.time.LocalDate;
import java.util.Set;

/**
 * A referral was accepted to a pathway. The waiting list starts a clock from {@code receivedOn}
 * (DOMAIN.md §3); support and exercise modules act on the rest.
 *
 * @param providerCode the ODS code of the provider whose clinician accepted it (the pathway's issuer)
 * @param riskGroup the STarT risk group, when scored (a one-stop visit adds mental health support when high)
 * @param stepFreeAccess whether the person needs step-free access (rooms for a one-stop visit)
 */
public record ReferralAccepted(ReferralId referralId, String reference, PatientId patientId, String nhsNumber, LocalDate birthDate,
                               String icbCode, String providerCode, LocalDate receivedOn, ReferralSource source,
                               CarePathway pathway, Urgency priority, Set<BodySite> bodySites,
                               boolean wantsEmploymentSupport, boolean wantsDebtSupport, LocalDate acceptedOn,
                               String displayName, String preferredLanguage, boolean interpreterNeeded,
                               boolean stepFreeAccess, RiskGroup riskGroup) {}

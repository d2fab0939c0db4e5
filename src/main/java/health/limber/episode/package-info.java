/**
 * Episodes of care: a person's MSK episode with the service, from the accepted referral to
 * discharge, with everything that treated them on one timeline; discharge with its reason,
 * patient-initiated follow-up (PIFU) and the discharge summary to the GP (DOMAIN.md §3b).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Episodes of care",
        allowedDependencies = {"clinic", "exercise", "identity", "notification", "organisation", "outcome", "patient", "platform", "referral", "waitinglist"})
package health.limber.episode;

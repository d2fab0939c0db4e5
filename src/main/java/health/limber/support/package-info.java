/**
 * Work and money support (DOMAIN.md §10): employment and debt advisers with their own worklist,
 * support referrals to in-house advisers or outside services (with the person's consent to share,
 * recorded and withdrawable), contacts and outcomes that update the person's work status, fit
 * notes on the episode, and the work outcomes report.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Work and money support",
        allowedDependencies = {"clinic", "episode", "identity", "notification", "organisation", "outcome", "patient", "platform", "referral"})
package health.limber.support;

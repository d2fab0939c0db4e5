/**
 * Referrals from staff, integrating systems and the public self-referral: red-flag screening and
 * tasks, STarT MSK scoring, the triage worklist and decision, letters.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Referral", allowedDependencies = {"identity", "organisation", "outcome", "patient", "platform"})
package health.limber.referral;

/**
 * Community hubs (often leisure centres), their rooms, services and practitioners; one-stop clinic
 * days (drafts, the planner, publishing with slot-level booking), appointments and their outcomes,
 * the patient's itinerary; group classes; the hubs' waiting lists, filled from accepted referrals.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clinics and hubs", allowedDependencies = {"identity", "notification", "patient", "referral", "platform", "cli"})
package health.limber.clinic;

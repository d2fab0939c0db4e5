/**
 * Deterministic synthetic demo data: for each of the 17 pilot ICBs a provider, GP practices,
 * leisure-centre hubs with rooms, staff in every role and patients with test-range NHS numbers.
 * Later issues add their own steps to {@link health.limber.demo.DemoData}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data", allowedDependencies = {"clinic", "cli", "episode", "exercise", "identity", "organisation", "outcome", "patient", "platform", "referral", "reporting", "support", "waitinglist"})
package health.limber.demo;

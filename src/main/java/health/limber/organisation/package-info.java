/**
 * Reference data about organisations: ICBs (commissioners) and the programme cohorts they are in
 * to, providers and the ICBs each serves, and GP practices. Loaded by migrations and the demo.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisations", allowedDependencies = {"platform"})
package health.limber.organisation;

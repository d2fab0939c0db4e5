/**
 * Programme reports across modules (DOMAIN.md §9): the cohort report (long waits at the start and end
 * of a period, people seen per kind of care, people seen quicker, usefulness and how well it worked,
 * outcome change and work) for a cohort or any set of ICBs, on a page with charts, as CSV, a board
 * paper PDF, JSON and from {@code ./limber report}; the administrator's pages for ICBs and cohorts.
 * Every module's facts come through its public API; small numbers are withheld by
 * {@link health.limber.platform.Suppression}, with its secondary rule, in every channel alike.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting",
        allowedDependencies = {"cli", "exercise", "identity", "organisation", "outcome", "patient", "platform", "support", "waitinglist"})
package health.limber.reporting;

/**
 * The waiting list measured the way the NHS measures it: pathways with an append-only list of
 * clock events, the clock rules of DOMAIN.md §3 on the {@link health.limber.waitinglist.Pathway}
 * aggregate, the census at any past date computed from the clock periods those events make, the
 * WLMDS-shaped CSV import and export, and the NHS-R capacity formulas.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Waiting list", allowedDependencies = {"clinic", "identity", "organisation", "patient", "referral", "platform", "cli"})
package health.limber.waitinglist;

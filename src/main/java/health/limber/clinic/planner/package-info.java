/**
 * The one-stop clinic planner, independent of any solver and of the database: a day's
 * {@link health.limber.clinic.planner.Instance}, a {@link health.limber.clinic.planner.Plan},
 * the {@link health.limber.clinic.planner.PlanChecker} that lists every broken rule, the
 * {@link health.limber.clinic.planner.Metrics}, a seeded
 * {@link health.limber.clinic.planner.InstanceGenerator}, and two planners: a greedy baseline
 * and the OR-Tools CP-SAT optimiser. The JSON contract is in {@code docs/planner.md}.
 */
package health.limber.clinic.planner;

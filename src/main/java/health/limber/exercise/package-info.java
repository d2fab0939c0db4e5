/**
 * Home exercise programmes: the exercise library (shipped as data in {@code exercise/library.json},
 * translations in {@code exercise/library-<language>.json}), each exercise with a demonstration
 * Limber draws itself from key poses. Programmes, logs, adherence and ratings build on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exercise programmes", allowedDependencies = {"clinic", "identity", "notification", "organisation", "outcome", "patient", "referral", "platform"})
package health.limber.exercise;

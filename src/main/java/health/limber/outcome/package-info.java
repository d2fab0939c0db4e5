/**
 * Outcome questionnaires (DOMAIN.md §5): questionnaires as FHIR R4 {@code Questionnaire} data with
 * scoring rules declared beside them, a scoring engine, responses from the app, the API or paper,
 * schedules on the episode with reminders, meaningful change and the outcome reports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outcome questionnaires",
        allowedDependencies = {"identity", "notification", "organisation", "patient", "platform"})
package health.limber.outcome;

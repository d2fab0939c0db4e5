/**
 * Community hubs (often leisure centres) and their rooms; later, clinic days, the one-stop
 * planner, appointments and group classes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clinics and hubs")
package health.limber.clinic;

/**
 * Who is using Limber and what they did: staff accounts and roles, patient access codes and
 * remembered devices, sign-in, and the append-only audit log of every read or change of a
 * patient's record.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and audit", allowedDependencies = {"organisation", "platform", "cli"})
package health.limber.identity;

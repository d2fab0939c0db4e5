/**
 * Messages to patients: an outbox table written in the same transaction as the change that
 * needs the message, and a dispatcher that hands queued messages to a {@link health.limber.notification.MessageSender}
 * when they are due: through GOV.UK Notify when a key is configured, otherwise the local sender
 * keeps them for the "messages sent" page (demo and tests).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications", allowedDependencies = {"identity", "platform"})
package health.limber.notification;

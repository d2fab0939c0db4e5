/**
 * Messages to patients: an outbox table written in the same transaction as the change that
 * needs the message, and a dispatcher that hands queued messages to a {@link health.limber.notification.MessageSender}
 * when they are due. The local sender keeps them for the "messages sent" page (demo and tests);
 * a GOV.UK Notify sender is the deployment's (not built yet).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package health.limber.notification;

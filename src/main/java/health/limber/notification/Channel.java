package health.limber.notification;

/** How a message reaches the person. */
public enum Channel {
    SMS, EMAIL
}

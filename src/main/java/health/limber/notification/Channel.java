package health.limber.notification;

/** How a message reaches the person. */
public enum Channel {
    SMS, EMAIL;

    /**
     * The channel a person agreed to and has an address for: a text to their mobile, else an email;
     * null when neither.
     */
    public static Channel agreed(boolean bySms, String phone, boolean byEmail, String email) {
        return bySms && phone != null ? SMS : byEmail && email != null ? EMAIL : null;
    }
}

package health.limber.notification;



/** Delivers one message; throws to report a failure (the message is marked FAILED with the reason). */
interface MessageSender {

    void send(OutboxMessage message);
}

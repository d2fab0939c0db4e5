package health.limber.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends nothing outside the machine: the message stays in the outbox as SENT and shows on the
 * "messages sent" page. Used by the demo and tests, and until a GOV.UK Notify sender is configured.
 */
@Component
class LocalMessageSender implements MessageSender {

    private static final Logger log = LoggerFactory.getLogger(LocalMessageSender.class);

    @Override
    public void send(OutboxMessage message) {
        log.info("Message {} by {} to {} (kept locally; no sender configured)", message.id(), message.channel(), message.address());
    }
}

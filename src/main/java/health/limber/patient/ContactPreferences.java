package health.limber.patient;

import java.util.ArrayList;
import java.util.List;

/** How the patient is happy to be contacted. */
public record ContactPreferences(boolean bySms, boolean byEmail, boolean byPhone, boolean byLetter) {

    public static final ContactPreferences LETTER_ONLY = new ContactPreferences(false, false, false, true);

    public enum Channel {
        SMS("Text message"), EMAIL("Email"), PHONE("Phone call"), LETTER("Letter");

        private final String label;

        Channel(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static ContactPreferences of(List<Channel> channels) {
        return new ContactPreferences(channels.contains(Channel.SMS), channels.contains(Channel.EMAIL),
                channels.contains(Channel.PHONE), channels.contains(Channel.LETTER));
    }

    public List<Channel> channels() {
        List<Channel> channels = new ArrayList<>();
        if (bySms) channels.add(Channel.SMS);
        if (byEmail) channels.add(Channel.EMAIL);
        if (byPhone) channels.add(Channel.PHONE);
        if (byLetter) channels.add(Channel.LETTER);
        return channels;
    }
}

package health.limber.referral;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The licensed wording of STarT Back and STarT MSK, loaded from the properties file the deploying
 * service names in {@code limber.instruments.wording-file} (keys {@code start-back.item.1} … and
 * {@code start-msk.item.1} …, plus {@code start-back.notice}). Limber never ships the wording:
 * without the file every item shows a clearly marked placeholder.
 */
@Component
public class InstrumentWording {

    private final Properties text = new Properties();
    private final boolean licensed;

    public InstrumentWording(@Value("${limber.instruments.wording-file:}") String file) {
        this.licensed = !file.isBlank();
        if (licensed) {
            try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                text.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the questionnaire wording file " + file, e);
            }
        }
    }

    /** Whether the service has supplied the licensed wording. */
    public boolean licensed() {
        return licensed;
    }

    public String item(Instrument instrument, int item) {
        String wording = text.getProperty(instrument.key() + ".item." + item);
        return wording != null ? wording
                : "[Placeholder: " + instrument.title() + " question " + item + ". The licensed wording is not installed; "
                  + "the service supplies it in the file named by limber.instruments.wording-file.]";
    }

    public String notice(Instrument instrument) {
        return text.getProperty(instrument.key() + ".notice",
                instrument.title() + " © Keele University. Wording not installed: placeholders shown.");
    }
}

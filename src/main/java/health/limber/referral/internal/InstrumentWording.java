package health.limber.referral.internal;

import health.limber.referral.Instrument;
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
    private final boolean demo;

    /**
     * @param file a path, or {@code classpath:…} for a file inside Limber (only the demo's made-up
     *             wording is there, marked {@code demo=true})
     */
    public InstrumentWording(@Value("${limber.instruments.wording-file:}") String file) {
        if (!file.isBlank()) {
            try (Reader in = open(file)) {
                text.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the questionnaire wording file " + file, e);
            }
        }
        this.demo = Boolean.parseBoolean(text.getProperty("demo", "false"));
        this.licensed = !file.isBlank() && !demo;
    }

    private static Reader open(String file) throws IOException {
        if (file.startsWith("classpath:")) {
            var resource = new org.springframework.core.io.ClassPathResource(file.substring("classpath:".length()));
            return new java.io.InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8);
        }
        return Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
    }

    /** Whether the service has supplied the licensed wording. */
    public boolean licensed() {
        return licensed;
    }

    /**
     * Whether the questions shown are the demo's own made-up wording: never the licensed
     * instrument, so every page that shows them says so.
     */
    public boolean demo() {
        return demo;
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

package health.limber.outcome;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The wording of questionnaires Limber may not ship (licensed ones such as MSK-HQ, STarT Back and
 * STarT MSK, and free ones whose official text the service installs, such as PHQ-9), loaded from the
 * properties file the deploying service names in {@code limber.instruments.wording-file}. Keys are
 * {@code <instrument>.item.<linkId>}, {@code <instrument>.item.<linkId>.option.<code>} and
 * {@code <instrument>.notice}. Without the file every such item shows a clearly marked placeholder.
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

    /** The words for a key, or the fallback (a placeholder) when the file does not give them. */
    public String text(String key, String fallback) {
        return text.getProperty(key, fallback);
    }

    /** An item's question: the file's words, or a placeholder saying the wording is not installed. */
    public String item(String instrument, String title, String linkId) {
        return text(instrument + ".item." + linkId, "[Placeholder: " + title + " question " + linkId
                + ". The licensed wording is not installed; the service supplies it in the file named by limber.instruments.wording-file.]");
    }

    public String notice(String instrument, String fallback) {
        return text(instrument + ".notice", fallback);
    }
}

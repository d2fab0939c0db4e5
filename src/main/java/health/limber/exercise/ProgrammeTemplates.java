package health.limber.exercise;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Starting programmes for common conditions, from {@code exercise/templates.json}; every exercise named must be in the library. */
@Component
public class ProgrammeTemplates {

    /** A starting programme for a condition. */
    public record Template(String id, String name, int weeks, List<String> exercises) {}

    private final Map<String, Template> templates = new LinkedHashMap<>();

    ProgrammeTemplates(ExerciseLibrary library) {
        try (InputStream in = new ClassPathResource("exercise/templates.json").getInputStream()) {
            for (JsonNode node : JsonMapper.builder().build().readTree(in)) {
                List<String> exercises = new ArrayList<>();
                node.path("exercises").forEach(e -> exercises.add(library.read(e.asString(), ExerciseLibrary.ENGLISH).id()));
                templates.put(node.path("id").asString(), new Template(node.path("id").asString(), node.path("name").asString(),
                        node.path("weeks").asInt(6), exercises));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read exercise/templates.json", e);
        }
    }

    public List<Template> all() {
        return List.copyOf(templates.values());
    }

    public Optional<Template> find(String id) {
        return Optional.ofNullable(id == null ? null : templates.get(id));
    }
}

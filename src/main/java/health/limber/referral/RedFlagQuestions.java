package health.limber.referral;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The red-flag questions in force: Limber's default set ({@code referral/red-flags.json}) or the
 * service's signed-off file named by {@code limber.referral.red-flags-file}. The engine that routes
 * the answers ({@link #screen}) is code and tested; the words are the service's.
 */
@Component
public class RedFlagQuestions {

    private final Map<String, RedFlagQuestion> byId = new LinkedHashMap<>();
    private final String version;
    private final String signedOffBy;

    public RedFlagQuestions(@Value("${limber.referral.red-flags-file:}") String file) {
        JsonNode root = read(file);
        this.version = root.path("version").asString("");
        this.signedOffBy = root.path("signedOffBy").asString("");
        for (JsonNode node : root.path("questions")) {
            Set<BodySite> sites = EnumSet.noneOf(BodySite.class);
            node.path("sites").forEach(site -> sites.add(BodySite.valueOf(site.asString())));
            var question = new RedFlagQuestion(node.path("id").asString(), RedFlagLevel.valueOf(node.path("level").asString()),
                    node.path("group").asString(""), sites, node.path("patient").asString(), node.path("staff").asString(),
                    node.path("route").asString(null));
            if (byId.put(question.id(), question) != null) {
                throw new IllegalStateException("Red-flag question " + question.id() + " appears twice in " + describe(file));
            }
        }
        if (byId.values().stream().noneMatch(q -> q.level() == RedFlagLevel.EMERGENCY)) {
            throw new IllegalStateException("The red-flag file " + describe(file) + " has no emergency questions");
        }
    }

    private static JsonNode read(String file) {
        var json = JsonMapper.builder().build();
        try (InputStream in = file.isBlank()
                ? RedFlagQuestions.class.getResourceAsStream("/referral/red-flags.json")
                : Files.newInputStream(Path.of(file))) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the red-flag questions from " + describe(file), e);
        }
    }

    private static String describe(String file) {
        return file.isBlank() ? "Limber's default set" : file;
    }

    public List<RedFlagQuestion> all() {
        return List.copyOf(byId.values());
    }

    public Optional<RedFlagQuestion> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The questions of one level to ask someone with pain at these sites, in file order. */
    public List<RedFlagQuestion> toAsk(RedFlagLevel level, Set<BodySite> sites) {
        return byId.values().stream().filter(q -> q.level() == level && q.appliesTo(sites)).toList();
    }

    /**
     * Routes the answers: the level is the highest among the questions answered yes (an emergency
     * yes wins over any number of urgent ones); no yes is {@link RedFlagLevel#NONE}.
     *
     * @param asked the questions put to the person
     * @param yes   the ones answered yes (must be among those asked)
     */
    public RedFlagScreen screen(Collection<String> asked, Collection<String> yes) {
        Set<String> askedIds = new LinkedHashSet<>(asked);
        RedFlagLevel level = RedFlagLevel.NONE;
        List<String> unknown = new ArrayList<>();
        for (String id : yes) {
            RedFlagQuestion question = byId.get(id);
            if (question == null) {
                unknown.add(id);
                continue;
            }
            askedIds.add(id);
            level = level.atLeast(question.level());
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown red-flag question " + String.join(", ", unknown));
        }
        return new RedFlagScreen(askedIds, new LinkedHashSet<>(yes), level);
    }

    public String version() {
        return version;
    }

    public String signedOffBy() {
        return signedOffBy;
    }
}

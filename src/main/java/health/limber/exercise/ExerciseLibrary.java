package health.limber.exercise;

import health.limber.exercise.Exercise.Category;
import health.limber.exercise.Exercise.Equipment;
import health.limber.exercise.Exercise.Region;
import health.limber.platform.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exercise library, read once from {@code exercise/library.json} with any translations in
 * {@code exercise/library-<language>.json} (a translation replaces the name, steps and cautions of
 * the exercises it covers; the rest stay in English). Searched and filtered by region, category,
 * equipment and difficulty.
 */
@Service
public class ExerciseLibrary {

    public static final String ENGLISH = "en";

    private final Map<String, Exercise> exercises = new LinkedHashMap<>();
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final health.limber.identity.CurrentActor currentActor;
    private final java.time.Clock clock;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private final Map<String, Map<String, JsonNode>> translations = new LinkedHashMap<>();
    private final Map<String, String> languageNames = new LinkedHashMap<>();

    /** The shipped library only (for tests and tools). */
    public ExerciseLibrary() {
        this(null, null, java.time.Clock.systemUTC());
    }

    @org.springframework.beans.factory.annotation.Autowired
    public ExerciseLibrary(org.springframework.jdbc.core.simple.JdbcClient jdbc, health.limber.identity.CurrentActor currentActor, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.currentActor = currentActor;
        this.clock = clock;
        JsonMapper json = MAPPER;
        JsonNode root = read(json, new PathMatchingResourcePatternResolver().getResource("classpath:exercise/library.json"));
        for (JsonNode node : root) {
            Exercise exercise = exercise(node);
            if (exercises.put(exercise.id(), exercise) != null) {
                throw new IllegalStateException("Exercise library: duplicate id " + exercise.id());
            }
        }
        languageNames.put(ENGLISH, "English");
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:exercise/library-*.json")) {
                JsonNode translation = read(json, resource);
                String language = translation.path("language").asString();
                languageNames.put(language, translation.path("languageName").asString(language));
                Map<String, JsonNode> byId = new LinkedHashMap<>();
                translation.path("exercises").properties().forEach(e -> byId.put(e.getKey(), e.getValue()));
                translations.put(language, byId);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read exercise translations", e);
        }
    }

    /** A search: any field may be null (no filter). */
    public record Filter(String text, Region region, Category category, Equipment equipment, Integer difficulty) {
        public static Filter none() {
            return new Filter(null, null, null, null, null);
        }
    }

    public List<Exercise> search(Filter filter, String language) {
        String text = filter.text() == null ? "" : filter.text().strip().toLowerCase(Locale.UK);
        List<Exercise> found = new ArrayList<>();
        List<Exercise> candidates = new ArrayList<>(exercises.values());
        candidates.addAll(customOfMyOrganisation());
        for (Exercise english : candidates) {
            Exercise exercise = in(english, language);
            boolean matches = (filter.region() == null || exercise.regions().contains(filter.region()))
                    && (filter.category() == null || exercise.category() == filter.category())
                    && (filter.equipment() == null || exercise.equipment().contains(filter.equipment()))
                    && (filter.difficulty() == null || exercise.difficulty() == filter.difficulty())
                    && (text.isEmpty() || exercise.name().toLowerCase(Locale.UK).contains(text) || english.name().toLowerCase(Locale.UK).contains(text)
                        || String.join(" ", exercise.steps()).toLowerCase(Locale.UK).contains(text));
            if (matches) {
                found.add(exercise);
            }
        }
        found.sort(Comparator.comparing((Exercise e) -> e.regions().get(0)).thenComparingInt(Exercise::difficulty).thenComparing(Exercise::name));
        return found;
    }

    /** An exercise by id: shipped, or added by a service (a custom id is unguessable, and a patient's programme may use it). */
    public Optional<Exercise> find(String id, String language) {
        if (id != null && id.startsWith(CUSTOM) && jdbc != null) {
            return jdbc.sql("select definition from custom_exercise where id = :id").param("id", id).query(String.class).optional()
                    .map(definition -> exercise(MAPPER.readTree(definition)));
        }
        return Optional.ofNullable(exercises.get(id)).map(e -> in(e, language));
    }

    /**
     * An exercise as a member of staff may open it from the library: a shipped one, or their own
     * organisation's; another service's own exercise is "not found" to them (it stays readable inside a
     * programme that already uses it, for that programme's patient and clinicians).
     */
    public Optional<Exercise> findInMyLibrary(String id, String language) {
        if (id != null && id.startsWith(CUSTOM)) {
            String organisation = currentActor == null ? null : currentActor.find().map(health.limber.identity.Actor::organisationCode).orElse(null);
            if (organisation == null || jdbc == null || jdbc.sql("select count(*) from custom_exercise where id = :id and organisation_code = :o")
                    .param("id", id).param("o", organisation).query(Integer.class).single() == 0) {
                return Optional.empty();
            }
        }
        return find(id, language);
    }

    static final String CUSTOM = "custom-";

    /** Whether the exercise was added by a service rather than shipped with Limber. */
    public boolean isCustom(String id) {
        return id.startsWith(CUSTOM);
    }

    private List<Exercise> customOfMyOrganisation() {
        if (jdbc == null || currentActor == null) {
            return List.of();
        }
        String organisation = currentActor.find().map(health.limber.identity.Actor::organisationCode).orElse(null);
        if (organisation == null) {
            return List.of();
        }
        return jdbc.sql("select definition from custom_exercise where organisation_code = :o order by created_at").param("o", organisation)
                .query(String.class).list().stream().map(definition -> exercise(MAPPER.readTree(definition))).toList();
    }

    /**
     * Adds a service's own exercise, seen by its organisation's clinicians. The demonstration reuses the
     * key poses of a shipped exercise ({@code movesLike}), so every exercise still has one.
     */
    public Exercise addCustom(String name, Exercise.Region region, Exercise.Category category, List<Exercise.Equipment> equipment, int difficulty,
                              List<String> steps, List<String> cautions, Exercise.Dose dose, String movesLike) {
        health.limber.identity.Actor actor = currentActor.get();
        if (actor.role() != health.limber.identity.Role.CLINICIAN) {
            throw new org.springframework.security.access.AccessDeniedException("Only clinicians add exercises");
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new health.limber.platform.InvalidInputException("name", "Enter the exercise's name (up to 100 characters)");
        }
        if (region == null || category == null) {
            throw new health.limber.platform.InvalidInputException(region == null ? "region" : "category", "Choose from the list");
        }
        if (steps.isEmpty() || steps.size() > 8 || steps.stream().anyMatch(step -> step.length() > 300)) {
            throw new health.limber.platform.InvalidInputException("steps", "Write 1 to 8 steps, one a line, each up to 300 characters");
        }
        if (cautions.isEmpty() || cautions.size() > 4) {
            throw new health.limber.platform.InvalidInputException("cautions", "Write at least one caution, one a line (up to 4)");
        }
        if (difficulty < 1 || difficulty > 3) {
            throw new health.limber.platform.InvalidInputException("difficulty", "Choose easy, moderate or hard");
        }
        Exercise model = Optional.ofNullable(exercises.get(movesLike))
                .orElseThrow(() -> new health.limber.platform.InvalidInputException("movesLike", "Choose the exercise whose moving picture fits"));
        String id = CUSTOM + java.util.UUID.randomUUID();
        Exercise exercise = new Exercise(id, name.strip(), List.of(region), category, equipment, difficulty, steps, cautions, dose, List.of(),
                List.of(), model.animation(), ENGLISH);
        jdbc.sql("insert into custom_exercise (id, organisation_code, definition, created_by, created_at) values (:id, :o, :d, :by, :at)")
                .param("id", id).param("o", actor.organisationCode()).param("d", MAPPER.writeValueAsString(json(exercise)))
                .param("by", actor.username()).param("at", java.sql.Timestamp.from(clock.instant())).update();
        return exercise;
    }

    private static Map<String, Object> json(Exercise e) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", e.id());
        map.put("name", e.name());
        map.put("regions", e.regions().stream().map(Enum::name).toList());
        map.put("category", e.category().name());
        map.put("equipment", e.equipment().stream().map(Enum::name).toList());
        map.put("difficulty", e.difficulty());
        map.put("steps", e.steps());
        map.put("cautions", e.cautions());
        map.put("dose", e.dose());
        map.put("easier", e.easier());
        map.put("harder", e.harder());
        map.put("animation", Map.of("view", e.animation().view(), "poses", e.animation().poses(), "seconds", e.animation().seconds()));
        return map;
    }

    public Exercise read(String id, String language) {
        return find(id, language).orElseThrow(() -> new NotFoundException("exercise " + id));
    }

    public List<Exercise> all() {
        return List.copyOf(exercises.values());
    }

    /** Languages the library has (English first), code to name. */
    public Map<String, String> languages() {
        return Map.copyOf(languageNames);
    }

    /** Whether this exercise has a translation in the language (otherwise it is shown in English). */
    public boolean isTranslated(String id, String language) {
        return ENGLISH.equals(language) || translations.getOrDefault(language, Map.of()).containsKey(id);
    }

    private Exercise in(Exercise english, String language) {
        JsonNode t = translations.getOrDefault(language == null ? ENGLISH : language, Map.of()).get(english.id());
        if (t == null) {
            return english;
        }
        return new Exercise(english.id(), t.path("name").asString(english.name()), english.regions(), english.category(), english.equipment(),
                english.difficulty(), strings(t.path("steps"), english.steps()), strings(t.path("cautions"), english.cautions()), english.dose(),
                english.easier(), english.harder(), english.animation(), language);
    }

    private static List<String> strings(JsonNode array, List<String> otherwise) {
        if (!array.isArray() || array.isEmpty()) {
            return otherwise;
        }
        List<String> list = new ArrayList<>();
        array.forEach(node -> list.add(node.asString()));
        return list;
    }

    private static Exercise exercise(JsonNode node) {
        List<Map<String, double[]>> poses = new ArrayList<>();
        for (JsonNode pose : node.path("animation").path("poses")) {
            Map<String, double[]> joints = new LinkedHashMap<>();
            pose.properties().forEach(e -> joints.put(e.getKey(), new double[] {e.getValue().path(0).asDouble(), e.getValue().path(1).asDouble()}));
            poses.add(joints);
        }
        List<Double> seconds = new ArrayList<>();
        node.path("animation").path("seconds").forEach(s -> seconds.add(s.asDouble()));
        JsonNode dose = node.path("dose");
        return new Exercise(node.path("id").asString(), node.path("name").asString(),
                enums(node.path("regions"), Region.class), Category.valueOf(node.path("category").asString()),
                enums(node.path("equipment"), Equipment.class), node.path("difficulty").asInt(),
                strings(node.path("steps"), List.of()), strings(node.path("cautions"), List.of()),
                new Exercise.Dose(dose.path("sets").asInt(), dose.path("reps").asInt(), dose.path("holdSeconds").asInt(),
                        dose.path("restSeconds").asInt(), dose.path("timesPerDay").asInt(), dose.path("daysPerWeek").asInt()),
                strings(node.path("easier"), List.of()), strings(node.path("harder"), List.of()),
                new Exercise.Animation(node.path("animation").path("view").asString("SIDE"), poses, seconds), ENGLISH);
    }

    private static <E extends Enum<E>> List<E> enums(JsonNode array, Class<E> type) {
        List<E> list = new ArrayList<>();
        array.forEach(node -> list.add(Enum.valueOf(type, node.asString())));
        return list;
    }

    private static JsonNode read(JsonMapper json, Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }
}

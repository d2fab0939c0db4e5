package health.limber.outcome;

import health.limber.identity.Actor;
import health.limber.identity.AuditAction;
import health.limber.identity.AuditLog;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.platform.ConflictException;
import health.limber.platform.InvalidFieldsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The questionnaires in force: those Limber ships ({@code outcome/<key>.questionnaire.json} with
 * {@code <key>.scoring.json}), each replaced by the latest version an administrator uploaded. Licensed
 * wording comes from {@link InstrumentWording}. An upload is checked whole before it replaces
 * anything: a broken one leaves the running set untouched.
 */
@Service
public class Questionnaires {

    /** The instruments Limber ships, in the order pages list them. */
    public static final List<String> SHIPPED = List.of("msk-hq", "psfs", "pain-nrs", "work", "groc", "phq-9", "gad-7", "start-back", "start-msk");

    private static final Map<String, QuestionnaireDefinition> SHIPPED_DEFINITIONS = new ConcurrentHashMap<>();

    private final InstrumentWording wording;
    private final JdbcClient jdbc;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final Clock clock;
    private volatile Map<String, QuestionnaireDefinition> running;
    private volatile int uploadsSeen = -1;
    private volatile long checkedAt;

    public Questionnaires(InstrumentWording wording, JdbcClient jdbc, CurrentActor currentActor, AuditLog audit, Clock clock) {
        this.wording = wording;
        this.clock = clock;
        this.jdbc = jdbc;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    /** A shipped instrument as Limber ships it (no service wording): for code that scores fixed structure, such as STarT. */
    public static QuestionnaireDefinition shipped(String key) {
        return SHIPPED_DEFINITIONS.computeIfAbsent(key, k -> QuestionnaireDefinition.read(resource(k + ".questionnaire.json"), resource(k + ".scoring.json")));
    }

    private static String resource(String name) {
        try (InputStream in = Questionnaires.class.getResourceAsStream("/outcome/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("Limber ships no questionnaire file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read outcome/" + name, e);
        }
    }

    public Optional<QuestionnaireDefinition> find(String key) {
        return Optional.ofNullable(running().get(key));
    }

    public QuestionnaireDefinition get(String key) {
        return find(key).orElseThrow(() -> new health.limber.platform.NotFoundException("There is no questionnaire '" + key + "'"));
    }

    public List<QuestionnaireDefinition> all() {
        return List.copyOf(running().values());
    }

    /**
     * Checks and stores an administrator's questionnaire; from then on it replaces the one with the
     * same key (responses keep the version they were answered on).
     *
     * @throws InvalidFieldsException naming each bad element by its path
     */
    @Transactional
    public QuestionnaireDefinition upload(String questionnaireJson, String scoringJson) {
        Actor actor = currentActor.get();
        if (actor.role() != Role.ADMIN) {
            throw new AccessDeniedException("Only an administrator uploads questionnaires");
        }
        QuestionnaireDefinition definition;
        try {
            definition = QuestionnaireDefinition.read(questionnaireJson, scoringJson);
        } catch (QuestionnaireDefinition.InvalidDefinitionException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (int i = 0; i < e.problems().size(); i++) {
                errors.put(i == 0 ? "questionnaire" : "questionnaire[" + i + "]", e.problems().get(i));
            }
            throw new InvalidFieldsException(errors);
        }
        Integer same = jdbc.sql("select count(*) from outcome_questionnaire where instrument = :k and version = :v")
                .param("k", definition.key()).param("v", definition.version()).query(Integer.class).single();
        if (same > 0 || (uploadedVersion(definition.key()).isEmpty() && SHIPPED.contains(definition.key())
                && shipped(definition.key()).version().equals(definition.version()))) {
            throw new ConflictException("version", definition.title() + " version " + definition.version() + " is already loaded: give the upload a new version", null);
        }
        jdbc.sql("""
                insert into outcome_questionnaire (instrument, version, title, questionnaire_json, scoring_json, uploaded_by, uploaded_at)
                values (:k, :v, :t, :q, :s, :by, :at)""")
                .param("k", definition.key()).param("v", definition.version()).param("t", definition.title()).param("q", questionnaireJson)
                .param("s", scoringJson).param("by", actor.username()).param("at", Timestamp.from(clock.instant())).update();
        audit.allowed(null, AuditAction.UPDATE, "Questionnaire", definition.key() + "|" + definition.version());
        running = null;
        return definition;
    }

    private Optional<String> uploadedVersion(String key) {
        return jdbc.sql("select version from outcome_questionnaire where instrument = :k order by uploaded_at desc")
                .param("k", key).query(String.class).list().stream().findFirst();
    }

    private Map<String, QuestionnaireDefinition> running() {
        Map<String, QuestionnaireDefinition> current = running;
        if (current != null && (jdbc == null || System.currentTimeMillis() - checkedAt < 30_000)) {
            return current;
        }
        int uploads = jdbc == null ? 0 : jdbc.sql("select count(*) from outcome_questionnaire").query(Integer.class).single();
        checkedAt = System.currentTimeMillis();
        if (current != null && uploads == uploadsSeen) {
            return current;
        }
        Map<String, QuestionnaireDefinition> loaded = new LinkedHashMap<>();
        SHIPPED.forEach(key -> loaded.put(key, worded(shipped(key))));
        if (jdbc != null) {
            jdbc.sql("select questionnaire_json, scoring_json from outcome_questionnaire order by uploaded_at")
                    .query((rs, n) -> QuestionnaireDefinition.read(rs.getString(1), rs.getString(2)))
                    .list().forEach(d -> loaded.put(d.key(), worded(d)));
        }
        uploadsSeen = uploads;
        running = java.util.Collections.unmodifiableMap(loaded);
        return loaded;
    }

    private QuestionnaireDefinition worded(QuestionnaireDefinition definition) {
        return definition.licensed() ? definition.worded(wording::text) : definition;
    }

    /** The notice a licensed instrument shows: the service's, or that its wording is not installed. */
    public String notice(QuestionnaireDefinition definition) {
        return wording.notice(definition.key(), definition.rules().notice() == null ? "" : definition.rules().notice());
    }

    /** Whether the words shown are the demo's made-up ones (never the licensed instrument). */
    public boolean demoWording() {
        return wording.demo();
    }
}

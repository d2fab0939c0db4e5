package health.limber;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table belongs to one module, and only that module's SQL names it: another module asks
 * through the owner's API or keeps its own copy from the owner's events, couplings Spring Modulith
 * can see. The ownership list below is the one {@code docs/architecture.md} shows; every table the
 * migrations create must be in it.
 */
class TableOwnershipTests {

    /** booked_slot is the name appointment_slot was made again under in V26, before it took the old name back. */
    static final Map<String, Set<String>> OWNERS = Map.ofEntries(
            Map.entry("organisation", Set.of("icb", "cohort", "cohort_icb", "provider", "provider_icb", "gp_practice")),
            Map.entry("identity", Set.of("staff_user", "audit_event", "patient_access_code", "persistent_logins", "known_device", "sign_in_throttle",
                    "spring_session", "spring_session_attributes")),
            Map.entry("platform", Set.of("idempotent_request")),
            Map.entry("patient", Set.of("patient", "patient_work_status")),
            Map.entry("waitinglist", Set.of("pathway", "clock_event", "clock_period", "pathway_hub", "waiting_list_import")),
            Map.entry("referral", Set.of("referral", "referral_history", "referral_attachment", "red_flag_task")),
            Map.entry("clinic", Set.of("hub", "room", "clinic_service", "practitioner", "clinic_day", "clinic_day_patient", "clinic_day_plan",
                    "clinic_day_plan_version", "clinic_day_practitioner", "appointment", "appointment_slot", "one_stop_referral",
                    "class_course", "class_booking", "class_attendance", "class_referral", "one_to_one_referral", "clinician_session",
                    "session_slot", "one_to_one_appointment", "booked_slot")),
            Map.entry("exercise", Set.of("programme", "programme_item", "programme_version", "session_log", "usefulness_rating", "custom_exercise",
                    "exercise_media", "exercise_reminder", "progression_decision", "symptom_report")),
            Map.entry("notification", Set.of("outbox_message")),
            Map.entry("episode", Set.of("episode", "episode_follow_up", "episode_letter")),
            Map.entry("outcome", Set.of("outcome_questionnaire", "outcome_due", "outcome_response", "outcome_score", "outcome_reminder_opt_out")),
            Map.entry("support", Set.of("support_service", "support_referral", "support_contact", "support_outcome", "fit_note")),
            Map.entry("reporting", Set.of("deprivation_area")));

    /** A table named where SQL names one: after from, join, into, update or table. */
    static final Pattern TABLE = Pattern.compile("\\b(?:from|join|into|update|table)\\s+([a-z_]+)", Pattern.CASE_INSENSITIVE);
    static final Pattern CREATED = Pattern.compile("create table (?:if not exists )?([a-z_]+)", Pattern.CASE_INSENSITIVE);

    @Test
    void everyTableTheMigrationsCreateHasAnOwner() throws IOException {
        Set<String> owned = new TreeSet<>();
        OWNERS.values().forEach(owned::addAll);
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/db/migration"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATED.matcher(Files.readString(file));
                while (m.find()) {
                    created.add(m.group(1).toLowerCase());
                }
            }
        }
        assertThat(owned).containsAll(created);
    }

    @Test
    void theCheckFindsATableOfAnotherModule() {
        assertThat(crossingsIn("exercise", "select p.id from programme p join patient pt on pt.id = p.patient_id"))
                .containsExactly("patient (patient)");
        assertThat(crossingsIn("demo", "insert into staff_user (id) values (?)")).containsExactly("staff_user (identity)");
        assertThat(crossingsIn("patient", "update patient set version = version + 1")).isEmpty();
    }

    static List<String> crossingsIn(String module, String literal) {
        Map<String, String> ownerOf = new HashMap<>();
        OWNERS.forEach((owner, tables) -> tables.forEach(table -> ownerOf.put(table, owner)));
        List<String> crossings = new ArrayList<>();
        Matcher m = TABLE.matcher(literal);
        while (m.find()) {
            String owner = ownerOf.get(m.group(1).toLowerCase());
            if (owner != null && !owner.equals(module)) {
                crossings.add(m.group(1) + " (" + owner + ")");
            }
        }
        return crossings;
    }

    @Test
    void noModuleNamesAnotherModulesTable() throws IOException {
        StaticJavaParser.getParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
        Path root = Path.of("src/main/java/health/limber");
        List<String> crossings = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(root)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path relative = root.relativize(source);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String module = relative.getName(0).toString();
                var unit = StaticJavaParser.parse(source);
                List<String> literals = new ArrayList<>();
                unit.findAll(StringLiteralExpr.class).forEach(s -> literals.add(s.getValue()));
                unit.findAll(TextBlockLiteralExpr.class).forEach(s -> literals.add(s.getValue()));
                for (String literal : literals) {
                    crossingsIn(module, literal).forEach(table -> crossings.add(relative + " (" + module + ") names " + table));
                }
            }
        }
        assertThat(crossings).isEmpty();
    }
}

package health.limber.reporting;

import health.limber.platform.InvalidFieldsException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deprivation by postcode for equity reports (DOMAIN.md §9): Index of Multiple Deprivation quintiles
 * (1 the most deprived fifth of areas, 5 the least), by full postcode, postcode sector ("LS1 4") or
 * district ("LS1"), loaded as reference data (a deployment loads the published lookup; the demo loads
 * made-up quintiles for its own districts and says so). A postcode takes the most specific entry.
 */
@Service
public class Deprivation {

    /** One entry: a postcode, sector or district and its quintile. */
    public record Area(String postcodePrefix, int quintile) {}

    private final JdbcClient jdbc;

    Deprivation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Replaces the whole table, all or nothing: every line is checked first and each broken one named
     * by its number in the file (the first area being on {@code firstLine}), so a bad file changes nothing.
     */
    @Transactional
    public int replace(List<Area> areas, String source, int firstLine) {
        var errors = new InvalidFieldsException.Collector();
        Map<String, Integer> checked = new HashMap<>();
        for (int i = 0; i < areas.size(); i++) {
            Area area = areas.get(i);
            String prefix = normal(area.postcodePrefix());
            if (!prefix.matches("[A-Z]{1,2}[0-9][0-9A-Z]?( [0-9]([A-Z]{2})?)?")) {
                errors.add("line " + (firstLine + i), "'" + area.postcodePrefix() + "' is not a postcode, sector or district, like LS1 4AP, LS1 4 or LS1");
            } else if (area.quintile() < 1 || area.quintile() > 5) {
                errors.add("line " + (firstLine + i), "The quintile must be 1 (most deprived) to 5 (least deprived), not " + area.quintile());
            } else if (checked.put(prefix, area.quintile()) != null) {
                errors.add("line " + (firstLine + i), prefix + " is given twice");
            }
        }
        if (areas.isEmpty()) {
            errors.add("file", "The file has no areas");
        }
        if (source == null || source.isBlank()) {
            errors.add("source", "Say where the quintiles come from, for example 'English Indices of Deprivation 2019'");
        }
        errors.throwIfAny();
        jdbc.sql("delete from deprivation_area").update();
        checked.forEach((prefix, quintile) -> jdbc.sql("insert into deprivation_area (postcode_prefix, imd_quintile, source) values (:p, :q, :s)")
                .param("p", prefix).param("q", quintile).param("s", source.strip()).update());
        return checked.size();
    }

    /** The quintile of each postcode that has one (the most specific entry: postcode, then sector, then district). */
    @Transactional(readOnly = true)
    public Map<String, Integer> quintiles(Collection<String> postcodes) {
        Map<String, Integer> table = new HashMap<>();
        jdbc.sql("select postcode_prefix, imd_quintile from deprivation_area").query(rs -> {
            table.put(rs.getString(1), rs.getInt(2));
        });
        Map<String, Integer> found = new HashMap<>();
        for (String postcode : postcodes) {
            String full = normal(postcode);
            int space = full.indexOf(' ');
            for (String key : space < 0 ? List.of(full) : List.of(full, full.substring(0, Math.min(full.length(), space + 2)), full.substring(0, space))) {
                if (table.containsKey(key)) {
                    found.put(postcode, table.get(key));
                    break;
                }
            }
        }
        return found;
    }

    /** Where the loaded quintiles come from, or null when none are loaded. */
    @Transactional(readOnly = true)
    public String source() {
        return jdbc.sql("select min(source) from deprivation_area").query(String.class).optional().orElse(null);
    }

    private static String normal(String postcode) {
        return postcode == null ? "" : postcode.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}

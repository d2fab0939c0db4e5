package health.limber.organisation;

import health.limber.platform.InvalidFieldsException;
import health.limber.platform.NotFoundException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Programme cohorts as data: an administrator creates and changes them (name, period, funding,
 * member ICBs) on a page, through the API or with {@code ./limber setup cohort}; reports read them.
 */
@Service
public class Cohorts {

    /** What an administrator enters for a cohort; the period and funding may be left out until they are known. */
    public record CohortForm(String name, LocalDate periodStart, LocalDate periodEnd, Long fundingPounds, String description, Set<String> icbs) {}

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final java.time.Clock clock;

    Cohorts(JdbcClient jdbc, Organisations organisations, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** Every cohort, in order of name. */
    @Transactional(readOnly = true)
    public List<Cohort> all() {
        Map<String, List<String>> members = members();
        return jdbc.sql("select code, name, period_start, period_end, funding_pounds, description from cohort order by name")
                .query((rs, n) -> new Cohort(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                        (Long) rs.getObject(5, Long.class), rs.getString(6), members.getOrDefault(rs.getString(1), List.of())))
                .list();
    }

    /** A cohort by its code, or by its name (either way, case does not matter). */
    public Optional<Cohort> find(String codeOrName) {
        String wanted = codeOrName == null ? "" : codeOrName.strip();
        return all().stream().filter(c -> c.code().equalsIgnoreCase(wanted) || c.name().equalsIgnoreCase(wanted)).findFirst();
    }

    public Cohort get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("There is no cohort " + code));
    }

    /** The cohorts an ICB is in. */
    public List<Cohort> of(String icbCode) {
        return all().stream().filter(c -> c.icbs().contains(icbCode)).toList();
    }

    /** Creates a cohort; its code comes from its name (COHORT_2 for "Cohort 2"). */
    @Transactional
    public Cohort create(CohortForm form, String by) {
        Set<String> icbs = check(form, null);
        String code = codeFor(form.name());
        jdbc.sql("""
                        insert into cohort (code, name, period_start, period_end, funding_pounds, description, updated_by, updated_at)
                        values (:code, :name, :start, :end, :funding, :description, :by, :at)""")
                .param("code", code).params(values(form, by)).update();
        setMembers(code, icbs);
        return get(code);
    }

    /** Changes a cohort: its name, period, funding, description and member ICBs, all at once. */
    @Transactional
    public Cohort update(String code, CohortForm form, String by) {
        Cohort existing = get(code);
        Set<String> icbs = check(form, existing.code());
        jdbc.sql("""
                        update cohort set name = :name, period_start = :start, period_end = :end, funding_pounds = :funding,
                               description = :description, updated_by = :by, updated_at = :at where code = :code""")
                .param("code", existing.code()).params(values(form, by)).update();
        setMembers(existing.code(), icbs);
        return get(existing.code());
    }

    private Map<String, Object> values(CohortForm form, String by) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", form.name().strip());
        values.put("start", form.periodStart());
        values.put("end", form.periodEnd());
        values.put("funding", form.fundingPounds());
        values.put("description", form.description() == null || form.description().isBlank() ? null : form.description().strip());
        values.put("by", by);
        values.put("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        return values;
    }

    /** Every rule at once: a name (unique), a whole period in order, funding not below zero, at least one known ICB. */
    private Set<String> check(CohortForm form, String ownCode) {
        var errors = new InvalidFieldsException.Collector();
        if (form.name() == null || form.name().isBlank() || form.name().strip().length() > 200) {
            errors.add("name", "Enter the cohort's name (up to 200 characters)");
        } else if (find(form.name()).filter(c -> !c.code().equals(ownCode)).isPresent()
                   || ownCode == null && find(codeFor(form.name())).isPresent()) {
            errors.add("name", "There is already a cohort called " + form.name().strip());
        }
        if ((form.periodStart() == null) != (form.periodEnd() == null)) {
            errors.add(form.periodStart() == null ? "periodStart" : "periodEnd", "Enter both dates of the period, or neither until it is known");
        } else if (form.periodStart() != null && form.periodEnd().isBefore(form.periodStart())) {
            errors.add("periodEnd", "The end of the period must be on or after its start");
        }
        if (form.fundingPounds() != null && form.fundingPounds() < 0) {
            errors.add("fundingPounds", "Funding cannot be below zero");
        }
        if (form.description() != null && form.description().strip().length() > 500) {
            errors.add("description", "The description can be up to 500 characters");
        }
        Set<String> icbs = new LinkedHashSet<>();
        for (String typed : form.icbs() == null ? Set.<String>of() : form.icbs()) {
            String icb = typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
            if (icb.isEmpty()) {
                continue;
            }
            if (!Icb.isIcbCode(icb)) {
                errors.add("icbs", icb + " is not an ICB's ODS code: Q followed by 2 letters or numbers, for example QHL");
            } else if (organisations.icb(icb).isEmpty()) {
                errors.add("icbs", "There is no ICB " + icb + ": add it under ICBs first");
            }
            icbs.add(icb);
        }
        if (icbs.isEmpty()) {
            errors.add("icbs", "Choose at least one ICB area for the cohort");
        }
        errors.throwIfAny();
        return icbs;
    }

    private void setMembers(String code, Set<String> icbs) {
        jdbc.sql("delete from cohort_icb where cohort_code = :code").param("code", code).update();
        for (String icb : icbs) {
            jdbc.sql("insert into cohort_icb (cohort_code, icb_code) values (:code, :icb)").param("code", code).param("icb", icb).update();
        }
    }

    private Map<String, List<String>> members() {
        Map<String, Integer> order = new HashMap<>();
        List<Icb> icbs = organisations.icbs();
        for (int i = 0; i < icbs.size(); i++) {
            order.put(icbs.get(i).code(), i);
        }
        Map<String, List<String>> members = new HashMap<>();
        jdbc.sql("select cohort_code, icb_code from cohort_icb").query(rs -> {
            members.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
        members.values().forEach(list -> list.sort(java.util.Comparator.comparing(icb -> order.getOrDefault(icb, Integer.MAX_VALUE))));
        return members;
    }

    /** A code from a name: letters and digits in capitals, runs of anything else as one underscore (at most 20 characters). */
    static String codeFor(String name) {
        String code = name == null ? "" : name.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
        return code.length() > 20 ? code.substring(0, 20) : code.isEmpty() ? "COHORT" : code;
    }
}

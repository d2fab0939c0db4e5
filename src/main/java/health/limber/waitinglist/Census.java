package health.limber.waitinglist;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The waiting list on any date, from the clock periods replayed from stored events (DOMAIN.md §3):
 * waiting on d when the clock started on or before d and has not stopped by d. Band edges are
 * turned into start-date cut-offs, so the database compares dates and never does date arithmetic.
 */
@Service
public class Census {

    /** Census rows can be grouped by any of these pathway attributes. */
    public enum GroupBy {
        COMMISSIONER("commissioner_code", "ICB"), PROVIDER("provider_code", "Provider"),
        TREATMENT_FUNCTION("treatment_function", "Treatment function"), PRIORITY("priority", "Priority");

        private final String column;
        private final String label;

        GroupBy(String column, String label) {
            this.column = column;
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final NamedParameterJdbcTemplate jdbc;

    Census(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Waiters on {@code date} in bands, one row per group value (sorted), without a total row. */
    public Map<String, Bands> on(LocalDate date, GroupBy groupBy) {
        return on(date, groupBy, null);
    }

    /** The same, counting only pathways commissioned by {@code commissioners} (null: every commissioner). */
    public Map<String, Bands> on(LocalDate date, GroupBy groupBy, java.util.Collection<String> commissioners) {
        if (commissioners != null && commissioners.isEmpty()) {
            return new TreeMap<>();
        }
        var params = new MapSqlParameterSource("d", date).addValue("icbs", commissioners)
                .addValue("c8", date.minusDays(8)).addValue("c15", date.minusDays(15)).addValue("c29", date.minusDays(29))
                .addValue("c85", date.minusDays(85)).addValue("c127", date.minusDays(127)).addValue("c365", date.minusDays(365));
        Map<String, Bands> rows = new TreeMap<>();
        jdbc.query("select " + groupBy.column + """
                 as grp,
                  sum(case when start_date > :c8 then 1 else 0 end) as b0,
                  sum(case when start_date <= :c8 and start_date > :c15 then 1 else 0 end) as b8,
                  sum(case when start_date <= :c15 and start_date > :c29 then 1 else 0 end) as b15,
                  sum(case when start_date <= :c29 and start_date > :c85 then 1 else 0 end) as b29,
                  sum(case when start_date <= :c85 and start_date > :c127 then 1 else 0 end) as b85,
                  sum(case when start_date <= :c127 and start_date > :c365 then 1 else 0 end) as b127,
                  sum(case when start_date <= :c365 then 1 else 0 end) as b365
                from clock_period
                where start_date <= :d and (end_date is null or end_date > :d)
                """ + (commissioners == null ? "" : "and commissioner_code in (:icbs) ") + "group by " + groupBy.column, params, rs -> {
            rows.put(rs.getString("grp"), new Bands(rs.getLong("b0"), rs.getLong("b8"), rs.getLong("b15"), rs.getLong("b29"),
                    rs.getLong("b85"), rs.getLong("b127"), rs.getLong("b365")));
        });
        return rows;
    }

    /** 18+ week waiters per commissioner on two dates, and the change (the programme's headline measure). */
    public List<Change> compare(LocalDate from, LocalDate to) {
        Map<String, Bands> before = on(from, GroupBy.COMMISSIONER);
        Map<String, Bands> after = on(to, GroupBy.COMMISSIONER);
        Map<String, Change> changes = new TreeMap<>();
        for (String commissioner : union(before, after)) {
            changes.put(commissioner, Change.of(commissioner, before.getOrDefault(commissioner, Bands.EMPTY).waiting18Plus(),
                    after.getOrDefault(commissioner, Bands.EMPTY).waiting18Plus()));
        }
        List<Change> result = new ArrayList<>(changes.values());
        result.add(Change.of("TOTAL", result.stream().mapToLong(Change::from).sum(), result.stream().mapToLong(Change::to).sum()));
        return result;
    }

    private static List<String> union(Map<String, Bands> a, Map<String, Bands> b) {
        var keys = new LinkedHashMap<String, Boolean>();
        a.keySet().forEach(k -> keys.put(k, true));
        b.keySet().forEach(k -> keys.put(k, true));
        return keys.keySet().stream().sorted().toList();
    }

    /**
     * The inputs of the capacity formulas from one ICB's list: referrals (clock starts) and removals
     * (clock stops) per week over the {@code weeks} before {@code today}, people waiting today and
     * their mean days waited.
     */
    public ListFlow flow(String commissioner, LocalDate today, int weeks) {
        var params = new MapSqlParameterSource("icb", commissioner).addValue("since", today.minusWeeks(weeks)).addValue("today", today);
        Long starts = jdbc.queryForObject("select count(*) from clock_period where commissioner_code = :icb "
                + "and start_date > :since and start_date <= :today", params, Long.class);
        Long stops = jdbc.queryForObject("select count(*) from clock_period where commissioner_code = :icb "
                + "and end_date > :since and end_date <= :today", params, Long.class);
        long[] waiting = {0, 0};
        jdbc.query("select start_date, count(*) from clock_period where commissioner_code = :icb and start_date <= :today "
                + "and (end_date is null or end_date > :today) group by start_date", params, rs -> {
            long count = rs.getLong(2);
            waiting[0] += count;
            waiting[1] += count * (today.toEpochDay() - rs.getDate(1).toLocalDate().toEpochDay());
        });
        return new ListFlow(starts / (double) weeks, stops / (double) weeks, waiting[0],
                waiting[0] == 0 ? 0 : waiting[1] / (double) waiting[0]);
    }

    /** Referrals and removals per week, the list size and the mean days already waited. */
    public record ListFlow(double arrivalsPerWeek, double removalsPerWeek, long waiting, double meanDaysWaited) {}

    /** The sum of every row. */
    public static Bands total(Map<String, Bands> rows) {
        return rows.values().stream().reduce(Bands.EMPTY, Bands::plus);
    }

    /** Waiting 18+ weeks on two dates; {@code percentChange} is empty when there were none before. */
    public record Change(String commissioner, long from, long to, long change, BigDecimal percentChange) {

        static Change of(String commissioner, long from, long to) {
            BigDecimal percent = from == 0 ? null : BigDecimal.valueOf(to - from).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(from), 1, RoundingMode.HALF_UP);
            return new Change(commissioner, from, to, to - from, percent);
        }
    }
}

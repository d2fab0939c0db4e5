package health.limber.waitinglist.internal;

import health.limber.platform.DatabaseKind;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The waiting list on any date, from the clock periods replayed from stored events (DOMAIN.md §3):
 * waiting on d when the clock started on or before d and has not stopped by d (a stop dated d
 * means not waiting on d); days waited = d − start.
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
    private final TransactionTemplate readOnly;
    private final DatabaseKind database;

    Census(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions, DatabaseKind database) {
        this.jdbc = jdbc;
        this.database = database;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Waiters on {@code date} in bands, one row per group value (sorted), without a total row. */
    public Map<String, Bands> on(LocalDate date, GroupBy groupBy) {
        return on(date, groupBy, null);
    }

    /**
     * The same, counting only pathways commissioned by {@code commissioners} (null: every commissioner).
     * The database counts the waiters per group and clock-start date, and the bands are summed here
     * from the days each start date has waited: a few thousand rows at most, however long the list.
     * Grouped by commissioner, PostgreSQL reads only the census index (commissioner, start, end), in
     * its order, instead of every clock period's row; it chooses that index when random reads are
     * costed as on the solid-state disks it runs on (the default cost is for spinning disks).
     */
    public Map<String, Bands> on(LocalDate date, GroupBy groupBy, java.util.Collection<String> commissioners) {
        if (commissioners != null && commissioners.isEmpty()) {
            return new TreeMap<>();
        }
        var params = new MapSqlParameterSource("d", date).addValue("icbs", commissioners);
        Map<String, Bands> rows = new TreeMap<>();
        readOnly.executeWithoutResult(status -> {
            if (groupBy == GroupBy.COMMISSIONER && database.isPostgres()) {
                jdbc.getJdbcTemplate().execute("set local random_page_cost = 1.1");
            }
            jdbc.query("select " + groupBy.column + " as grp, start_date, count(*) as waiting from clock_period "
                    + "where start_date <= :d and (end_date is null or end_date > :d) "
                    + (commissioners == null ? "" : "and commissioner_code in (:icbs) ") + "group by " + groupBy.column + ", start_date",
                    params, rs -> {
                        long days = date.toEpochDay() - rs.getDate("start_date").toLocalDate().toEpochDay();
                        rows.merge(rs.getString("grp"), Bands.of(days).times(rs.getLong("waiting")), Bands::plus);
                    });
        });
        return rows;
    }


    /**
     * 18+ week waiters per ICB on two dates (see {@link Comparison}), for the given ICBs (null: every
     * ICB, for the command line run by the database's owner).
     */
    public Comparison compare(LocalDate from, LocalDate to, java.util.Collection<String> icbs) {
        Map<String, Bands> before = icbs == null ? on(from, GroupBy.COMMISSIONER) : on(from, GroupBy.COMMISSIONER, icbs);
        Map<String, Bands> after = icbs == null ? on(to, GroupBy.COMMISSIONER) : on(to, GroupBy.COMMISSIONER, icbs);
        return Comparison.of(from, to, before, after);
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
}

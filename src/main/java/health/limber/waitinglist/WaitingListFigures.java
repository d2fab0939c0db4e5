package health.limber.waitinglist;

import health.limber.waitinglist.internal.Bands;
import health.limber.waitinglist.internal.Census;
import health.limber.waitinglist.internal.QueueReplay;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The waiting list's figures for programme reports (the reporting module): waiters on a date, first
 * definitive contacts per kind of care in a period, and people seen quicker. Counts only, no person;
 * the caller decides which ICBs the reader may see.
 */
@Service
@Transactional(readOnly = true)
public class WaitingListFigures {

    /** Waiters on a census date: all, 18 weeks or more (127+ days), 52 weeks or more (365+ days). */
    public record Waiters(long total, long weeks18Plus, long weeks52Plus) {
        public static final Waiters NONE = new Waiters(0, 0, 0);
    }

    /** Key for first contacts whose stop did not record a kind of care (imported or earlier stops). */
    public static final String NOT_RECORDED = "NOT_RECORDED";

    private final Census census;
    private final JdbcClient jdbc;

    WaitingListFigures(Census census, JdbcClient jdbc) {
        this.census = census;
        this.jdbc = jdbc;
    }

    /** Waiters per ICB on {@code date}, for the given ICBs (an ICB with nobody waiting is absent). */
    public Map<String, Waiters> waiters(LocalDate date, Collection<String> icbs) {
        Map<String, Waiters> waiters = new TreeMap<>();
        census.on(date, Census.GroupBy.COMMISSIONER, icbs).forEach((icb, bands) -> waiters.put(icb, of(bands)));
        return waiters;
    }

    private static Waiters of(Bands bands) {
        return new Waiters(bands.total(), bands.waiting18Plus(), bands.waiting52Plus());
    }

    /** What a census can be grouped by (for the command line): commissioner, provider, treatment-function, priority. */
    public static String censusGroup(String typed) {
        return Census.GroupBy.valueOf(typed.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_')).name();
    }

    /**
     * The census on a date as a table (header, then a row per group and a TOTAL row), every ICB:
     * {@code ./limber report census}, run by the database's owner. Counts exact or published.
     */
    public List<List<String>> censusTable(LocalDate date, String groupBy, boolean suppress) {
        Census.GroupBy by = Census.GroupBy.valueOf(groupBy);
        java.util.function.LongFunction<String> count = suppress ? health.limber.platform.Suppression::count : Long::toString;
        Map<String, Bands> rows = census.on(date, by);
        List<List<String>> table = new java.util.ArrayList<>();
        table.add(Bands.columns(by.name().toLowerCase(java.util.Locale.ROOT)));
        rows.forEach((group, bands) -> table.add(bands.row(group, count)));
        table.add(Census.total(rows).row("TOTAL", count));
        return table;
    }

    /** 18+ week waiters per ICB on two dates with the change and % change, every ICB, as a table: {@code ./limber report compare}. */
    public List<List<String>> compareTable(LocalDate from, LocalDate to, boolean suppress) {
        List<List<String>> table = new java.util.ArrayList<>();
        table.add(List.of("commissioner", "waiting_18_plus_from", "waiting_18_plus_to", "change", "pct_change"));
        for (var line : census.compare(from, to, null).shown(suppress)) {
            table.add(List.of(line.icb(), line.atStart(), line.atEnd(), line.change() == null ? "" : Long.toString(line.change()),
                    line.percentChange() == null ? "" : line.percentChange().toPlainString()));
        }
        return table;
    }

    /** Whether any clock ran for these ICBs in the period (a report over none says so instead of showing zeros). */
    public boolean anyPathways(Collection<String> icbs, LocalDate from, LocalDate to) {
        return !icbs.isEmpty() && jdbc.sql("""
                        select count(*) from clock_period where commissioner_code in (:icbs)
                        and start_date <= :to and (end_date is null or end_date >= :from)""")
                .param("icbs", icbs).param("from", from).param("to", to).query(Long.class).single() > 0;
    }

    /** People whose clock stopped by first definitive contact in the period, per ICB and kind of care ({@link #NOT_RECORDED} when none was kept). */
    public Map<String, Map<String, Long>> firstContacts(Collection<String> icbs, LocalDate from, LocalDate to) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        if (icbs.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                        select commissioner_code, coalesce(stopped_by, 'NOT_RECORDED'), count(*) from clock_period
                        where commissioner_code in (:icbs) and end_reason = 'FIRST_TREATMENT' and end_date between :from and :to
                        group by commissioner_code, coalesce(stopped_by, 'NOT_RECORDED')""")
                .param("icbs", icbs).param("from", from).param("to", to)
                .query(rs -> {
                    counts.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
                });
        return counts;
    }

    /** People seen quicker in one ICB over a period, by the replay of {@link SeenQuicker#METHOD}. */
    public SeenQuicker seenQuicker(String icb, LocalDate from, LocalDate to) {
        Replayed replayed = replay(icb, from, to);
        Map<String, SeenQuicker.Counts> byKind = new TreeMap<>();
        long seen = 0, quicker = 0, saved = 0, notWithin = 0;
        for (QueueReplay.Compared c : replayed.result().seen()) {
            SeenQuicker.Counts counts = new SeenQuicker.Counts(1, c.seenQuicker() ? 1 : 0, c.weeksSaved());
            byKind.merge(c.waiter().kind(), counts, SeenQuicker.Counts::plus);
            seen++;
            quicker += counts.quicker();
            saved += c.weeksSaved();
            notWithin += c.replayWeek() == null ? 1 : 0;
        }
        return new SeenQuicker(icb, replayed.result().capacityPerWeek(), seen, quicker, saved, notWithin, new HashMap<>(byKind));
    }

    /**
     * One person's clock in an ICB's period, for splitting the cohort report's measures by group
     * (equity): the patient record it belongs to (null when none is linked) and the pathway's date of
     * birth; whether they waited 18 weeks or more on the first and on the last day; whether they were
     * seen by first definitive contact in the period and, if so, whether quicker and by how many weeks.
     */
    public record PersonInPeriod(UUID patientId, LocalDate birthDate, boolean weeks18AtStart, boolean weeks18AtEnd, boolean seen,
                                 boolean quicker, int weeksSaved) {}

    /** Everyone on the ICB's list in the period (waiting on its first or last day, or seen in it), from the same replay as {@link #seenQuicker}. */
    public List<PersonInPeriod> people(String icb, LocalDate from, LocalDate to) {
        Replayed replayed = replay(icb, from, to);
        Map<String, QueueReplay.Compared> compared = new HashMap<>();
        replayed.result().seen().forEach(c -> compared.put(c.waiter().id(), c));
        List<PersonInPeriod> people = new java.util.ArrayList<>();
        for (Row row : replayed.rows()) {
            QueueReplay.Waiter w = row.waiter();
            boolean atStart = waiting18(w, from);
            boolean atEnd = waiting18(w, to);
            QueueReplay.Compared c = compared.get(w.id());
            if (atStart || atEnd || c != null) {
                people.add(new PersonInPeriod(row.patientId(), row.birthDate(), atStart, atEnd, c != null, c != null && c.seenQuicker(),
                        c == null ? 0 : c.weeksSaved()));
            }
        }
        return people;
    }

    private static boolean waiting18(QueueReplay.Waiter w, LocalDate on) {
        return !w.start().isAfter(on) && (w.end() == null || w.end().isAfter(on)) && on.toEpochDay() - w.start().toEpochDay() >= 127;
    }

    private record Row(QueueReplay.Waiter waiter, UUID patientId, LocalDate birthDate) {}

    private record Replayed(List<Row> rows, QueueReplay.Result result) {}

    /** The ICB's clocks from the period's first day to the horizon, replayed at the capacity of the 12 weeks before. */
    private Replayed replay(String icb, LocalDate from, LocalDate to) {
        long before = jdbc.sql("""
                        select count(*) from clock_period where commissioner_code = :icb and end_reason = 'FIRST_TREATMENT'
                        and end_date >= :since and end_date < :from""")
                .param("icb", icb).param("since", from.minusWeeks(12)).param("from", from).query(Long.class).single();
        LocalDate horizon = to.plusWeeks(SeenQuicker.HORIZON_WEEKS);
        List<Row> rows = jdbc.sql("""
                        select c.pathway_id, c.period_no, c.priority, c.start_date, c.end_date, c.end_reason, c.stopped_by, p.patient_id, p.birth_date
                        from clock_period c join pathway p on p.id = c.pathway_id
                        where c.commissioner_code = :icb and c.start_date <= :horizon and (c.end_date is null or c.end_date >= :from)""")
                .param("icb", icb).param("from", from).param("horizon", horizon)
                .query((rs, n) -> new Row(new QueueReplay.Waiter(rs.getObject(1, UUID.class) + "/" + rs.getInt(2),
                        Priority.ofCode(rs.getInt(3)).clinicalOrder(), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                        "FIRST_TREATMENT".equals(rs.getString(6)), rs.getString(7) == null ? NOT_RECORDED : rs.getString(7)),
                        rs.getObject(8, UUID.class), rs.getObject(9, LocalDate.class)))
                .list();
        return new Replayed(rows, QueueReplay.replay(rows.stream().map(Row::waiter).toList(), from, to, before / 12.0, SeenQuicker.HORIZON_WEEKS));
    }
}

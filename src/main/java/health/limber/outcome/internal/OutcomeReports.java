package health.limber.outcome.internal;

import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.outcome.QuestionnaireDefinition;
import health.limber.outcome.Questionnaires;
import health.limber.outcome.ScoringRules;
import health.limber.outcome.TimePoint;
import health.limber.platform.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outcome reports (DOMAIN.md §5, §10): how many questionnaires came back at each time point
 * (with and without reminders), the paired change from baseline to discharge per instrument with its
 * 95% confidence interval and the share reaching meaningful change, and work status at baseline
 * against discharge or follow-up ("back in work"). For service managers and analysts, over the ICBs
 * their organisation serves; counts only, no person is named.
 */
@Service
public class OutcomeReports {

    /** What the report covers: ICBs (null: all the reader's), questionnaires that fell due in the period, a kind of care (null: all). */
    public record Filter(String icb, LocalDate from, LocalDate to, String kindOfCare) {}

    /** Questionnaires that fell due at a time point for an ICB ("TOTAL" for all), returned or not, split by whether reminders were sent. */
    public record Returns(String icb, TimePoint point, long due, long returned, long dueReminded, long returnedReminded) {
        public long dueNotReminded() { return due - dueReminded; }
        public long returnedNotReminded() { return returned - returnedReminded; }
    }

    /** Baseline to discharge for one instrument's score over every pair. */
    public record Paired(String instrument, String title, String score, boolean higherIsBetter, double meaningful, int pairs, double before,
                         double after, Statistics.Mean change, long improved, long same, long worse) {}

    /** Work status at baseline against discharge (or the follow-up, where discharge has none). */
    public record Work(long pairs, long notWorkingAtBaseline, long backInWork, long workingAtBaseline, long stayedInWork) {}

    public record Report(Filter filter, Set<String> icbs, List<Returns> returns, List<Paired> paired, Work work) {}

    static final Set<String> NOT_WORKING = Set.of("EMPLOYED_OFF_SICK", "UNEMPLOYED_SEEKING_WORK", "INACTIVE_ILL_HEALTH");
    static final String WORKING = "EMPLOYED_WORKING";

    private final JdbcClient jdbc;
    private final Questionnaires questionnaires;
    private final CurrentActor currentActor;

    OutcomeReports(JdbcClient jdbc, Questionnaires questionnaires, CurrentActor currentActor) {
        this.jdbc = jdbc;
        this.questionnaires = questionnaires;
        this.currentActor = currentActor;
    }

    @Transactional(readOnly = true)
    public Report report(Filter filter) {
        Actor actor = currentActor.get();
        if (actor.role() != Role.SERVICE_MANAGER && actor.role() != Role.ANALYST) {
            throw new AccessDeniedException("Outcome reports are for service managers and analysts");
        }
        if (filter.from().isAfter(filter.to())) {
            throw new InvalidInputException("from", "The start of the period must be on or before its end");
        }
        Set<String> icbs = new TreeSet<>(actor.servedIcbs());
        if (filter.icb() != null && !filter.icb().isBlank()) {
            if (!icbs.contains(filter.icb())) {
                throw new InvalidInputException("icb", "Your organisation does not serve ICB " + filter.icb());
            }
            icbs = new TreeSet<>(Set.of(filter.icb()));
        }
        if (icbs.isEmpty()) {
            return new Report(filter, icbs, List.of(), List.of(), new Work(0, 0, 0, 0, 0));
        }
        return new Report(filter, icbs, returns(filter, icbs), paired(filter, icbs), work(filter, icbs));
    }

    /**
     * The same report for the given ICBs, without asking who reads it: for the reporting module's
     * programme reports, which check the reader's ICBs themselves (and the command line, run by the
     * database's owner).
     */
    @Transactional(readOnly = true)
    public Report forIcbs(Filter filter, Set<String> icbs) {
        if (icbs.isEmpty()) {
            return new Report(filter, icbs, List.of(), List.of(), new Work(0, 0, 0, 0, 0));
        }
        return new Report(filter, icbs, returns(filter, icbs), paired(filter, icbs), work(filter, icbs));
    }

    private String kind(Filter filter) {
        return filter.kindOfCare() == null || filter.kindOfCare().isBlank() ? " " : " and b.kind_of_care = :kind ";
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter filter, Set<String> icbs) {
        spec = spec.param("icbs", icbs).param("from", filter.from()).param("to", filter.to());
        return filter.kindOfCare() == null || filter.kindOfCare().isBlank() ? spec : spec.param("kind", filter.kindOfCare());
    }

    private List<Returns> returns(Filter filter, Set<String> icbs) {
        record Count(String icb, TimePoint point, boolean reminded, boolean returned, long n) {}
        List<Count> counts = bind(jdbc.sql("""
                select b.icb_code, b.time_point, b.reminded, b.status, count(*) from outcome_due b
                where b.icb_code in (:icbs) and b.status in ('RETURNED', 'NOT_RETURNED') and b.due_on between :from and :to""" + kind(filter) + """
                 group by b.icb_code, b.time_point, b.reminded, b.status"""), filter, icbs)
                .query((rs, n) -> new Count(rs.getString(1), TimePoint.valueOf(rs.getString(2)), rs.getBoolean(3), "RETURNED".equals(rs.getString(4)),
                        rs.getLong(5))).list();
        Map<String, long[]> sums = new LinkedHashMap<>();
        for (Count c : counts) {
            for (String icb : List.of(c.icb(), "TOTAL")) {
                long[] s = sums.computeIfAbsent(icb + "|" + c.point().name(), k -> new long[4]);
                s[0] += c.n();
                s[1] += c.returned() ? c.n() : 0;
                s[2] += c.reminded() ? c.n() : 0;
                s[3] += c.reminded() && c.returned() ? c.n() : 0;
            }
        }
        List<Returns> rows = new ArrayList<>();
        List<String> order = new ArrayList<>(icbs);
        order.add("TOTAL");
        for (String icb : order) {
            for (TimePoint point : TimePoint.values()) {
                long[] s = sums.get(icb + "|" + point.name());
                if (s != null) {
                    rows.add(new Returns(icb, point, s[0], s[1], s[2], s[3]));
                }
            }
        }
        return rows;
    }

    /**
     * Baseline to discharge per instrument, summed in the database from the headline score kept on
     * each returned questionnaire: the number of pairs, the means, the sum of squared changes (for
     * the interval) and how many changed by at least the meaningful amount each way.
     */
    private List<Paired> paired(Filter filter, Set<String> icbs) {
        List<Paired> rows = new ArrayList<>();
        for (QuestionnaireDefinition definition : questionnaires.all()) {
            ScoringRules.ChangeRule rule = definition.rules().change();
            if (rule == null) {
                continue;
            }
            double sign = rule.higherIsBetter() ? 1 : -1;
            var sums = bind(jdbc.sql("""
                    select count(*), avg(s.score_value), avg(b.score_value), sum(b.score_value - s.score_value),
                        sum((b.score_value - s.score_value) * (b.score_value - s.score_value)),
                        sum(case when (b.score_value - s.score_value) * :sign >= :meaningful then 1 else 0 end),
                        sum(case when (b.score_value - s.score_value) * :sign <= -:meaningful then 1 else 0 end)
                    from outcome_due b
                    join outcome_due s on s.episode_id = b.episode_id and s.instrument = b.instrument and s.time_point = 'BASELINE'
                        and s.status = 'RETURNED' and s.score_value is not null
                    where b.icb_code in (:icbs) and b.time_point = 'DISCHARGE' and b.status = 'RETURNED' and b.instrument = :instrument
                    and b.due_on between :from and :to and b.score_value is not null""" + kind(filter)), filter, icbs)
                    .param("instrument", definition.key()).param("sign", sign).param("meaningful", rule.meaningful())
                    .query((rs, n) -> new double[] {rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), rs.getLong(6),
                        rs.getLong(7)}).single();
            int pairs = (int) sums[0];
            if (pairs == 0) {
                continue;
            }
            String label = definition.rules().scores().stream().filter(r -> r.id().equals(rule.score())).map(ScoringRules.Rule::label).findFirst()
                    .orElse(rule.score());
            rows.add(new Paired(definition.key(), definition.title(), label, rule.higherIsBetter(), rule.meaningful(), pairs, sums[1], sums[2],
                    Statistics.fromSums(pairs, sums[3], sums[4]), (long) sums[5], pairs - (long) sums[5] - (long) sums[6], (long) sums[6]));
        }
        return rows;
    }

    /** Each person's work status at baseline and whether they were working at discharge or follow-up, counted in the database. */
    private Work work(Filter filter, Set<String> icbs) {
        long pairs = 0;
        long notWorking = 0;
        long back = 0;
        long working = 0;
        long stayed = 0;
        List<Object[]> groups = bind(jdbc.sql("""
                select atStart, workingLater, count(*) from (
                    select s.answer_group as atStart, max(case when b.answer_group = 'EMPLOYED_WORKING' then 1 else 0 end) as workingLater
                    from outcome_due b
                    join outcome_due s on s.episode_id = b.episode_id and s.instrument = 'work' and s.time_point = 'BASELINE' and s.status = 'RETURNED'
                    where b.icb_code in (:icbs) and b.instrument = 'work' and b.time_point in ('DISCHARGE', 'FOLLOW_UP') and b.status = 'RETURNED'
                    and b.due_on between :from and :to""" + kind(filter) + """
                    group by b.episode_id, s.answer_group) per_person
                group by atStart, workingLater"""), filter, icbs)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2) == 1, rs.getLong(3)}).list();
        for (Object[] g : groups) {
            String atStart = (String) g[0];
            boolean workingLater = (Boolean) g[1];
            long count = (Long) g[2];
            pairs += count;
            if (NOT_WORKING.contains(atStart)) {
                notWorking += count;
                back += workingLater ? count : 0;
            } else if (WORKING.equals(atStart)) {
                working += count;
                stayed += workingLater ? count : 0;
            }
        }
        return new Work(pairs, notWorking, back, working, stayed);
    }

    /** A figure to one decimal place, as the page and the CSV show it. */
    public static String oneDecimal(Double value) {
        return value == null ? "" : BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}

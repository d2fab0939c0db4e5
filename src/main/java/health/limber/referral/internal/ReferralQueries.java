package health.limber.referral.internal;

import health.limber.referral.BodySite;
import health.limber.referral.RedFlagLevel;
import health.limber.referral.RedFlagSource;
import health.limber.referral.ReferralSource;
import health.limber.referral.RiskGroup;
import health.limber.referral.Urgency;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The triage worklist and the red-flag task list, read with plain SQL on the indexes made for them
 * ({@code referral_worklist}, {@code red_flag_task_open}).
 */
@Component
public class ReferralQueries {

    static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;

    ReferralQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Untriaged referrals of the given ICBs: emergency red flags first, then urgent, then by the
     * urgency asked for, then the longest waiting.
     */
    WorklistPage worklist(Collection<String> icbs, WorklistFilter filter, LocalDate today, Instant now) {
        if (icbs.isEmpty()) {
            return new WorklistPage(List.of(), 0, filter.page(), PAGE_SIZE);
        }
        var where = new StringBuilder("r.status = 'RECEIVED' and r.icb_code in (:icbs)");
        List<Object[]> params = new ArrayList<>();
        if (filter.source() != null) {
            where.append(" and r.source = :source");
            params.add(new Object[] {"source", filter.source().name()});
        }
        if (filter.site() != null) {
            where.append(" and r.body_sites like :site");
            params.add(new Object[] {"site", "%" + filter.site().name() + "%"});
        }
        if (filter.risk() != null) {
            where.append(" and r.risk_group = :risk");
            params.add(new Object[] {"risk", filter.risk().name()});
        }
        if (filter.olderThanDays() != null) {
            where.append(" and r.received_on <= :receivedBy");
            params.add(new Object[] {"receivedBy", today.minusDays(filter.olderThanDays())});
        }
        var count = jdbc.sql("select count(*) from referral r where " + where).param("icbs", icbs);
        params.forEach(p -> count.param((String) p[0], p[1]));
        long total = count.query(Long.class).single();

        var rows = jdbc.sql("""
                        select r.id, r.reference, r.received_on, r.source, r.given_name, r.family_name, r.birth_date,
                               r.body_sites, r.red_flag_level, r.requested_urgency, r.risk_group, r.icb_code, r.nhs_number,
                               (select min(t.due_at) from red_flag_task t where t.referral_id = r.id and t.status = 'OPEN') as task_due
                        from referral r
                        where %s
                        order by r.red_flag_rank, r.urgency_rank, r.received_on, r.reference
                        limit :limit offset :offset""".formatted(where))
                .param("icbs", icbs)
                .param("limit", PAGE_SIZE)
                .param("offset", (long) filter.page() * PAGE_SIZE);
        params.forEach(p -> rows.param((String) p[0], p[1]));
        List<WorklistRow> list = rows.query((rs, n) -> {
            Timestamp due = rs.getTimestamp("task_due");
            Instant dueAt = due == null ? null : due.toInstant();
            return new WorklistRow(rs.getObject("id", UUID.class), rs.getString("reference"),
                    rs.getObject("received_on", LocalDate.class), ReferralSource.valueOf(rs.getString("source")),
                    rs.getString("given_name") + " " + rs.getString("family_name"),
                    rs.getObject("birth_date", LocalDate.class), rs.getString("nhs_number"), rs.getString("body_sites"),
                    RedFlagLevel.valueOf(rs.getString("red_flag_level")), Urgency.valueOf(rs.getString("requested_urgency")),
                    rs.getString("risk_group") == null ? null : RiskGroup.valueOf(rs.getString("risk_group")),
                    rs.getString("icb_code"), dueAt, dueAt != null && now.isAfter(dueAt));
        }).list();
        return new WorklistPage(list, total, filter.page(), PAGE_SIZE);
    }

    /** How many referrals of the ICBs are waiting for triage. */
    public long countAwaitingTriage(Collection<String> icbs) {
        if (icbs.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from referral r where r.status = 'RECEIVED' and r.icb_code in (:icbs)")
                .param("icbs", icbs).query(Long.class).single();
    }

    /** How many red-flag tasks of the ICBs are open (for the worklist's link, without loading them). */
    public long countOpenTasks(Collection<String> icbs) {
        if (icbs.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from red_flag_task where status = 'OPEN' and icb_code in (:icbs)")
                .param("icbs", icbs).query(Long.class).single();
    }

    /** How many open red-flag tasks of the ICBs are past their due time. */
    public long countOverdueTasks(Collection<String> icbs, Instant now) {
        if (icbs.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from red_flag_task where status = 'OPEN' and icb_code in (:icbs) and due_at < :now")
                .param("icbs", icbs).param("now", Timestamp.from(now)).query(Long.class).single();
    }

    /** Open red-flag tasks of the ICBs, the soonest due first. */
    public List<TaskRow> openTasks(Collection<String> icbs, Instant now) {
        if (icbs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select t.id, t.referral_id, t.level, t.source, t.flags, t.detail, t.raised_at, t.due_at, t.owner,
                               t.escalated_at, t.icb_code, r.reference, r.given_name, r.family_name
                        from red_flag_task t left join referral r on r.id = t.referral_id
                        where t.status = 'OPEN' and t.icb_code in (:icbs)
                        order by t.due_at, t.raised_at limit 500""")
                .param("icbs", icbs)
                .query((rs, n) -> {
                    Instant due = rs.getTimestamp("due_at").toInstant();
                    Timestamp escalated = rs.getTimestamp("escalated_at");
                    return new TaskRow(rs.getObject("id", UUID.class), rs.getObject("referral_id", UUID.class),
                            rs.getString("reference"),
                            rs.getString("given_name") == null ? null : rs.getString("given_name") + " " + rs.getString("family_name"),
                            RedFlagLevel.valueOf(rs.getString("level")), RedFlagSource.valueOf(rs.getString("source")),
                            rs.getString("flags"), rs.getString("detail"), rs.getTimestamp("raised_at").toInstant(), due,
                            rs.getString("owner"), escalated == null ? null : escalated.toInstant(), rs.getString("icb_code"),
                            now.isAfter(due));
                }).list();
    }

    /**
     * Marks every open task that is past due as escalated, once. The update is its own guard, so it
     * is safe to run on every instance at the same time.
     */
    public List<UUID> escalateOverdue(Instant now) {
        List<UUID> due = jdbc.sql("select id from red_flag_task where status = 'OPEN' and escalated_at is null and due_at < :now")
                .param("now", Timestamp.from(now)).query(UUID.class).list();
        List<UUID> escalated = new ArrayList<>();
        for (UUID id : due) {
            int changed = jdbc.sql("update red_flag_task set escalated_at = :now where id = :id and escalated_at is null")
                    .param("now", Timestamp.from(now)).param("id", id).update();
            if (changed == 1) {
                escalated.add(id);
            }
        }
        return escalated;
    }

    boolean referenceTaken(String reference) {
        return jdbc.sql("select count(*) from referral where reference = :reference").param("reference", reference)
                .query(Long.class).single() > 0;
    }

    /** Filters of the triage worklist; null means any. */
    public record WorklistFilter(ReferralSource source, BodySite site, RiskGroup risk, Integer olderThanDays, int page) {
        public static WorklistFilter none() {
            return new WorklistFilter(null, null, null, null, 0);
        }
    }

    public record WorklistRow(UUID id, String reference, LocalDate receivedOn, ReferralSource source, String name,
                              LocalDate birthDate, String nhsNumber, String bodySites, RedFlagLevel redFlagLevel, Urgency requestedUrgency,
                              RiskGroup riskGroup, String icbCode, Instant taskDue, boolean taskOverdue) {

        /** The body sites in words ("Lower back, Knee"), never the stored codes. */
        public String sites() {
            return bodySites == null || bodySites.isBlank() ? "Not given"
                    : java.util.Arrays.stream(bodySites.split(",")).map(site -> BodySite.valueOf(site).label())
                            .collect(java.util.stream.Collectors.joining(", "));
        }
    }

    public record WorklistPage(List<WorklistRow> rows, long total, int page, int pageSize) {
        public int pages() {
            return (int) Math.max(1, (total + pageSize - 1) / pageSize);
        }
    }

    public record TaskRow(UUID id, UUID referralId, String reference, String name, RedFlagLevel level, RedFlagSource source,
                          String flags, String detail, Instant raisedAt, Instant dueAt, String owner, Instant escalatedAt,
                          String icbCode, boolean overdue) {}
}

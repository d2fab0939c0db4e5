package health.limber.waitinglist.internal;

import health.limber.waitinglist.Priority;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/** The list as it runs day to day: who is waiting now, most urgent first, then longest wait. */
@Service
public class WaitingListQueries {

    public static final int PAGE_SIZE = 50;

    private final NamedParameterJdbcTemplate jdbc;

    WaitingListQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Filters; any may be null. {@code minDays}/{@code maxDays} pick a band of days waited on {@code today};
     * {@code validationDue} keeps only pathways whose next validation date has come.
     */
    public record Filter(Collection<String> commissioners, String commissioner, Priority priority, String treatmentFunction,
                         Integer minDays, Integer maxDays, UUID hub, boolean validationDue) {

        public Filter(Collection<String> commissioners, String commissioner, Priority priority, String treatmentFunction,
                      Integer minDays, Integer maxDays) {
            this(commissioners, commissioner, priority, treatmentFunction, minDays, maxDays, null, false);
        }
    }

    public record Row(UUID pathwayId, String identifier, String issuer, String nhsNumber, String commissioner,
                      String provider, String treatmentFunction, Priority priority, LocalDate start, long daysWaited, UUID patientId) {}

    /** A pathway due (or overdue) for validation. */
    public record Due(UUID pathwayId, String identifier, String nhsNumber, String commissioner, Priority priority,
                      LocalDate start, LocalDate due, long daysWaited) {}

    /** How many waiting pathways of these commissioners are due (or overdue) for validation. */
    public long countValidationDue(Collection<String> commissioners, LocalDate today) {
        if (commissioners.isEmpty()) {
            return 0;
        }
        Long count = jdbc.queryForObject("""
                select count(*) from clock_period c
                where c.end_date is null and c.next_validation_due <= :today and c.commissioner_code in (:commissioners)""",
                new MapSqlParameterSource("commissioners", commissioners).addValue("today", today), Long.class);
        return count == null ? 0 : count;
    }

    /** Waiting pathways whose next validation date has come, the most overdue first. */
    public List<Due> validationDue(Collection<String> commissioners, LocalDate today, int page) {
        var params = new MapSqlParameterSource("commissioners", commissioners).addValue("today", today)
                .addValue("limit", PAGE_SIZE + 1).addValue("offset", (long) page * PAGE_SIZE);
        return jdbc.query("""
                select c.pathway_id, p.pathway_identifier, p.nhs_number, c.commissioner_code, c.priority, c.start_date,
                       c.next_validation_due
                from clock_period c join pathway p on p.id = c.pathway_id
                where c.end_date is null and c.next_validation_due <= :today and c.commissioner_code in (:commissioners)
                order by c.next_validation_due, c.start_date, p.pathway_identifier
                limit :limit offset :offset""", params, (rs, n) -> {
            LocalDate start = rs.getDate(6).toLocalDate();
            return new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                    Priority.ofCode(rs.getInt(5)), start, rs.getDate(7).toLocalDate(), today.toEpochDay() - start.toEpochDay());
        });
    }

    /**
     * One page (from 0) of pathways waiting on {@code today}, two-week waits first, then urgent, then
     * routine (priority codes 3, 2, 1), longest wait first within each, then by pathway id so pages
     * never overlap; one extra row is fetched to tell whether there is a next page.
     */
    public List<Row> page(Filter filter, LocalDate today, int page) {
        StringBuilder where = new StringBuilder("c.end_date is null and c.commissioner_code in (:commissioners)");
        var params = new MapSqlParameterSource("commissioners", filter.commissioners())
                .addValue("limit", PAGE_SIZE + 1).addValue("offset", (long) page * PAGE_SIZE);
        if (filter.commissioner() != null) {
            where.append(" and c.commissioner_code = :commissioner");
            params.addValue("commissioner", filter.commissioner());
        }
        if (filter.priority() != null) {
            where.append(" and c.priority = :priority");
            params.addValue("priority", filter.priority().code());
        }
        if (filter.treatmentFunction() != null) {
            where.append(" and c.treatment_function = :function");
            params.addValue("function", filter.treatmentFunction());
        }
        if (filter.hub() != null) {
            where.append(" and c.pathway_id in (select h.pathway_id from pathway_hub h where h.hub_id = :hub)");
            params.addValue("hub", filter.hub());
        }
        if (filter.minDays() != null) {
            where.append(" and c.start_date <= :latestStart");
            params.addValue("latestStart", today.minusDays(filter.minDays()));
        }
        if (filter.validationDue()) {
            where.append(" and c.next_validation_due <= :today");
            params.addValue("today", today);
        }
        if (filter.maxDays() != null) {
            where.append(" and c.start_date > :earliestStart");
            params.addValue("earliestStart", today.minusDays(filter.maxDays() + 1L));
        }
        // Page within clock_period alone (an index-only scan in PostgreSQL), then join just the page's rows to their pathway.
        return jdbc.query("""
                select c.pathway_id, p.pathway_identifier, p.issuer_code, p.nhs_number, c.commissioner_code, c.provider_code,
                       c.treatment_function, c.priority, c.start_date, p.patient_id
                from (select c.pathway_id, c.commissioner_code, c.provider_code, c.treatment_function, c.priority, c.start_date
                      from clock_period c
                      where\s""" + where + """
                       order by c.priority desc, c.start_date, c.pathway_id
                      limit :limit offset :offset) c
                join pathway p on p.id = c.pathway_id
                order by c.priority desc, c.start_date, c.pathway_id""", params, (rs, n) -> {
            LocalDate start = rs.getDate(9).toLocalDate();
            return new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7), Priority.ofCode(rs.getInt(8)), start, today.toEpochDay() - start.toEpochDay(),
                    rs.getObject(10, UUID.class));
        });
    }
}

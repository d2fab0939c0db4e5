package health.limber.episode.internal;

import health.limber.episode.DischargeReason;
import health.limber.patient.PatientId;
import health.limber.referral.CarePathway;
import health.limber.referral.ReferralId;
import health.limber.referral.ReferralSource;
import health.limber.waitinglist.PathwayId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores episodes with their discharge, follow-up requests and letters. */
@Repository
public class Episodes {

    private static final String SELECT = """
            select id, patient_id, referral_id, reference, icb_code, provider_code, kind_of_care, source, referred_on, opened_on, pathway_id,
                   discharge_reason, discharged_on, discharge_note, referred_to, follow_up_until, discharged_by, discharged_at,
                   created_at, version
            from episode""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Episodes(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Inserts many episodes, each with its discharge where it has one, in batches (a data set moved in, the demo). */
    public void insertAll(List<Episode> episodes) {
        List<Object[]> rows = episodes.stream().map(e -> {
            Episode.Discharge d = e.discharge().orElse(null);
            return new Object[] {e.id().value(), e.patientId().value(), e.referralId() == null ? null : e.referralId().value(), e.reference(),
                    e.icbCode(), e.providerCode(), e.kindOfCare() == null ? null : e.kindOfCare().name(), e.source().name(), e.referredOn(),
                    e.openedOn(), e.pathwayId().map(PathwayId::value).orElse(null),
                    Timestamp.from(e.createdAt()), d == null ? null : d.reason().name(), d == null ? null : d.on(), d == null ? null : d.note(),
                    d == null ? null : d.referredTo(), d == null ? null : d.followUpUntil(), d == null ? null : d.by(),
                    d == null ? null : Timestamp.from(d.at()), d == null ? 0 : 1};
        }).toList();
        for (int from = 0; from < rows.size(); from += 1000) {
            batch.batchUpdate("""
                    insert into episode (id, patient_id, referral_id, reference, icb_code, provider_code, kind_of_care, source, referred_on,
                        opened_on, pathway_id, created_at, discharge_reason, discharged_on, discharge_note, referred_to, follow_up_until,
                        discharged_by, discharged_at, version)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
    }

    public void insert(Episode e) {
        insertAll(List.of(e));
    }

    /** Stores a discharge made on the episode as read; refused when someone changed it since (the version moved on). */
    public void saveDischarge(Episode e) {
        Episode.Discharge d = e.discharge().orElseThrow();
        int changed = jdbc.sql("""
                        update episode set discharge_reason = :reason, discharged_on = :on, discharge_note = :note, referred_to = :to,
                            follow_up_until = :until, discharged_by = :by, discharged_at = :at, version = version + 1
                        where id = :id and version = :version""")
                .param("reason", d.reason().name()).param("on", d.on()).param("note", d.note()).param("to", d.referredTo())
                .param("until", d.followUpUntil()).param("by", d.by()).param("at", Timestamp.from(d.at()))
                .param("id", e.id()).param("version", e.version()).update();
        if (changed != 1) {
            throw new OptimisticLockingFailureException("episode " + e.id() + " changed since version " + e.version());
        }
    }

    /** Stores a new or answered follow-up request, and moves the episode's version on. */
    public void saveFollowUp(Episode e, Episode.FollowUpRequest r) {
        int updated = jdbc.sql("update episode_follow_up set answer = :answer, answered_by = :by, answered_at = :at where id = :id and answered_at is null")
                .param("answer", r.answer()).param("by", r.answeredBy()).param("at", r.answeredAt() == null ? null : Timestamp.from(r.answeredAt()))
                .param("id", r.id()).update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into episode_follow_up (id, episode_id, requested_on, requested_at, requested_by, what)
                            values (:id, :episode, :on, :at, :by, :what)""")
                    .param("id", r.id()).param("episode", e.id()).param("on", r.on()).param("at", Timestamp.from(r.at()))
                    .param("by", r.by()).param("what", r.what()).update();
        }
        int changed = jdbc.sql("update episode set version = version + 1 where id = :id and version = :version")
                .param("id", e.id()).param("version", e.version()).update();
        if (changed != 1) {
            throw new OptimisticLockingFailureException("episode " + e.id() + " changed since version " + e.version());
        }
    }

    public Optional<Episode> find(EpisodeId id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query((rs, n) -> row(rs)).optional()
                .map(row -> row.with(followUps(List.of(row.id())).getOrDefault(row.id(), List.of())));
    }

    /** Several episodes by id (without their follow-ups), for reports; ids not found are left out. */
    public List<Episode> findAll(Collection<UUID> ids) {
        List<Episode> found = new java.util.ArrayList<>();
        List<UUID> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 1000) {
            found.addAll(jdbc.sql(SELECT + " where id in (:ids)").param("ids", all.subList(from, Math.min(all.size(), from + 1000)))
                    .query((rs, n) -> row(rs).with(List.of())).list());
        }
        return found;
    }

    public Optional<Episode> byReferral(ReferralId referralId) {
        return jdbc.sql(SELECT + " where referral_id = :r").param("r", referralId).query((rs, n) -> row(rs)).optional()
                .map(row -> row.with(followUps(List.of(row.id())).getOrDefault(row.id(), List.of())));
    }

    /** A person's episodes, newest first. */
    public List<Episode> ofPatient(PatientId patientId) {
        return withFollowUps(jdbc.sql(SELECT + " where patient_id = :p order by opened_on desc, created_at desc").param("p", patientId)
                .query((rs, n) -> row(rs)).list());
    }

    /** Episodes of the ICBs with a follow-up request the team has not answered yet, longest waiting first. */
    public List<Episode> withFollowUpWaiting(Collection<String> icbs) {
        if (icbs.isEmpty()) {
            return List.of();
        }
        return withFollowUps(jdbc.sql(SELECT + " e where e.icb_code in (:icbs)"
                        + " and exists (select 1 from episode_follow_up f where f.episode_id = e.id and f.answered_at is null)"
                        + " order by (select min(f.requested_at) from episode_follow_up f where f.episode_id = e.id and f.answered_at is null)")
                .param("icbs", icbs).query((rs, n) -> row(rs)).list());
    }

    /** Episodes of the ICBs discharged on or after a date, latest first (at most {@code limit}). */
    public List<Episode> dischargedSince(Collection<String> icbs, LocalDate since, int limit) {
        if (icbs.isEmpty()) {
            return List.of();
        }
        return withFollowUps(jdbc.sql(SELECT + " where icb_code in (:icbs) and discharged_on >= :since order by discharged_on desc, discharged_at desc"
                        + " fetch first :limit rows only")
                .param("icbs", icbs).param("since", since).param("limit", limit).query((rs, n) -> row(rs)).list());
    }

    /** Open episodes of the ICBs, open longest first (at most {@code limit}). */
    public List<Episode> openLongest(Collection<String> icbs, int limit) {
        if (icbs.isEmpty()) {
            return List.of();
        }
        return withFollowUps(jdbc.sql(SELECT + " where icb_code in (:icbs) and discharged_on is null order by opened_on, reference"
                        + " fetch first :limit rows only")
                .param("icbs", icbs).param("limit", limit).query((rs, n) -> row(rs)).list());
    }

    public int countOpen(Collection<String> icbs) {
        return icbs.isEmpty() ? 0 : jdbc.sql("select count(*) from episode where icb_code in (:icbs) and discharged_on is null")
                .param("icbs", icbs).query(Integer.class).single();
    }

    /** Episodes of the ICBs discharged from {@code from} to {@code to}, counted by reason. */
    public java.util.Map<DischargeReason, Integer> dischargesByReason(Collection<String> icbs, LocalDate from, LocalDate to) {
        java.util.Map<DischargeReason, Integer> counts = new java.util.EnumMap<>(DischargeReason.class);
        if (!icbs.isEmpty()) {
            jdbc.sql("""
                            select discharge_reason, count(*) from episode
                            where icb_code in (:icbs) and discharged_on >= :from and discharged_on <= :to group by discharge_reason""")
                    .param("icbs", icbs).param("from", from).param("to", to)
                    .query(rs -> {
                        counts.put(DischargeReason.valueOf(rs.getString(1)), rs.getInt(2));
                    });
        }
        return counts;
    }

    public void insertLetter(EpisodeId episode, String kind, byte[] content, String by, Instant at) {
        jdbc.sql("insert into episode_letter (id, episode_id, kind, content, created_at, created_by) values (:id, :e, :kind, :content, :at, :by)")
                .param("id", UUID.randomUUID()).param("e", episode).param("kind", kind).param("content", content)
                .param("at", Timestamp.from(at)).param("by", by).update();
    }

    /** The latest letter of a kind on the episode. */
    public Optional<byte[]> letter(EpisodeId episode, String kind) {
        return jdbc.sql("select content from episode_letter where episode_id = :e and kind = :kind order by created_at desc")
                .param("e", episode).param("kind", kind).query((rs, n) -> rs.getBytes(1)).stream().findFirst();
    }

    private List<Episode> withFollowUps(List<Row> rows) {
        Map<EpisodeId, List<Episode.FollowUpRequest>> requests = followUps(rows.stream().map(Row::id).toList());
        return rows.stream().map(r -> r.with(requests.getOrDefault(r.id(), List.of()))).toList();
    }

    private Map<EpisodeId, List<Episode.FollowUpRequest>> followUps(List<EpisodeId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        record Held(EpisodeId episode, Episode.FollowUpRequest request) {}
        return jdbc.sql("""
                        select episode_id, id, requested_on, requested_at, requested_by, what, answer, answered_by, answered_at
                        from episode_follow_up where episode_id in (:ids) order by requested_at""")
                .param("ids", ids)
                .query((rs, n) -> new Held(EpisodeId.of(rs.getObject(1, UUID.class)), new Episode.FollowUpRequest(rs.getObject(2, UUID.class),
                        rs.getObject(3, LocalDate.class), rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), instant(rs.getTimestamp(9)))))
                .list().stream()
                .collect(Collectors.groupingBy(Held::episode, Collectors.mapping(Held::request, Collectors.toList())));
    }

    /** An episode row before its follow-up requests are read. */
    private record Row(EpisodeId id, PatientId patient, ReferralId referral, String reference, String icb, String provider, CarePathway kind,
                       ReferralSource source, LocalDate referred, LocalDate opened, PathwayId pathway, Episode.Discharge discharge, Instant createdAt, long version) {
        Episode with(List<Episode.FollowUpRequest> followUps) {
            return new Episode(id, patient, referral, reference, icb, provider, kind, source, referred, opened, pathway, createdAt, discharge,
                    followUps, version);
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        String reason = rs.getString("discharge_reason");
        Episode.Discharge discharge = reason == null ? null : new Episode.Discharge(DischargeReason.valueOf(reason),
                rs.getObject("discharged_on", LocalDate.class), rs.getString("discharge_note"), rs.getString("referred_to"),
                rs.getObject("follow_up_until", LocalDate.class), rs.getString("discharged_by"), instant(rs.getTimestamp("discharged_at")));
        return new Row(EpisodeId.of(rs.getObject("id", UUID.class)), PatientId.of(rs.getObject("patient_id", UUID.class)),
                ReferralId.ofNullable(rs.getObject("referral_id", UUID.class)), rs.getString("reference"), rs.getString("icb_code"),
                rs.getString("provider_code"), rs.getString("kind_of_care") == null ? null : CarePathway.valueOf(rs.getString("kind_of_care")), ReferralSource.valueOf(rs.getString("source")),
                rs.getObject("referred_on", LocalDate.class), rs.getObject("opened_on", LocalDate.class), PathwayId.ofNullable(rs.getObject("pathway_id", UUID.class)), discharge,
                rs.getTimestamp("created_at").toInstant(), rs.getLong("version"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

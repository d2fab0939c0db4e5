package health.limber.waitinglist.internal;

import static java.sql.Types.BIGINT;
import static java.sql.Types.DATE;
import static java.sql.Types.INTEGER;
import static java.sql.Types.OTHER;
import static java.sql.Types.TIMESTAMP;
import static java.sql.Types.VARCHAR;

import health.limber.platform.DatabaseKind;
import health.limber.waitinglist.Pathway;
import health.limber.waitinglist.PathwayKey;
import health.limber.waitinglist.Priority;
import health.limber.waitinglist.SourceOfReferral;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Stores pathways: the pathway row, its clock events (only ever appended) and the clock periods
 * replayed from them. Writes are batched so an import of a million rows stays a few statements per chunk.
 */
@Repository
public class Pathways {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final DatabaseKind database;

    Pathways(JdbcTemplate jdbc, DatabaseKind database) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.database = database;
    }

    public Optional<Pathway> find(UUID id) {
        List<Stored> found = load("p.id = :id", new MapSqlParameterSource("id", id));
        return found.stream().findFirst().map(Stored::pathway);
    }

    public Optional<Pathway> find(PathwayKey key) {
        return findAll(List.of(key)).values().stream().findFirst().map(Stored::pathway);
    }

    /**
     * Looks each of an issuer's identifiers up in the unique key's index, one probe per key. The probe
     * sits in a lateral subquery with {@code offset 0} so the planner cannot turn the join round: with
     * statistics from before an import (the table nearly empty) it otherwise scans all the issuer's
     * rows once for each chunk and compares identifiers (measured: 100 ms a chunk at 200,000 rows).
     */
    private static final String KEY_LOOKUP = """
            select p.* from unnest(?) as k(identifier),
                lateral (select * from pathway p where p.issuer_code = ? and p.pathway_identifier = k.identifier offset 0) p""";

    /** H2 has no lateral joins and plans the array comparison on the key's index itself. */
    private static final String KEY_LOOKUP_H2 = "select * from pathway where pathway_identifier = any (?) and issuer_code = ?";

    /**
     * The stored pathways among {@code keys}, with their events, and the import that last touched each.
     * One statement per issuer with an array parameter (each key an index probe), so the database plans it once and reuses it.
     */
    public Map<PathwayKey, Stored> findAll(Collection<PathwayKey> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> byIssuer = new HashMap<>();
        keys.forEach(key -> byIssuer.computeIfAbsent(key.issuer(), issuer -> new ArrayList<>()).add(key.identifier()));
        Map<UUID, Row> rows = new LinkedHashMap<>();
        for (var entry : byIssuer.entrySet()) {
            jdbc.query(database.isPostgres() ? KEY_LOOKUP : KEY_LOOKUP_H2, ps -> {
                ps.setArray(1, ps.getConnection().createArrayOf("varchar", entry.getValue().toArray()));
                ps.setString(2, entry.getKey());
            }, (ResultSet rs) -> {
                rows.put(rs.getObject("id", UUID.class), row(rs));
            });
        }
        Map<PathwayKey, Stored> result = new HashMap<>();
        for (Stored stored : withEvents(rows)) {
            result.put(stored.pathway().key(), stored);
        }
        return result;
    }

    private List<Stored> load(String where, MapSqlParameterSource params) {
        Map<UUID, Row> rows = new LinkedHashMap<>();
        named.query("select * from pathway p where " + where, params, rs -> {
            rows.put(rs.getObject("id", UUID.class), row(rs));
        });
        return withEvents(rows);
    }

    private List<Stored> withEvents(Map<UUID, Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<ClockEvent>> events = new HashMap<>();
        jdbc.query("select pathway_id, type, event_date, detail from clock_event where pathway_id = any (?) order by pathway_id, seq",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", rows.keySet().toArray())), (ResultSet rs) -> {
                    events.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                            .add(new ClockEvent(ClockEvent.Type.valueOf(rs.getString(2)), rs.getDate(3).toLocalDate(), rs.getString(4)));
                });
        return rows.values().stream().map(row -> new Stored(new Pathway(row.id, row.key, row.nhsNumber, row.birthDate,
                row.received, row.source, row.listType, row.function, row.priority, row.provider, row.commissioner,
                events.getOrDefault(row.id, List.of()), row.version), row.lastImport)).toList();
    }

    /** Writes new and changed pathways; a changed pathway saved by someone else meanwhile fails the whole batch. */
    public void saveAll(List<Pathway> pathways, UUID importId, Instant now) {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> events = new ArrayList<>();
        List<Object[]> periods = new ArrayList<>();
        List<Object[]> staleIds = new ArrayList<>();
        Timestamp at = Timestamp.from(now);
        for (Pathway p : pathways) {
            if (p.isNew()) {
                inserts.add(new Object[] {p.id(), p.key().identifier(), p.key().issuer(), p.nhsNumber(), date(p.birthDate()),
                        date(p.referralReceived()), p.source().name(), p.waitingListType(), p.treatmentFunction(),
                        p.priority().code(), p.providerCode(), p.commissionerCode(), p.events().size(), importId});
            } else {
                updates.add(new Object[] {p.treatmentFunction(), p.priority().code(), p.providerCode(), p.commissionerCode(),
                        p.events().size(), importId, p.id(), p.version()});
                staleIds.add(new Object[] {p.id()});
            }
            int seq = p.storedEventCount();
            for (ClockEvent event : p.unsavedEvents()) {
                events.add(new Object[] {p.id(), seq++, event.type().name(), Date.valueOf(event.on()), event.detail(), at, importId});
            }
            List<ClockPeriod> replayed = p.periods();
            Date nextValidation = date(p.nextValidationDue().orElse(null));
            for (int i = 0; i < replayed.size(); i++) {
                ClockPeriod period = replayed.get(i);
                periods.add(new Object[] {p.id(), i, p.commissionerCode(), p.providerCode(), p.treatmentFunction(),
                        p.priority().code(), Date.valueOf(period.start()), date(period.end()),
                        period.endReason() == null ? null : period.endReason().name(), period.end() == null ? nextValidation : null,
                        period.stoppedBy() == null ? null : period.stoppedBy().name()});
            }
        }
        boolean copy = database.isPostgres();
        insertPathways(inserts, copy);
        updatePathways(updates, staleIds);
        insertEvents(events, copy);
        insertPeriods(periods, copy);
    }

    private void insertPathways(List<Object[]> inserts, boolean copy) {
        if (!inserts.isEmpty()) {
            if (copy) {
                copyIn("pathway (id, pathway_identifier, issuer_code, nhs_number, birth_date, referral_received, source_of_referral, "
                       + "waiting_list_type, treatment_function, priority, provider_code, commissioner_code, event_count, last_import, version)",
                        inserts, 0L);
            } else {
                jdbc.batchUpdate("""
                        insert into pathway (id, pathway_identifier, issuer_code, nhs_number, birth_date, referral_received,
                            source_of_referral, waiting_list_type, treatment_function, priority, provider_code,
                            commissioner_code, event_count, last_import, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", inserts,
                        new int[] {OTHER, VARCHAR, VARCHAR, VARCHAR, DATE, DATE, VARCHAR, VARCHAR, VARCHAR, INTEGER, VARCHAR, VARCHAR,
                                INTEGER, OTHER});
            }
        }
    }

    /** Changed pathways, each only if still at the version read; their periods are written again. */
    private void updatePathways(List<Object[]> updates, List<Object[]> staleIds) {
        if (!updates.isEmpty()) {
            int[] counts = jdbc.batchUpdate("""
                    update pathway set treatment_function = ?, priority = ?, provider_code = ?, commissioner_code = ?,
                        event_count = ?, last_import = ?, version = version + 1
                    where id = ? and version = ?""", updates,
                    new int[] {VARCHAR, INTEGER, VARCHAR, VARCHAR, INTEGER, OTHER, OTHER, BIGINT});
            for (int count : counts) {
                if (count == 0) {
                    throw new OptimisticLockingFailureException("A pathway was changed by someone else while it was being saved");
                }
            }
            jdbc.batchUpdate("delete from clock_period where pathway_id = ?", staleIds, new int[] {OTHER});
        }
    }

    private void insertEvents(List<Object[]> events, boolean copy) {
        if (!events.isEmpty() && copy) {
            copyIn("clock_event (pathway_id, seq, type, event_date, detail, recorded_at, import_id)", events, null);
        } else if (!events.isEmpty()) {
            jdbc.batchUpdate("insert into clock_event (pathway_id, seq, type, event_date, detail, recorded_at, import_id) values (?, ?, ?, ?, ?, ?, ?)",
                    events, new int[] {OTHER, INTEGER, VARCHAR, DATE, VARCHAR, TIMESTAMP, OTHER});
        }
    }

    private void insertPeriods(List<Object[]> periods, boolean copy) {
        if (!periods.isEmpty() && copy) {
            copyIn("clock_period (pathway_id, period_no, commissioner_code, provider_code, treatment_function, priority, start_date, "
                   + "end_date, end_reason, next_validation_due, stopped_by)", periods, null);
        } else if (!periods.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into clock_period (pathway_id, period_no, commissioner_code, provider_code, treatment_function,
                        priority, start_date, end_date, end_reason, next_validation_due, stopped_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", periods,
                    new int[] {OTHER, INTEGER, VARCHAR, VARCHAR, VARCHAR, INTEGER, DATE, DATE, VARCHAR, DATE, VARCHAR});
        }
    }

    /**
     * An import looks pathways up by key while it inserts them in the same transaction. PostgreSQL plans
     * those look-ups from statistics taken before the import, when the table may have been nearly
     * empty, and would then scan the whole growing table for every chunk (measured: 190 ms a look-up by
     * the middle of a million-row import). Within the import's transaction each key must be an index
     * probe (see {@link #KEY_LOOKUP}), and reading the whole table is switched off for this transaction.
     */
    void prepareImportTransaction() {
        if (database.isPostgres()) {
            jdbc.execute("set local enable_seqscan = off");
        }
    }


    /**
     * PostgreSQL's COPY for new rows: one round trip per table per chunk instead of a statement per
     * row, in the caller's transaction. Values are written in COPY's text format and sent in pieces
     * of about 64 KB as they are written, so the database stores the first rows while the rest are
     * still being formatted; {@code last}, when not null, is appended to every row (the version column).
     */
    private void copyIn(String tableAndColumns, List<Object[]> rows, Object last) {
        jdbc.execute((java.sql.Connection c) -> {
            CopyIn copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn("copy " + tableAndColumns + " from stdin");
            try {
                StringBuilder text = new StringBuilder(COPY_PIECE + 1024);
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        if (i > 0) {
                            text.append('\t');
                        }
                        appendCopyValue(text, row[i]);
                    }
                    if (last != null) {
                        text.append('\t');
                        appendCopyValue(text, last);
                    }
                    text.append('\n');
                    if (text.length() >= COPY_PIECE) {
                        send(copy, text);
                    }
                }
                send(copy, text);
                return copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
    }

    private static final int COPY_PIECE = 64 * 1024;

    private static void send(CopyIn copy, StringBuilder text) throws java.sql.SQLException {
        if (text.length() > 0) {
            byte[] bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            text.setLength(0);
        }
    }

    public static void appendCopyValue(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        String s = value instanceof Timestamp t ? t.toInstant().toString() : value.toString();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(ch);
            }
        }
    }

    /** Notes that an import saw these pathways unchanged (so a second row with the same key is caught as a duplicate). */
    void markImported(List<Pathway> unchanged, UUID importId) {
        if (!unchanged.isEmpty()) {
            jdbc.batchUpdate("update pathway set last_import = ? where id = ?",
                    unchanged.stream().map(p -> new Object[] {importId, p.id()}).toList(), new int[] {OTHER, OTHER});
        }
    }

    /** The hub a pathway's patient is to be seen at, if one was assigned. */
    /** Names the pathway's patient record, once: a pathway already linked keeps its patient. */
    public void linkPatient(UUID pathwayId, UUID patientId) {
        jdbc.update("update pathway set patient_id = ? where id = ? and patient_id is null", patientId, pathwayId);
    }

    /** Links many new pathways to their patients' records at once (pairs of pathway id, patient id). */
    public void linkPatients(List<UUID[]> pathwayAndPatient) {
        jdbc.batchUpdate("update pathway set patient_id = ? where id = ? and patient_id is null",
                pathwayAndPatient.stream().map(p -> new Object[] {p[1], p[0]}).toList(), new int[] {OTHER, OTHER});
    }

    public Optional<UUID> patientOf(UUID pathwayId) {
        return jdbc.query("select patient_id from pathway where id = ?", (rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class)), pathwayId)
                .stream().findFirst().flatMap(o -> o);
    }

    public Optional<UUID> hubOf(UUID pathwayId) {
        return jdbc.queryForList("select hub_id from pathway_hub where pathway_id = ?", UUID.class, pathwayId).stream().findFirst();
    }

    /** The hubs of several pathways (those with none assigned are left out). */
    public Map<UUID, UUID> hubsOf(Collection<UUID> pathwayIds) {
        Map<UUID, UUID> hubs = new java.util.HashMap<>();
        List<UUID> all = List.copyOf(pathwayIds);
        for (int from = 0; from < all.size(); from += 1000) {
            List<UUID> part = all.subList(from, Math.min(all.size(), from + 1000));
            String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
            jdbc.query("select pathway_id, hub_id from pathway_hub where pathway_id in (" + marks + ")",
                    rs -> {
                        hubs.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                    }, part.toArray());
        }
        return hubs;
    }

    /** Replaces the pathway's hub (null clears it), noting who and when. */
    public void assignHub(UUID pathwayId, UUID hubId, String by, Instant at) {
        jdbc.update("delete from pathway_hub where pathway_id = ?", pathwayId);
        if (hubId != null) {
            jdbc.update("insert into pathway_hub (pathway_id, hub_id, assigned_by, assigned_at) values (?, ?, ?, ?)", pathwayId, hubId, by,
                    Timestamp.from(at));
        }
    }

    /** Assigns many new pathways to hubs at once (pathway id to hub id). */
    public void assignHubs(Map<UUID, UUID> hubs, String by, Instant at) {
        Timestamp when = Timestamp.from(at);
        jdbc.batchUpdate("insert into pathway_hub (pathway_id, hub_id, assigned_by, assigned_at) values (?, ?, ?, ?)",
                hubs.entrySet().stream().map(e -> new Object[] {e.getKey(), e.getValue(), by, when}).toList(),
                new int[] {OTHER, OTHER, VARCHAR, TIMESTAMP});
    }

    public void save(Pathway pathway, Instant now) {
        saveAll(List.of(pathway), null, now);
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static Row row(ResultSet rs) throws SQLException {
        Date born = rs.getDate("birth_date");
        return new Row(rs.getObject("id", UUID.class),
                new PathwayKey(rs.getString("pathway_identifier"), rs.getString("issuer_code")),
                rs.getString("nhs_number"), born == null ? null : born.toLocalDate(),
                rs.getDate("referral_received").toLocalDate(), SourceOfReferral.valueOf(rs.getString("source_of_referral")),
                rs.getString("waiting_list_type"), rs.getString("treatment_function"), Priority.ofCode(rs.getInt("priority")),
                rs.getString("provider_code"), rs.getString("commissioner_code"), rs.getObject("last_import", UUID.class),
                rs.getLong("version"));
    }

    private record Row(UUID id, PathwayKey key, String nhsNumber, LocalDate birthDate, LocalDate received,
                       SourceOfReferral source, String listType, String function, Priority priority, String provider,
                       String commissioner, UUID lastImport, long version) {}

    /** A stored pathway and the import that last wrote it. */
    record Stored(Pathway pathway, UUID lastImport) {}
}

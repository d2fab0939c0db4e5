package health.limber.support.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Keeps support referrals with their contacts and outcomes, and the services they go to. */
@Repository
public class SupportReferrals {

    private static final String SELECT = """
            select id, episode_id, patient_id, icb_code, kind_of_care, service_code, reason, source, status, referred_on, referred_by, referred_at,
                   accepted_on, first_contact_on, closed_on, close_reason, close_note, consent_given_by, consent_given_at, consent_shared,
                   consent_withdrawn_by, consent_withdrawn_at, share_clinical, version
            from support_referral""";

    /** One line of a worklist: enough to list and order it, without opening each referral. */
    public record Line(UUID id, UUID patientId, String serviceCode, String serviceName, boolean inHouse, String reason,
                       SupportReferral.Source source, SupportReferral.Status status, LocalDate referredOn, LocalDate firstContactOn) {}

    private final JdbcClient jdbc;

    SupportReferrals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SupportService> services() {
        return jdbc.sql("select * from support_service order by in_house desc, need desc, name").query((rs, n) -> service(rs)).list();
    }

    public Optional<SupportService> service(String code) {
        return jdbc.sql("select * from support_service where code = :code").param("code", code).query((rs, n) -> service(rs)).optional();
    }

    public void addService(SupportService s, String by, Instant at) {
        jdbc.sql("""
                insert into support_service (code, name, need, in_house, icb_code, email, phone, website, description, active, added_by, added_at)
                values (:code, :name, :need, :inHouse, :icb, :email, :phone, :website, :description, :active, :by, :at)""")
                .param("code", s.code()).param("name", s.name()).param("need", s.need().name()).param("inHouse", s.inHouse())
                .param("icb", s.icbCode()).param("email", s.email()).param("phone", s.phone()).param("website", s.website())
                .param("description", s.description()).param("active", s.active()).param("by", by).param("at", Timestamp.from(at)).update();
    }

    public void insert(SupportReferral r, String clientKey) {
        SupportReferral.Details d = r.details();
        SupportReferral.Consent c = r.consent();
        jdbc.sql("""
                insert into support_referral (id, episode_id, patient_id, icb_code, kind_of_care, service_code, need, in_house, reason, source, status,
                    status_rank, referred_on, referred_by, referred_at, consent_given_by, consent_given_at, consent_shared, share_clinical, client_key, version)
                values (:id, :episode, :patient, :icb, :kind, :service, :need, :inHouse, :reason, :source, :status, :rank, :on, :by, :at,
                    :consentBy, :consentAt, :shared, :shareClinical, :key, 0)""")
                .param("id", r.id()).param("episode", d.episodeId()).param("patient", d.patientId()).param("icb", d.icbCode())
                .param("kind", d.kindOfCare()).param("service", d.service().code()).param("need", d.service().need().name())
                .param("inHouse", d.service().inHouse()).param("reason", d.reason()).param("source", d.source().name())
                .param("status", r.status().name()).param("rank", r.status().rank()).param("on", r.referredOn()).param("by", r.referredBy())
                .param("at", Timestamp.from(r.referredAt())).param("consentBy", c == null ? null : c.givenBy())
                .param("consentAt", c == null || c.givenAt() == null ? null : Timestamp.from(c.givenAt()))
                .param("shared", c == null ? null : c.shared()).param("shareClinical", r.shareClinical()).param("key", clientKey).update();
    }

    /** Saves the referral's state (status, dates, consent) if nobody changed it since it was read; contacts and outcomes are added apart. */
    public void save(SupportReferral r) {
        SupportReferral.Consent c = r.consent();
        int changed = jdbc.sql("""
                update support_referral set status = :status, status_rank = :rank, accepted_on = :accepted, first_contact_on = :first,
                    closed_on = :closed, close_reason = :reason, close_note = :note, consent_withdrawn_by = :withdrawnBy,
                    consent_withdrawn_at = :withdrawnAt, share_clinical = :shareClinical, version = version + 1
                where id = :id and version = :version""")
                .param("status", r.status().name()).param("rank", r.status().rank()).param("accepted", r.acceptedOn())
                .param("first", r.firstContactOn()).param("closed", r.closedOn())
                .param("reason", r.closeReason() == null ? null : r.closeReason().name()).param("note", r.closeNote())
                .param("withdrawnBy", c == null ? null : c.withdrawnBy())
                .param("withdrawnAt", c == null || c.withdrawnAt() == null ? null : Timestamp.from(c.withdrawnAt()))
                .param("shareClinical", r.shareClinical()).param("id", r.id()).param("version", r.version()).update();
        if (changed != 1) {
            throw new OptimisticLockingFailureException("support referral " + r.id() + " changed since version " + r.version());
        }
    }

    public void insertContact(UUID referralId, SupportReferral.Contact c) {
        jdbc.sql("""
                insert into support_contact (id, referral_id, contact_on, mode, minutes, notes, recorded_by, recorded_at)
                values (:id, :referral, :on, :mode, :minutes, :notes, :by, :at)""")
                .param("id", c.id()).param("referral", referralId).param("on", c.on()).param("mode", c.mode().name())
                .param("minutes", c.minutes()).param("notes", c.notes()).param("by", c.by()).param("at", Timestamp.from(c.at())).update();
    }

    public void insertOutcome(UUID referralId, SupportReferral.Outcome o) {
        jdbc.sql("""
                insert into support_outcome (id, referral_id, kind, outcome_on, note, recorded_by, recorded_at)
                values (:id, :referral, :kind, :on, :note, :by, :at)""")
                .param("id", o.id()).param("referral", referralId).param("kind", o.kind().name()).param("on", o.on())
                .param("note", o.note()).param("by", o.by()).param("at", Timestamp.from(o.at())).update();
    }

    public Optional<SupportReferral> find(UUID id) {
        return withParts(jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::referral).list()).stream().findFirst();
    }

    public Optional<UUID> byClientKey(String key) {
        return jdbc.sql("select id from support_referral where client_key = :key").param("key", key).query(UUID.class).optional();
    }

    /** A person's referrals, newest first. */
    public List<SupportReferral> ofPatient(UUID patientId) {
        return withParts(jdbc.sql(SELECT + " where patient_id = :p order by referred_at desc").param("p", patientId).query(this::referral).list());
    }

    /**
     * The worklist of the ICBs (for one need, or all when null): new referrals first, then the oldest
     * referral first; closed ones only when asked for.
     */
    public List<Line> worklist(Collection<String> icbs, Need need, boolean closed, int offset, int limit) {
        if (icbs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select r.id, r.patient_id, r.service_code, s.name, r.in_house, r.reason, r.source, r.status, r.referred_on, r.first_contact_on
                from support_referral r join support_service s on s.code = r.service_code
                where r.icb_code in (:icbs) and r.status_rank """ + (closed ? "= 2" : "< 2") + (need == null ? "" : " and r.need = :need") + """

                order by r.status_rank, r.referred_on, r.referred_at offset :offset rows fetch next :limit rows only""")
                .param("icbs", icbs).param("need", need == null ? null : need.name()).param("offset", offset).param("limit", limit)
                .query((rs, n) -> new Line(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getString(6), SupportReferral.Source.valueOf(rs.getString(7)),
                        SupportReferral.Status.valueOf(rs.getString(8)), rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class)))
                .list();
    }

    public long worklistCount(Collection<String> icbs, Need need, boolean closed) {
        if (icbs.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from support_referral where icb_code in (:icbs) and status_rank " + (closed ? "= 2" : "< 2")
                        + (need == null ? "" : " and need = :need"))
                .param("icbs", icbs).param("need", need == null ? null : need.name()).query(Long.class).single();
    }

    public long countByStatus(Collection<String> icbs, Need need, SupportReferral.Status status) {
        return icbs.isEmpty() ? 0 : jdbc.sql("select count(*) from support_referral where icb_code in (:icbs) and need = :need and status_rank = :rank"
                        + (status == SupportReferral.Status.REFERRED || status == SupportReferral.Status.CLOSED ? "" : " and status = :status"))
                .param("icbs", icbs).param("need", need.name()).param("rank", status.rank()).param("status", status.name()).query(Long.class).single();
    }

    private List<SupportReferral> withParts(List<SupportReferral> referrals) {
        if (referrals.isEmpty()) {
            return referrals;
        }
        List<UUID> ids = referrals.stream().map(SupportReferral::id).toList();
        Map<UUID, List<SupportReferral.Contact>> contacts = new HashMap<>();
        jdbc.sql("select * from support_contact where referral_id in (:ids) order by contact_on, recorded_at").param("ids", ids)
                .query(rs -> {
                    contacts.computeIfAbsent(rs.getObject("referral_id", UUID.class), k -> new ArrayList<>()).add(new SupportReferral.Contact(
                            rs.getObject("id", UUID.class), rs.getObject("contact_on", LocalDate.class),
                            SupportReferral.ContactMode.valueOf(rs.getString("mode")), rs.getInt("minutes"), rs.getString("notes"),
                            rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant()));
                });
        Map<UUID, List<SupportReferral.Outcome>> outcomes = new HashMap<>();
        jdbc.sql("select * from support_outcome where referral_id in (:ids) order by outcome_on, recorded_at").param("ids", ids)
                .query(rs -> {
                    outcomes.computeIfAbsent(rs.getObject("referral_id", UUID.class), k -> new ArrayList<>()).add(new SupportReferral.Outcome(
                            rs.getObject("id", UUID.class), SupportReferral.OutcomeKind.valueOf(rs.getString("kind")),
                            rs.getObject("outcome_on", LocalDate.class), rs.getString("note"), rs.getString("recorded_by"),
                            rs.getTimestamp("recorded_at").toInstant()));
                });
        Map<String, SupportService> services = new HashMap<>();
        services().forEach(s -> services.put(s.code(), s));
        return referrals.stream().map(r -> r.with(services.get(r.service().code()), contacts.getOrDefault(r.id(), List.of()),
                outcomes.getOrDefault(r.id(), List.of()))).toList();
    }

    private SupportReferral referral(ResultSet rs, int n) throws SQLException {
        Timestamp consentAt = rs.getTimestamp("consent_given_at");
        Timestamp withdrawnAt = rs.getTimestamp("consent_withdrawn_at");
        SupportReferral.Consent consent = rs.getString("consent_given_by") == null && withdrawnAt == null ? null
                : new SupportReferral.Consent(rs.getString("consent_given_by"), consentAt == null ? null : consentAt.toInstant(),
                        rs.getString("consent_shared"), rs.getString("consent_withdrawn_by"), withdrawnAt == null ? null : withdrawnAt.toInstant());
        SupportService placeholder = new SupportService(rs.getString("service_code"), null, null, false, null, null, null, null, null, true);
        var details = new SupportReferral.Details(rs.getObject("episode_id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getString("icb_code"), rs.getString("kind_of_care"), placeholder, rs.getString("reason"),
                SupportReferral.Source.valueOf(rs.getString("source")), consent, rs.getBoolean("share_clinical"));
        String closeReason = rs.getString("close_reason");
        return new SupportReferral(rs.getObject("id", UUID.class), details, rs.getObject("referred_on", LocalDate.class), rs.getString("referred_by"),
                rs.getTimestamp("referred_at").toInstant(), SupportReferral.Status.valueOf(rs.getString("status")),
                rs.getObject("accepted_on", LocalDate.class), rs.getObject("first_contact_on", LocalDate.class),
                rs.getObject("closed_on", LocalDate.class), closeReason == null ? null : SupportReferral.CloseReason.valueOf(closeReason),
                rs.getString("close_note"), List.of(), List.of(), rs.getLong("version"));
    }

    private static SupportService service(ResultSet rs) throws SQLException {
        return new SupportService(rs.getString("code"), rs.getString("name"), Need.valueOf(rs.getString("need")), rs.getBoolean("in_house"),
                rs.getString("icb_code"), rs.getString("email"), rs.getString("phone"), rs.getString("website"), rs.getString("description"),
                rs.getBoolean("active"));
    }
}

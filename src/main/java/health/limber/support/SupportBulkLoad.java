package health.limber.support;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Support referrals as another system (or the demo) had them, with their contacts and outcomes:
 * a trusted bulk entry point (see docs/architecture.md) that checks the referral's rules but not
 * who is calling. The person's work status history is the patient module's: the caller records it there.
 */
@Service
public class SupportBulkLoad {

    public record PastContact(LocalDate on, String mode, int minutes, String notes, String by) {}

    public record PastOutcome(String kind, LocalDate on, String note, String by) {}

    /**
     * @param source TRIAGE, ONE_STOP, CLINICIAN, ADVISER or PATIENT
     * @param status REFERRED, ACCEPTED, IN_PROGRESS or CLOSED (then {@code closeReason} is set)
     * @param consentShared what the person agreed to share, required for a service outside the team
     */
    public record PastReferral(UUID episodeId, UUID patientId, String icbCode, String kindOfCare, String serviceCode, String reason, String source,
                               String status, LocalDate referredOn, String referredBy, String consentShared, LocalDate closedOn, String closeReason,
                               List<PastContact> contacts, List<PastOutcome> outcomes) {}

    private static final Set<String> IN_HOUSE = Set.of("IN_HOUSE_EMPLOYMENT", "IN_HOUSE_DEBT");
    private static final Set<String> STATUSES = Set.of("REFERRED", "ACCEPTED", "IN_PROGRESS", "CLOSED");

    private final JdbcTemplate jdbc;

    SupportBulkLoad(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores all or none; returns how many referrals were stored. */
    @Transactional
    public int store(List<PastReferral> past) {
        List<Object[]> referrals = new ArrayList<>();
        List<Object[]> contacts = new ArrayList<>();
        List<Object[]> outcomes = new ArrayList<>();
        java.util.Map<String, String> needs = new java.util.HashMap<>();
        jdbc.query("select code, need from support_service", rs -> {
            needs.put(rs.getString(1), rs.getString(2));
        });
        for (PastReferral r : past) {
            check(r);
            if (!needs.containsKey(r.serviceCode())) {
                throw new IllegalArgumentException("There is no support service " + r.serviceCode());
            }
            UUID id = UUID.randomUUID();
            LocalDate firstContact = r.contacts().stream().map(PastContact::on).min(LocalDate::compareTo).orElse(null);
            boolean inHouse = IN_HOUSE.contains(r.serviceCode());
            Timestamp at = Timestamp.from(r.referredOn().atTime(10, 0).toInstant(ZoneOffset.UTC));
            int rank = r.status().equals("REFERRED") ? 0 : r.status().equals("CLOSED") ? 2 : 1;
            referrals.add(new Object[] {id, r.episodeId(), r.patientId(), r.icbCode(), r.kindOfCare(), r.serviceCode(), needs.get(r.serviceCode()), inHouse, r.reason(), r.source(), r.status(), rank, r.referredOn(), r.referredBy(), at,
                    rank == 0 ? null : firstContact != null ? firstContact : r.referredOn(), firstContact, r.closedOn(), r.closeReason(),
                    inHouse ? null : r.referredBy(), inHouse ? null : at, r.consentShared()});
            for (PastContact c : r.contacts()) {
                contacts.add(new Object[] {UUID.randomUUID(), id, c.on(), c.mode(), c.minutes(), c.notes(), c.by(), Timestamp.from(c.on().atTime(12, 0)
                        .toInstant(ZoneOffset.UTC))});
            }
            for (PastOutcome o : r.outcomes()) {
                outcomes.add(new Object[] {UUID.randomUUID(), id, o.kind(), o.on(), o.note(), o.by(), Timestamp.from(o.on().atTime(15, 0)
                        .toInstant(ZoneOffset.UTC))});
            }
        }
        batches("""
                insert into support_referral (id, episode_id, patient_id, icb_code, kind_of_care, service_code, need, in_house, reason, source, status,
                    status_rank, referred_on, referred_by, referred_at, accepted_on, first_contact_on, closed_on, close_reason, consent_given_by,
                    consent_given_at, consent_shared, share_clinical, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, 0)""", referrals);
        batches("""
                insert into support_contact (id, referral_id, contact_on, mode, minutes, notes, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", contacts);
        batches("""
                insert into support_outcome (id, referral_id, kind, outcome_on, note, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""", outcomes);
        return referrals.size();
    }

    private void batches(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += 1000) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
    }

    private static void check(PastReferral r) {
        if (!STATUSES.contains(r.status()) || (r.status().equals("CLOSED") != (r.closeReason() != null))) {
            throw new IllegalArgumentException("A past support referral needs a known status, and a close reason exactly when closed");
        }
        if (!IN_HOUSE.contains(r.serviceCode()) && (r.consentShared() == null || r.consentShared().isBlank())) {
            throw new IllegalArgumentException("A referral to " + r.serviceCode() + " needs the consent to share");
        }
        boolean contactBefore = r.contacts().stream().anyMatch(c -> c.on().isBefore(r.referredOn()));
        if (contactBefore || r.reason() == null || r.reason().isBlank()) {
            throw new IllegalArgumentException("A past support referral needs a reason and no contact before it was made");
        }
    }
}

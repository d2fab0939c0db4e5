package health.limber.referral;

import health.limber.patient.PatientId;
import health.limber.referral.internal.ReferralStatus;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Past referrals stored in bulk, as another system (or the demo) recorded them: received, and
 * either still waiting for triage or already triaged to a pathway. A red-flag referral still
 * waiting gets its open task, due as the rules say from when it was received. Nothing downstream
 * is told (the waiting list, the hubs' lists): each module loads its own history through its own
 * bulk entry point. The caller is trusted (start-up and command-line code only, never a request).
 */
@Service
public class ReferralBulkLoad {

    private final JdbcTemplate jdbc;

    ReferralBulkLoad(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One past referral. {@code pathway} null: not yet triaged (then priority, triagedBy and
     * triagedAt are null too). {@code redFlagDetail} is the task's description for staff. {@code patientId}
     * is the patient record it was linked to at triage, or null.
     */
    public record PastReferral(ReferralId id, String reference, ReferralSource source, String ubrn, LocalDate receivedOn, Instant receivedAt,
                               String receivedBy, String icbCode, String gpPracticeCode, String givenName, String familyName,
                               LocalDate birthDate, String phone, String reasonCode, BodySite site, SymptomDuration duration,
                               Urgency requestedUrgency, List<String> redFlagsAsked, List<String> redFlagsYes, RedFlagLevel redFlagLevel,
                               String redFlagDetail, InstrumentScore score, List<Integer> answers, boolean wantsEmploymentSupport,
                               boolean wantsDebtSupport, CarePathway pathway, Urgency priority, String triagedBy, Instant triagedAt,
                               PatientId patientId) {}

    @Transactional
    public void store(List<PastReferral> referrals) {
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        List<Object[]> tasks = new ArrayList<>();
        for (PastReferral r : referrals) {
            boolean triaged = r.pathway() != null;
            rows.add(new Object[] {r.id(), r.reference(), r.source().name(), r.ubrn(), Date.valueOf(r.receivedOn()), Timestamp.from(r.receivedAt()),
                    r.icbCode(), r.gpPracticeCode(), r.givenName(), r.familyName(), Date.valueOf(r.birthDate()), r.phone(), r.reasonCode(),
                    r.site().name(), r.duration().name(), r.requestedUrgency().name(), r.requestedUrgency().rank(),
                    String.join(",", r.redFlagsAsked()), String.join(",", r.redFlagsYes()), r.redFlagLevel().name(), r.redFlagLevel().rank(),
                    r.score().instrument().name(), r.answers().stream().map(String::valueOf).collect(Collectors.joining(",")),
                    r.score().total(), r.score().distress(), r.score().risk().name(), r.wantsEmploymentSupport(), r.wantsDebtSupport(),
                    triaged ? ReferralStatus.ACCEPTED.name() : ReferralStatus.RECEIVED.name(), triaged ? r.pathway().name() : null,
                    triaged ? r.priority().name() : null, triaged ? "Triage by " + r.triagedBy() : null, r.triagedBy(),
                    r.triagedAt() == null ? null : Timestamp.from(r.triagedAt()), Timestamp.from(r.receivedAt()), r.patientId()});
            history.add(new Object[] {r.id(), 0, Timestamp.from(r.receivedAt()), r.receivedBy(), "Received", r.source().label()});
            if (!triaged && r.redFlagLevel().isRedFlag()) {
                tasks.add(new Object[] {UUID.randomUUID(), r.id(), r.icbCode(), r.redFlagLevel().name(),
                        (r.source() == ReferralSource.SELF ? RedFlagSource.SELF_REFERRAL : RedFlagSource.INTAKE).name(),
                        String.join(",", r.redFlagsYes()), r.redFlagDetail(), Timestamp.from(r.receivedAt()),
                        Timestamp.from(r.receivedAt().plus(r.redFlagLevel().taskDueWithin()))});
            }
        }
        jdbc.batchUpdate("""
                insert into referral (id, reference, source, ubrn, received_on, received_at, icb_code, gp_practice_code,
                    given_name, family_name, birth_date, phone, interpreter_needed, reason_code, body_sites, symptom_duration,
                    requested_urgency, urgency_rank, red_flags_asked, red_flags_yes, red_flag_level, red_flag_rank,
                    instrument, instrument_answers, score_total, score_distress, risk_group, wants_employment_support,
                    wants_debt_support, consent_to_contact, status, pathway, priority, decision_reason, triaged_by, triaged_at,
                    created_at, patient_id, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?, ?, ?, ?, ?, ?, 0)""",
                rows);
        jdbc.batchUpdate("insert into referral_history (referral_id, position, occurred_at, actor, action, detail) values (?, ?, ?, ?, ?, ?)",
                history);
        jdbc.batchUpdate("""
                insert into red_flag_task (id, referral_id, icb_code, level, source, flags, detail, raised_at, due_at, status, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', 0)""", tasks);
    }
}

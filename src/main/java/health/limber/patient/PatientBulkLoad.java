package health.limber.patient;

import health.limber.organisation.Organisations;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patient records stored in bulk: for a service moving its records from another system, and for
 * the demo. Every record is checked by the same rules as the staff form ({@link PatientInput#check}),
 * and its work status history is replayed through the record's own rules, oldest first. The caller
 * is trusted: nothing here checks who may write or audits a read, so only start-up and
 * command-line code (never a request) may call it.
 */
@Service
public class PatientBulkLoad {

    private final Organisations organisations;
    private final JdbcClient jdbc;

    private final org.springframework.jdbc.core.JdbcTemplate batch;

    PatientBulkLoad(Organisations organisations, JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch) {
        this.batch = batch;
        this.organisations = organisations;
        this.jdbc = jdbc;
    }

    /**
     * A patient record as another system had it: its fields (the input's work status is the latest)
     * and how the work status changed before that, oldest first.
     */
    public record PastPatient(PatientInput input, List<WorkStatusChange> earlierWorkStatus, LocalDate workStatusSince, String by,
                              Instant createdAt) {}

    /** A patient as the demo and set-up scripts need to know them. */
    public record Summary(PatientId id, String givenName, String familyName, NhsNumber nhsNumber, LocalDate birthDate) {}

    /** Stores the records, all or none: one broken rule refuses the lot, naming the field. */
    @Transactional
    public List<PatientId> store(List<PastPatient> records) {
        List<Patient> made = new ArrayList<>();
        for (PastPatient record : records) {
            PatientDetails latest = record.input().check(organisations, record.workStatusSince());
            Patient patient = null;
            for (WorkStatusChange earlier : record.earlierWorkStatus()) {
                PatientDetails then = withWorkStatus(latest, earlier.status());
                if (patient == null) {
                    patient = Patient.register(then, earlier.recordedBy(), earlier.recordedOn(), record.createdAt());
                } else {
                    patient.update(then, earlier.recordedBy(), earlier.recordedOn(), record.createdAt());
                }
            }
            if (patient == null) {
                patient = Patient.register(latest, record.by(), record.workStatusSince(), record.createdAt());
            } else {
                patient.update(latest, record.by(), record.workStatusSince(), record.createdAt());
            }
            made.add(patient);
        }
        insertAll(made);
        return made.stream().map(Patient::id).toList();
    }

    /**
     * Inserts new records and their work status history in batches of 1,000 rows (one statement per
     * row through the repository took 0.4 ms a record on PostgreSQL, most of a demo's load time).
     */
    private void insertAll(List<Patient> made) {
        List<Object[]> rows = new ArrayList<>(made.size());
        List<Object[]> history = new ArrayList<>();
        for (Patient p : made) {
            AccessibilityNeeds n = p.needs();
            ContactPreferences c = p.contact();
            rows.add(new Object[] {p.id().value(), p.nhsNumber().map(NhsNumber::value).orElse(null), p.nhsNumberUnknownReason(), p.givenName(),
                    p.familyName(), p.familyNameKey(), p.birthDate(), p.sex().name(), p.postcode().map(Postcode::value).orElse(null), p.phone(),
                    p.email(), p.preferredLanguage(), p.interpreterNeeded(), n.stepFreeAccess(), n.largePrint(), n.bslInterpreter(), n.easyRead(),
                    n.hearingLoop(), n.otherNeeds(), c.bySms(), c.byEmail(), c.byPhone(), c.byLetter(), p.gpPracticeCode(), p.icbCode(),
                    p.workStatus() == null ? null : p.workStatus().name(), java.sql.Timestamp.from(p.createdAt()),
                    java.sql.Timestamp.from(p.updatedAt())});
            List<WorkStatusChange> changes = p.workStatusHistory();
            for (int i = 0; i < changes.size(); i++) {
                WorkStatusChange w = changes.get(i);
                history.add(new Object[] {p.id().value(), i, w.status().name(), w.recordedOn(), w.recordedBy()});
            }
        }
        for (int from = 0; from < rows.size(); from += 1000) {
            batch.batchUpdate("""
                    insert into patient (id, nhs_number, nhs_number_unknown_reason, given_name, family_name, family_name_key, birth_date, sex,
                        postcode, phone, email, preferred_language, interpreter_needed, step_free_access, large_print, bsl_interpreter,
                        easy_read, hearing_loop, other_needs, contact_by_sms, contact_by_email, contact_by_phone, contact_by_letter,
                        gp_practice_code, icb_code, work_status, created_at, updated_at, version)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""",
                    rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
        for (int from = 0; from < history.size(); from += 1000) {
            batch.batchUpdate("insert into patient_work_status (patient_id, position, status, recorded_on, recorded_by) values (?, ?, ?, ?, ?)",
                    history.subList(from, Math.min(history.size(), from + 1000)));
        }
    }

    /** Records the people's ethnic categories (a bulk load from another system, or the demo's made-up people). */
    @Transactional
    public void recordEthnicCategories(java.util.Map<PatientId, EthnicCategory> categories) {
        List<Object[]> rows = new ArrayList<>();
        categories.forEach((id, category) -> rows.add(new Object[] {category.name(), id.value()}));
        for (int from = 0; from < rows.size(); from += 1000) {
            batch.batchUpdate("update patient set ethnic_category = ? where id = ?", rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
    }

    /** A work status recorded on a day (an adviser's outcome moved in from another system). */
    public record RecordedWorkStatus(PatientId patientId, WorkStatus status, LocalDate on, String by) {}

    /**
     * Adds work statuses to the people's histories, after what they have (each is later than what is
     * there, as outcomes come after the referral), and makes each the current status.
     */
    @Transactional
    public void recordWorkStatuses(List<RecordedWorkStatus> recorded) {
        List<Object[]> history = new ArrayList<>();
        List<Object[]> current = new ArrayList<>();
        for (RecordedWorkStatus r : recorded) {
            history.add(new Object[] {r.patientId().value(), r.patientId().value(), r.status().name(), r.on(), r.by()});
            current.add(new Object[] {r.status().name(), r.patientId().value()});
        }
        for (int from = 0; from < history.size(); from += 1000) {
            batch.batchUpdate("""
                    insert into patient_work_status (patient_id, position, status, recorded_on, recorded_by)
                    values (?, (select coalesce(max(position), -1) + 1 from patient_work_status where patient_id = ?), ?, ?, ?)""",
                    history.subList(from, Math.min(history.size(), from + 1000)));
            batch.batchUpdate("update patient set work_status = ?, version = version + 1 where id = ?", current.subList(from, Math.min(current.size(), from + 1000)));
        }
    }

    /** The live records with these NHS numbers (a record with no number is never among them), by number. */
    @Transactional(readOnly = true)
    public java.util.Map<String, Summary> withNhsNumbers(java.util.Collection<String> nhsNumbers) {
        java.util.Map<String, Summary> found = new java.util.HashMap<>();
        List<String> all = nhsNumbers.stream().filter(java.util.Objects::nonNull).distinct().toList();
        for (int from = 0; from < all.size(); from += 1000) {
            jdbc.sql("""
                    select id, given_name, family_name, nhs_number, birth_date from patient
                    where nhs_number in (:numbers) and voided_at is null""")
                    .param("numbers", all.subList(from, Math.min(all.size(), from + 1000)))
                    .query((rs, n) -> new Summary(PatientId.of(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
                            new NhsNumber(rs.getString(4)), rs.getObject(5, LocalDate.class)))
                    .list().forEach(s -> found.put(s.nhsNumber().value(), s));
        }
        return found;
    }

    /** Whether the database holds any patient record at all (voided ones too). */
    @Transactional(readOnly = true)
    public boolean anyRecords() {
        return jdbc.sql("select count(*) from (select id from patient fetch first 1 rows only) p").query(Long.class).single() > 0;
    }

    /** The live records of an ICB, by NHS number. */
    @Transactional(readOnly = true)
    public List<Summary> inIcb(String icbCode) {
        return jdbc.sql("""
                select id, given_name, family_name, nhs_number, birth_date from patient
                where icb_code = :icb and voided_at is null order by nhs_number""")
                .param("icb", icbCode)
                .query((rs, n) -> new Summary(PatientId.of(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
                        rs.getString(4) == null ? null : new NhsNumber(rs.getString(4)), rs.getObject(5, LocalDate.class)))
                .list();
    }

    private static PatientDetails withWorkStatus(PatientDetails d, WorkStatus status) {
        return new PatientDetails(d.nhsNumber(), d.nhsNumberUnknownReason(), d.givenName(), d.familyName(), d.birthDate(), d.sex(),
                d.postcode(), d.phone(), d.email(), d.preferredLanguage(), d.interpreterNeeded(), d.needs(), d.contact(),
                d.gpPracticeCode(), d.icbCode(), status);
    }
}

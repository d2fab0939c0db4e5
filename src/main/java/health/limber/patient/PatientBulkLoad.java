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

    private final Patients patients;
    private final Organisations organisations;
    private final JdbcClient jdbc;

    PatientBulkLoad(Patients patients, Organisations organisations, JdbcClient jdbc) {
        this.patients = patients;
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
        return patients.saveAll(made).stream().map(Patient::id).toList();
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

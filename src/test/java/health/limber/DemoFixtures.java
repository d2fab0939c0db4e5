package health.limber;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import health.limber.identity.AccessCodes;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;

/** Known people in the test run's demo data, and ways to sign them in. */
@Component
public class DemoFixtures {

    /** Every demo staff account's password (DemoData.PASSWORD; the demo module keeps its classes to itself). */
    public static final String PASSWORD = "limber-demo-2025";

    private final JdbcTemplate jdbc;
    private final AccessCodes accessCodes;

    public DemoFixtures(JdbcTemplate jdbc, AccessCodes accessCodes) {
        this.jdbc = jdbc;
        this.accessCodes = accessCodes;
    }

    /** A live demo patient of the ICB, by position (0 = first by NHS number). */
    public PatientRef patient(String icb, int position) {
        return jdbc.queryForObject("""
                select id, nhs_number, birth_date, family_name from patient where icb_code = ? and voided_at is null
                order by nhs_number offset ? rows fetch next 1 rows only""",
                (rs, n) -> new PatientRef(rs.getObject(1, UUID.class), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4)),
                icb, position);
    }

    /** Signs a patient in with a fresh access code and their date of birth; returns the cookies to send. */
    public Cookie[] signInPatient(MockMvc mvc, PatientRef patient) throws Exception {
        String code = accessCodes.issue(patient.id(), "test").code();
        var result = mvc.perform(post("/patient/sign-in").with(csrf())
                        .param("code", code)
                        .param("dobDay", String.valueOf(patient.birthDate().getDayOfMonth()))
                        .param("dobMonth", String.valueOf(patient.birthDate().getMonthValue()))
                        .param("dobYear", String.valueOf(patient.birthDate().getYear())))
                .andReturn();
        if (!"/my".equals(result.getResponse().getRedirectedUrl())) {
            throw new IllegalStateException("Patient sign-in failed: " + result.getResponse().getRedirectedUrl());
        }
        return result.getResponse().getCookies();
    }

    public int auditCount(UUID patientId) {
        return jdbc.queryForObject("select count(*) from audit_event where patient_id = ?", Integer.class, patientId);
    }

    public record PatientRef(UUID id, String nhsNumber, LocalDate birthDate, String familyName) {}
}

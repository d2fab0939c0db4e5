package health.limber.referral;

import health.limber.platform.LimberTime;
import health.limber.platform.PatientCare;
import health.limber.referral.internal.ReferralStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A person's referrals, on their record (linked to it at triage), newest first. */
@Component
class ReferralCare implements PatientCare {

    private final JdbcClient jdbc;

    ReferralCare(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Link> of(Person person, Audience audience) {
        if (audience != Audience.STAFF) {
            return List.of();
        }
        return jdbc.sql("select id, reference, received_on, status, source from referral where patient_id = :patient order by received_on desc")
                .param("patient", person.patientId())
                .query((rs, n) -> {
                    LocalDate received = rs.getObject(3, LocalDate.class);
                    return new Link("Referral", rs.getString(2) + ", received " + LimberTime.DAY.format(received),
                            ReferralSource.valueOf(rs.getString(5)).label() + "; " + ReferralStatus.valueOf(rs.getString(4)).label().toLowerCase(),
                            "/referrals/" + rs.getObject(1, UUID.class), received, 10);
                })
                .list();
    }
}

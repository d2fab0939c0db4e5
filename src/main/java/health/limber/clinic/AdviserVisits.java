package health.limber.clinic;

import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-stop visits of the signed-in employment or debt adviser: the appointments of the clinic
 * days' practitioners linked to their sign-in ({@link HubResources#linkPractitioner}), so the person
 * on the day and the adviser on the worklist are one. Only their own, never another adviser's.
 */
@Service
public class AdviserVisits {

    /** One visit: when, where, with whom (as the clinic day lists them) and what happened. */
    public record Visit(LocalDate on, int startMinute, int endMinute, String hub, String person, UUID patientId, String service,
                        AppointmentOutcome outcome) {

        public String time() {
            return String.format("%02d:%02d–%02d:%02d", startMinute / 60, startMinute % 60, endMinute / 60, endMinute % 60);
        }
    }

    private final JdbcClient jdbc;
    private final CurrentActor currentActor;

    AdviserVisits(JdbcClient jdbc, CurrentActor currentActor) {
        this.jdbc = jdbc;
        this.currentActor = currentActor;
    }

    @Transactional(readOnly = true)
    public List<Visit> mine(LocalDate from, LocalDate to) {
        Actor actor = currentActor.get();
        if (!actor.role().isAdviser()) {
            throw new AccessDeniedException("Only an adviser has one-stop visits of their own");
        }
        return jdbc.sql("""
                select a.clinic_date, a.start_minute, a.end_minute, h.name, r.display_name, a.patient_id, s.name, a.status
                from appointment a join practitioner p on p.id = a.practitioner_id join clinic_day d on d.id = a.clinic_day_id
                join hub h on h.id = d.hub_id join one_stop_referral r on r.referral_id = a.referral_id join clinic_service s on s.code = a.service_code
                where p.staff_username = :username and a.clinic_date between :from and :to and h.icb_code in (:icbs)
                order by a.clinic_date, a.start_minute""")
                .param("username", actor.username()).param("from", from).param("to", to)
                .param("icbs", actor.servedIcbs().isEmpty() ? List.of("") : actor.servedIcbs())
                .query((rs, n) -> new Visit(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, UUID.class), rs.getString(7), AppointmentOutcome.valueOf(rs.getString(8))))
                .list();
    }
}

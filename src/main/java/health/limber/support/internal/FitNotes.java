package health.limber.support.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Keeps fit notes. */
@Repository
public class FitNotes {

    private final JdbcClient jdbc;

    FitNotes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(FitNote n) {
        jdbc.sql("""
                insert into fit_note (id, episode_id, patient_id, icb_code, fitness, phased_return, altered_hours, amended_duties,
                    workplace_adaptations, comments, condition_text, starts_on, ends_on, issued_by, issued_by_name, issued_at)
                values (:id, :episode, :patient, :icb, :fitness, :phased, :hours, :duties, :adaptations, :comments, :condition, :starts, :ends,
                    :by, :byName, :at)""")
                .param("id", n.id()).param("episode", n.episodeId()).param("patient", n.patientId()).param("icb", n.icbCode())
                .param("fitness", n.fitness().name()).param("phased", n.phasedReturn()).param("hours", n.alteredHours())
                .param("duties", n.amendedDuties()).param("adaptations", n.workplaceAdaptations()).param("comments", n.comments())
                .param("condition", n.condition()).param("starts", n.startsOn()).param("ends", n.endsOn()).param("by", n.issuedBy())
                .param("byName", n.issuedByName()).param("at", Timestamp.from(n.issuedAt())).update();
    }

    public void endEarly(UUID id, LocalDate lastDay, String by) {
        jdbc.sql("update fit_note set ended_early_on = :on, ended_by = :by where id = :id").param("on", lastDay).param("by", by).param("id", id)
                .update();
    }

    public Optional<FitNote> find(UUID id) {
        return jdbc.sql("select * from fit_note where id = :id").param("id", id).query(FitNotes::note).optional();
    }

    /** A person's fit notes, latest start first. */
    public List<FitNote> ofPatient(UUID patientId) {
        return jdbc.sql("select * from fit_note where patient_id = :p order by starts_on desc, issued_at desc").param("p", patientId)
                .query(FitNotes::note).list();
    }

    private static FitNote note(ResultSet rs, int n) throws SQLException {
        return new FitNote(rs.getObject("id", UUID.class), rs.getObject("episode_id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getString("icb_code"), FitNote.Fitness.valueOf(rs.getString("fitness")), rs.getBoolean("phased_return"),
                rs.getBoolean("altered_hours"), rs.getBoolean("amended_duties"), rs.getBoolean("workplace_adaptations"),
                rs.getString("comments"), rs.getString("condition_text"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), rs.getString("issued_by"), rs.getString("issued_by_name"),
                rs.getTimestamp("issued_at").toInstant(), rs.getObject("ended_early_on", LocalDate.class));
    }
}

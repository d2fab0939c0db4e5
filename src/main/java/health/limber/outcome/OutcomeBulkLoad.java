package health.limber.outcome;

import health.limber.outcome.internal.ResponseJson;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores questionnaires that fell due before Limber held them (a service moving its records in, the
 * demo's past), each answered or not. Answers are checked and scored by the engine exactly as live
 * ones are; a broken one refuses the lot, naming the item. The caller is trusted: start-up and
 * command-line code only, never a request (no red-flag task is raised for past answers).
 */
@Component
public class OutcomeBulkLoad {

    /**
     * One instrument due at one time point; {@code answers} null when it was not returned (or not yet),
     * {@code answeredOn} the day it came back.
     */
    public record PastOutcome(UUID episodeId, UUID patientId, String icbCode, String providerCode, String kindOfCare, TimePoint point,
                              String instrument, LocalDate dueOn, OutcomeDue.Status status, boolean reminded, Answers answers,
                              LocalDate answeredOn) {}

    private final JdbcTemplate jdbc;
    private final Questionnaires questionnaires;

    OutcomeBulkLoad(JdbcTemplate jdbc, Questionnaires questionnaires) {
        this.jdbc = jdbc;
        this.questionnaires = questionnaires;
    }

    /** Stores them all or none; returns how many responses were stored. */
    @Transactional
    public int store(List<PastOutcome> past) {
        List<Object[]> dues = new ArrayList<>(past.size());
        List<Object[]> responses = new ArrayList<>();
        List<Object[]> scores = new ArrayList<>();
        for (PastOutcome p : past) {
            UUID dueId = UUID.randomUUID();
            UUID responseId = null;
            BigDecimal headline = null;
            String group = null;
            if (p.status() == OutcomeDue.Status.RETURNED) {
                QuestionnaireDefinition definition = questionnaires.get(p.instrument());
                var problems = Scoring.problems(definition, p.answers(), true);
                if (!problems.isEmpty()) {
                    throw new IllegalArgumentException(p.instrument() + " answers for episode " + p.episodeId() + ": " + problems);
                }
                Scoring.Scored scored = Scoring.score(definition, p.answers());
                responseId = UUID.randomUUID();
                Timestamp at = Timestamp.from(p.answeredOn().atTime(LocalTime.of(19, 0)).atZone(health.limber.platform.LimberTime.ZONE).toInstant());
                responses.add(new Object[] {responseId, "past:" + dueId, p.patientId(), p.icbCode(), dueId, definition.key(), definition.version(),
                    ResponseJson.write(definition, p.patientId(), p.answers(), true, at.toInstant()), "COMPLETED", "PATIENT_APP", "past", at, at,
                    Date.valueOf(p.answeredOn()), scored.group().orElse(null)});
                var change = definition.rules().change();
                headline = change == null ? null : scored.score(change.score()).map(Score::value).map(BigDecimal::valueOf).orElse(null);
                group = scored.group().orElse(null);
                for (Score s : scored.scores()) {
                    scores.add(new Object[] {responseId, s.id(), s.value() == null ? null : BigDecimal.valueOf(s.value()), s.band()});
                }
            }
            LocalDate closed = p.status() == OutcomeDue.Status.RETURNED ? p.answeredOn()
                    : p.status() == OutcomeDue.Status.NOT_RETURNED ? p.dueOn().plusDays(15) : null;
            dues.add(new Object[] {dueId, p.episodeId(), p.patientId(), p.icbCode(), p.providerCode(), p.kindOfCare(), p.point().name(),
                p.instrument(), Date.valueOf(p.dueOn()), p.status().name(), responseId, closed == null ? null : Date.valueOf(closed), p.reminded(),
                headline, group});
        }
        jdbc.batchUpdate("""
                insert into outcome_due (id, episode_id, patient_id, icb_code, provider_code, kind_of_care, time_point, instrument, due_on, status,
                response_id, closed_on, reminded, score_value, answer_group) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", dues);
        jdbc.batchUpdate("""
                insert into outcome_response (id, client_key, patient_id, icb_code, due_id, instrument, instrument_version, answers_json, status,
                source, entered_by, started_at, completed_at, completed_on, group_label, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", responses);
        jdbc.batchUpdate("insert into outcome_score (response_id, score_id, score_value, band) values (?, ?, ?, ?)", scores);
        return responses.size();
    }
}

package health.limber.episode.web;

import health.limber.outcome.Change;
import health.limber.outcome.OutcomeDue;
import health.limber.outcome.OutcomeResponse;
import health.limber.outcome.OutcomeResponses;
import health.limber.outcome.OutcomeSchedules;
import health.limber.outcome.Questionnaires;
import health.limber.outcome.Score;
import health.limber.patient.PatientId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The questionnaires section of an episode's page: what was due when, what came back with its scores, and what is missing. */
@Component
class EpisodeOutcomeView {

    record Row(OutcomeDue due, String title, String scores, boolean missing) {}

    record View(List<Row> rows, Map<String, String> changes, List<Row> missing, Map<String, String> titles) {}

    private final OutcomeSchedules schedules;
    private final OutcomeResponses responses;
    private final Questionnaires questionnaires;

    EpisodeOutcomeView(OutcomeSchedules schedules, OutcomeResponses responses, Questionnaires questionnaires) {
        this.schedules = schedules;
        this.responses = responses;
        this.questionnaires = questionnaires;
    }

    View of(UUID episodeId, PatientId patientId, LocalDate today) {
        List<OutcomeResponse> answered = responses.ofPatient(patientId);
        Map<UUID, OutcomeResponse> byId = answered.stream().collect(Collectors.toMap(OutcomeResponse::id, r -> r));
        List<OutcomeDue> due = schedules.ofEpisode(episodeId, patientId);
        java.util.Set<UUID> ofThisEpisode = due.stream().map(OutcomeDue::responseId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        List<Row> rows = due.stream().map(d -> new Row(d, title(d.instrument()),
                d.responseId() == null || !byId.containsKey(d.responseId()) ? "" : scores(byId.get(d.responseId())),
                (d.status() == OutcomeDue.Status.DUE || d.status() == OutcomeDue.Status.NOT_RETURNED) && !d.dueOn().isAfter(today))).toList();
        Map<String, Change> changes = responses.changes(answered.stream().filter(r -> ofThisEpisode.contains(r.id())).toList());
        Map<String, String> changeText = new java.util.LinkedHashMap<>();
        changes.forEach((k, v) -> changeText.put(title(k), v.label()));
        Map<String, String> titles = new java.util.LinkedHashMap<>();
        questionnaires.all().forEach(q -> titles.put(q.key(), q.title()));
        return new View(rows, changeText, rows.stream().filter(Row::missing).toList(), titles);
    }

    private String title(String key) {
        return questionnaires.find(key).map(q -> q.title()).orElse(key);
    }

    /** A group as people read it: the work questions' group is the person's work status. */
    private static String groupLabel(String group) {
        return java.util.Arrays.stream(health.limber.patient.WorkStatus.values()).filter(w -> w.name().equals(group))
                .map(health.limber.patient.WorkStatus::label).findFirst().orElse(group);
    }

    private static String scores(OutcomeResponse response) {
        String text = response.scores().stream().filter(Score::computed)
                .map(s -> s.label() + " " + s.shown() + (s.band() == null ? "" : " (" + s.band() + ")")).collect(Collectors.joining("; "));
        String by = response.source() == OutcomeResponse.Source.PAPER ? " · paper form entered by " + response.enteredBy() : "";
        return (text.isEmpty() ? "Answered" : text) + (response.group() == null ? "" : " · " + groupLabel(response.group())) + by;
    }
}

package health.limber.demo;

import health.limber.exercise.Programme;
import health.limber.exercise.Programmes;
import health.limber.exercise.SessionLog;
import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Home exercise programmes for the first ICB's patients, made through the exercise module's API:
 * three weeks of logs (most people keep going, one stopped logging, one has rising pain) and
 * usefulness ratings, so the caseload alerts and the "fairly or very useful" share have data.
 */
@Component
class DemoExercise {

    private static final List<String> TEMPLATES = List.of("low-back-pain", "knee-osteoarthritis", "ankle-fracture-after-cast", "neck-pain",
            "shoulder-pain", "low-back-pain", "knee-osteoarthritis", "low-back-pain");

    private final JdbcTemplate jdbc;
    private final Programmes programmes;
    private final CurrentActor currentActor;

    DemoExercise(JdbcTemplate jdbc, Programmes programmes, CurrentActor currentActor) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.currentActor = currentActor;
    }

    void load(Random random, String icb, String provider, LocalDate today) {
        List<UUID> patients = jdbc.queryForList("select id from patient where icb_code = ? and voided_at is null order by nhs_number", UUID.class, icb);
        List<UUID> hubs = jdbc.queryForList("select id from hub where icb_code = ? order by name", UUID.class, icb);
        Actor clinician = new Actor("physio." + icb.toLowerCase(), "Jo Lewis", Role.CLINICIAN, provider, Set.of(icb), null);
        for (int p = 0; p < Math.min(TEMPLATES.size(), patients.size()); p++) {
            UUID patient = patients.get(p);
            String template = TEMPLATES.get(p);
            LocalDate start = today.minusDays(20 + p);
            UUID hub = hubs.isEmpty() ? null : hubs.get(p % hubs.size());
            UUID programme = currentActor.runAs(clinician, () -> programmes.create(patient, template, start, null, null, hub));
            Programme read = currentActor.runAs(clinician, () -> programmes.read(programme));
            Actor self = new Actor("patient:" + patient, "Patient", Role.PATIENT, null, Set.of(), patient);
            int keepsGoingUntil = p == 2 ? 14 : 100;
            for (LocalDate day = start; day.isBefore(today); day = day.plusDays(1)) {
                long n = java.time.temporal.ChronoUnit.DAYS.between(start, day);
                if (n > keepsGoingUntil || random.nextInt(10) < (p == 5 ? 6 : 2)) {
                    continue;
                }
                for (Programme.Item item : read.items()) {
                    int pain = Math.max(0, Math.min(10, (p == 3 ? 2 + (int) (n / 4) : 5 - (int) (n / 6)) + random.nextInt(2)));
                    SessionLog.Outcome outcome = random.nextInt(8) == 0 ? SessionLog.Outcome.PARTLY : SessionLog.Outcome.DONE;
                    LocalDate on = day;
                    currentActor.runAs(self, () -> programmes.log(programme, "demo-" + programme + "-" + on + "-" + item.exerciseId(), item.exerciseId(), on,
                            outcome, item.dose().sets(), item.dose().reps() == 0 ? null : item.dose().reps(), pain,
                            n < 5 ? SessionLog.Difficulty.HARD : SessionLog.Difficulty.JUST_RIGHT, null));
                }
            }
            currentActor.runAs(self, () -> {
                for (Programme.Item item : read.items()) {
                    int answer = random.nextInt(100) < 93 ? 3 + random.nextInt(2) : 1 + random.nextInt(2);
                    programmes.rate(programme, "demo-rating-" + programme + "-" + item.exerciseId(), item.exerciseId(), answer);
                }
                programmes.rate(programme, "demo-change-" + programme, null, 4 + random.nextInt(4));
                return null;
            });
        }
    }
}

package health.limber.demo;

import static org.assertj.core.api.Assertions.assertThat;
import health.limber.exercise.ProgrammeId;

import health.limber.IntegrationTest;
import health.limber.TestClock;
import health.limber.exercise.ProgrammeManagement;
import health.limber.exercise.internal.ProgrammeReports;
import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.organisation.Icb;
import health.limber.organisation.Organisations;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The bulk demo programmes: logs only where the programme prescribes them, ratings counted as generated. */
@IntegrationTest
class DemoExerciseCohortTests {

    @Autowired DemoExercise exercise;
    @Autowired ProgrammeManagement programmes;
    @Autowired health.limber.exercise.internal.ProgrammeReports reports;
    @Autowired CurrentActor currentActor;
    @Autowired Organisations organisations;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @Test
    void thePatternsMakeLogsInsideEachProgrammeAndTheUsefulnessShareComesFromTheAnswers() {
        List<Icb> icbs = organisations.icbs();
        String icb = icbs.get(16).code(); // the last of the 17 demo areas (tests elsewhere add ICBs after them)
        LocalDate today = LocalDate.now(clock);
        int made = exercise.cohort(new Random(7), icb, "RZA", 10, 0, today);
        assertThat(made).isEqualTo(10);
        List<UUID> ids = jdbc.queryForList("select id from programme where icb_code = ? and created_by = ?", UUID.class, icb, "physio." + icb.toLowerCase());
        assertThat(ids).hasSize(10);

        assertThat(jdbc.queryForObject("""
                select count(*) from session_log l join programme p on p.id = l.programme_id
                where p.icb_code = ? and (l.log_date < p.start_date or l.log_date > p.end_date or l.log_date >= ?)""", Integer.class, icb, today))
                .as("no log before the start, after the end or from today on").isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) from session_log l join programme p on p.id = l.programme_id
                where p.icb_code = ? and not exists (select 1 from programme_item i where i.programme_id = p.id and i.version = 1
                    and i.exercise_id = l.exercise_id)""", Integer.class, icb)).as("only exercises of the programme").isZero();
        assertThat(jdbc.queryForObject("select count(*) from session_log l join programme p on p.id = l.programme_id where p.icb_code = ?",
                Integer.class, icb)).isPositive();

        Actor clinician = new Actor("physio." + icb.toLowerCase(), "Jo Lewis", Role.CLINICIAN, "X", Set.of(icb), null);
        Map<String, Object> answers = jdbc.queryForMap("""
                select count(*) as ratings, sum(case when r.answer >= 3 then 1 else 0 end) as useful
                from usefulness_rating r join programme p on p.id = r.programme_id where p.icb_code = ? and r.kind = 'DEMONSTRATION'""", icb);
        List<ProgrammeReports.UsefulnessRow> byTemplate = currentActor.runAs(clinician, reports::usefulnessByTemplate);
        assertThat(byTemplate.stream().mapToInt(ProgrammeReports.UsefulnessRow::ratings).sum()).isEqualTo(((Number) answers.get("ratings")).intValue());
        assertThat(byTemplate.stream().mapToInt(ProgrammeReports.UsefulnessRow::useful).sum()).isEqualTo(((Number) answers.get("useful")).intValue());

        for (UUID id : ids) {
            var weeks = currentActor.runAs(clinician, () -> programmes.adherence(ProgrammeId.of(id)).byExerciseAndWeek());
            assertThat(weeks).allSatisfy(w -> assertThat(w.share() == null || (w.share() >= 0 && w.share() <= 1)).isTrue());
        }
        assertThat(currentActor.runAs(clinician, reports::caseload)).extracting(ProgrammeReports.CaseloadRow::programmeId)
                .isSubsetOf(ids).isNotEmpty();
    }
}

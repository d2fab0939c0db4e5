package health.limber.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Worked examples for every shipped instrument: all best, all worst, one missing, band edges. */
class ScoringTests {

    static QuestionnaireDefinition q(String key) {
        return Questionnaires.shipped(key);
    }

    static Answers all(int items, String code) {
        Answers answers = new Answers();
        IntStream.rangeClosed(1, items).forEach(i -> answers.add(String.valueOf(i), code));
        return answers;
    }

    static Double total(String key, Answers answers, String score) {
        return Scoring.score(q(key), answers).score(score).orElseThrow().value();
    }

    @Test
    void mskHqBestIs56WorstIs0AndOneMissingHasNoTotal() {
        assertThat(total("msk-hq", all(14, "4"), "total")).isEqualTo(56.0);
        assertThat(total("msk-hq", all(14, "0"), "total")).isEqualTo(0.0);
        Answers missing = all(14, "3").put("7", List.of());
        assertThat(total("msk-hq", missing, "total")).isNull();
        assertThat(Scoring.problems(q("msk-hq"), missing, true)).containsOnlyKeys("7");
    }

    @Test
    void mskHqMeaningfulChangeIsSixPoints() {
        var rules = q("msk-hq").rules();
        var before = List.of(new Score("total", "", 30.0, null));
        assertThat(rules.change(before, List.of(new Score("total", "", 36.0, null)))).contains(Change.IMPROVED);
        assertThat(rules.change(before, List.of(new Score("total", "", 35.0, null)))).contains(Change.NO_CHANGE);
        assertThat(rules.change(before, List.of(new Score("total", "", 24.0, null)))).contains(Change.WORSE);
        assertThat(rules.change(before, List.of(new Score("total", "", null, null)))).isEmpty();
    }

    @Test
    void psfsIsTheMeanOfTheActivitiesNamedAndNeedsOne() {
        Answers three = Answers.of("activity-name", "Stairs", "activity-rating", "2", "activity-name", "Gardening", "activity-rating", "5",
                "activity-name", "Lifting", "activity-rating", "6");
        assertThat(total("psfs", three, "mean")).isCloseTo(4.33, org.assertj.core.data.Offset.offset(0.001));
        assertThat(total("psfs", Answers.of("activity-name", "Walk", "activity-rating", "10"), "mean")).isEqualTo(10.0);
        assertThat(total("psfs", new Answers(), "mean")).isNull();
        assertThat(Scoring.problems(q("psfs"), new Answers(), true)).containsKeys("activity-name", "activity-rating");
        Answers six = new Answers();
        IntStream.range(0, 6).forEach(i -> six.add("activity-name", "A" + i).add("activity-rating", "5"));
        assertThat(Scoring.problems(q("psfs"), six, false).get("activity-rating")).contains("at most 5");
        var before = List.of(new Score("mean", "", 3.0, null));
        assertThat(q("psfs").rules().change(before, List.of(new Score("mean", "", 5.0, null)))).contains(Change.IMPROVED);
        assertThat(q("psfs").rules().change(before, List.of(new Score("mean", "", 4.9, null)))).contains(Change.NO_CHANGE);
    }

    @Test
    void painIsTheNumberWithBandsAndOutOfRangeRefused() {
        assertThat(Scoring.score(q("pain-nrs"), Answers.of("pain", "0")).score("pain").orElseThrow().band()).isEqualTo("No pain");
        assertThat(Scoring.score(q("pain-nrs"), Answers.of("pain", "3")).score("pain").orElseThrow().band()).isEqualTo("Mild");
        assertThat(Scoring.score(q("pain-nrs"), Answers.of("pain", "4")).score("pain").orElseThrow().band()).isEqualTo("Moderate");
        assertThat(Scoring.score(q("pain-nrs"), Answers.of("pain", "10")).score("pain").orElseThrow().band()).isEqualTo("Severe");
        assertThat(Scoring.problems(q("pain-nrs"), Answers.of("pain", "11"), false)).containsEntry("pain",
                "'" + Scoring.shortText(q("pain-nrs").item("pain").orElseThrow()) + "' must be 10 or less, not 11");
        assertThat(Scoring.problems(q("pain-nrs"), Answers.of("pain", "2.5"), false).get("pain")).contains("whole number");
        assertThat(Scoring.problems(q("pain-nrs"), Answers.of("elbow", "2"), false).get("elbow")).contains("There is no question 'elbow'");
        var before = List.of(new Score("pain", "", 7.0, null));
        assertThat(q("pain-nrs").rules().change(before, List.of(new Score("pain", "", 5.0, null)))).contains(Change.IMPROVED);
        assertThat(q("pain-nrs").rules().change(before, List.of(new Score("pain", "", 9.0, null)))).contains(Change.WORSE);
    }

    @Test
    void phq9BandsAndItsSelfHarmItemRaisesARedFlag() {
        assertThat(total("phq-9", all(9, "0"), "total")).isEqualTo(0.0);
        assertThat(total("phq-9", all(9, "3"), "total")).isEqualTo(27.0);
        Answers nine = all(9, "1");
        var scored = Scoring.score(q("phq-9"), nine);
        assertThat(scored.score("total").orElseThrow().band()).isEqualTo("Mild");
        assertThat(scored.redFlags()).extracting(ScoringRules.RedFlagRule::flag).containsExactly("SELF_HARM_THOUGHTS");
        Answers ten = all(9, "0").put("1", List.of("3")).put("2", List.of("3")).put("3", List.of("3")).put("4", List.of("1"));
        assertThat(Scoring.score(q("phq-9"), ten).score("total").orElseThrow().band()).isEqualTo("Moderate");
        assertThat(Scoring.score(q("phq-9"), ten).redFlags()).isEmpty();
        assertThat(total("phq-9", all(9, "2").put("4", List.of()), "total")).isNull();
    }

    @Test
    void gad7RangesFromMinimalToSevere() {
        assertThat(Scoring.score(q("gad-7"), all(7, "0")).score("total").orElseThrow().band()).isEqualTo("Minimal");
        assertThat(Scoring.score(q("gad-7"), all(7, "3")).score("total").orElseThrow()).extracting(Score::value, Score::band)
                .containsExactly(21.0, "Severe");
        Answers fifteen = all(7, "2").put("7", List.of("3"));
        assertThat(Scoring.score(q("gad-7"), fifteen).score("total").orElseThrow().band()).isEqualTo("Severe");
        Answers fourteen = all(7, "2");
        assertThat(Scoring.score(q("gad-7"), fourteen).score("total").orElseThrow().band()).isEqualTo("Moderate");
    }

    @Test
    void workQuestionsAskHoursOnlyOfPeopleWorking() {
        QuestionnaireDefinition work = q("work");
        Answers offSick = Answers.of("status", "EMPLOYED_OFF_SICK", "days-off", "20", "affected", "8");
        assertThat(Scoring.problems(work, offSick, true)).isEmpty();
        assertThat(Scoring.enabled(work, work.item("hours").orElseThrow(), offSick)).isFalse();
        Answers working = Answers.of("status", "EMPLOYED_WORKING", "affected", "3");
        assertThat(Scoring.problems(work, working, true)).containsOnlyKeys("days-off", "hours");
        Answers retired = Answers.of("status", "RETIRED", "affected", "2", "days-off", "3");
        assertThat(Scoring.score(work, retired).score("days-off").orElseThrow().computed()).as("not asked, so not scored").isFalse();
        assertThat(Scoring.problems(work, Answers.of("status", "ASTRONAUT"), false).get("status")).contains("not one of its answers");
    }

    @Test
    void globalRatingOfChangeRunsFromMinusThreeToThree() {
        assertThat(Scoring.score(q("groc"), Answers.of("change", "much-better")).score("change").orElseThrow()).extracting(Score::value, Score::band)
                .containsExactly(3.0, "Better");
        assertThat(Scoring.score(q("groc"), Answers.of("change", "same")).score("change").orElseThrow().band()).isEqualTo("About the same");
        assertThat(Scoring.score(q("groc"), Answers.of("change", "much-worse")).score("change").orElseThrow().value()).isEqualTo(-3.0);
    }
}

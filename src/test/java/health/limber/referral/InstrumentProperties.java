package health.limber.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of the scoring that hold for every possible set of answers. */
class InstrumentProperties {

    @Property
    void distressSubscaleNeverExceedsTheTotalAndRiskFollowsTheRules(
            @ForAll @Size(8) List<@IntRange(min = 0, max = 1) Integer> items, @ForAll @IntRange(min = 0, max = 4) int bothersome) {
        var answers = new java.util.ArrayList<>(items);
        answers.add(bothersome);
        var score = Instrument.START_BACK.score(answers);
        assertThat(score.distress()).isBetween(0, 5).isLessThanOrEqualTo(score.total());
        assertThat(score.total()).isBetween(0, 9);
        RiskGroup expected = score.distress() >= 4 ? RiskGroup.HIGH : score.total() <= 3 ? RiskGroup.LOW : RiskGroup.MEDIUM;
        assertThat(score.risk()).isEqualTo(expected);
    }

    @Property
    void startMskTotalStaysWithinZeroToTwelve(@ForAll @IntRange(min = 0, max = 10) int rating,
                                              @ForAll @Size(9) List<@IntRange(min = 0, max = 1) Integer> items) {
        var answers = new java.util.ArrayList<Integer>();
        answers.add(rating);
        answers.addAll(items);
        var score = Instrument.START_MSK.score(answers);
        assertThat(score.total()).isBetween(0, 12);
        assertThat(score.risk()).isEqualTo(score.total() <= 4 ? RiskGroup.LOW : score.total() <= 8 ? RiskGroup.MEDIUM : RiskGroup.HIGH);
    }
}

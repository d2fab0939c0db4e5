package health.limber.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** MSK-HQ's total is the sum of its item scores when complete, and never computed when any item is missing. */
class MskHqProperties {

    @Property
    void theTotalIsTheSumOfTheItemScores(@ForAll @Size(14) List<@IntRange(min = 0, max = 4) Integer> scores) {
        Answers answers = new Answers();
        for (int i = 0; i < 14; i++) {
            answers.add(String.valueOf(i + 1), String.valueOf(scores.get(i)));
        }
        assertThat(Scoring.score(Questionnaires.shipped("msk-hq"), answers).score("total").orElseThrow().value())
                .isEqualTo(scores.stream().mapToInt(Integer::intValue).sum());
    }

    @Property
    void noTotalWhenAnyItemIsMissing(@ForAll @Size(14) List<@IntRange(min = 0, max = 4) Integer> scores, @ForAll @IntRange(min = 1, max = 14) int missing) {
        Answers answers = new Answers();
        for (int i = 0; i < 14; i++) {
            if (i + 1 != missing) {
                answers.add(String.valueOf(i + 1), String.valueOf(scores.get(i)));
            }
        }
        var scored = Scoring.score(Questionnaires.shipped("msk-hq"), answers);
        assertThat(scored.score("total").orElseThrow().computed()).isFalse();
        assertThat(scored.complete()).isFalse();
    }
}

package health.limber.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** STarT Back and STarT MSK scoring at every threshold of DOMAIN.md §4. */
class InstrumentTests {

    /** STarT Back answers: items 1–4 agreeing {@code physical} times, items 5–8 {@code distress}, item 9 as given (0–4). */
    static List<Integer> startBack(int physical, int distress, int bothersome) {
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(i < physical ? 1 : 0);
        }
        for (int i = 0; i < 4; i++) {
            answers.add(i < distress ? 1 : 0);
        }
        answers.add(bothersome);
        return answers;
    }

    @Test
    void startBackTotalOfThreeIsLowRisk() {
        var score = Instrument.START_BACK.score(startBack(3, 0, 0));
        assertThat(score.total()).isEqualTo(3);
        assertThat(score.risk()).isEqualTo(RiskGroup.LOW);
    }

    @Test
    void startBackTotalOfFourWithSubscaleThreeIsMediumRisk() {
        var score = Instrument.START_BACK.score(startBack(1, 3, 0));
        assertThat(score.total()).isEqualTo(4);
        assertThat(score.distress()).isEqualTo(3);
        assertThat(score.risk()).isEqualTo(RiskGroup.MEDIUM);
    }

    @Test
    void startBackSubscaleOfFourIsHighRisk() {
        var score = Instrument.START_BACK.score(startBack(0, 3, 3));
        assertThat(score.total()).isEqualTo(4);
        assertThat(score.distress()).isEqualTo(4);
        assertThat(score.risk()).isEqualTo(RiskGroup.HIGH);
    }

    @Test
    void bothersomenessScoresOnlyForVeryMuchOrExtremely() {
        assertThat(Instrument.START_BACK.points(9, 0)).isZero();
        assertThat(Instrument.START_BACK.points(9, 1)).isZero();
        assertThat(Instrument.START_BACK.points(9, 2)).isZero();
        assertThat(Instrument.START_BACK.points(9, 3)).isEqualTo(1);
        assertThat(Instrument.START_BACK.points(9, 4)).isEqualTo(1);
    }

    @Test
    void startBackMaximumIsNineWithSubscaleFive() {
        var score = Instrument.START_BACK.score(startBack(4, 4, 4));
        assertThat(score.total()).isEqualTo(9);
        assertThat(score.distress()).isEqualTo(5);
    }

    static List<Integer> startMsk(int rating, int yeses) {
        List<Integer> answers = new ArrayList<>(List.of(rating));
        for (int i = 0; i < 9; i++) {
            answers.add(i < yeses ? 1 : 0);
        }
        return answers;
    }

    @Test
    void startMskThresholdsAreFourEightAndTwelve() {
        assertThat(Instrument.START_MSK.score(startMsk(0, 4)).risk()).isEqualTo(RiskGroup.LOW);
        assertThat(Instrument.START_MSK.score(startMsk(0, 5)).risk()).isEqualTo(RiskGroup.MEDIUM);
        assertThat(Instrument.START_MSK.score(startMsk(0, 8)).risk()).isEqualTo(RiskGroup.MEDIUM);
        assertThat(Instrument.START_MSK.score(startMsk(0, 9)).risk()).isEqualTo(RiskGroup.HIGH);
        var max = Instrument.START_MSK.score(startMsk(10, 9));
        assertThat(max.total()).isEqualTo(12);
        assertThat(max.risk()).isEqualTo(RiskGroup.HIGH);
        assertThat(max.distress()).isNull();
    }

    @Test
    void backPainAloneUsesStartBackAndAnyOtherSiteStartMsk() {
        assertThat(Instrument.forSites(Set.of(BodySite.BACK))).isEqualTo(Instrument.START_BACK);
        assertThat(Instrument.forSites(Set.of(BodySite.KNEE))).isEqualTo(Instrument.START_MSK);
        assertThat(Instrument.forSites(Set.of(BodySite.BACK, BodySite.NECK))).isEqualTo(Instrument.START_MSK);
    }

    @Test
    void aMissingOrImpossibleAnswerIsRefused() {
        assertThatThrownBy(() -> Instrument.START_BACK.score(List.of(1, 0))).hasMessageContaining("needs 9 answers");
        assertThatThrownBy(() -> Instrument.START_BACK.score(startBack(0, 0, 5))).hasMessageContaining("no answer 5");
    }
}

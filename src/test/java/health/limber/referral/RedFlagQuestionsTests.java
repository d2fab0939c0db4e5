package health.limber.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Red-flag routing (DOMAIN.md §4): every question, alone and together, reaches its level. */
class RedFlagQuestionsTests {

    static final RedFlagQuestions QUESTIONS = new RedFlagQuestions("");

    static Stream<RedFlagQuestion> everyQuestion() {
        return QUESTIONS.all().stream();
    }

    static List<String> allIds() {
        return QUESTIONS.all().stream().map(RedFlagQuestion::id).toList();
    }

    @ParameterizedTest
    @MethodSource("everyQuestion")
    void eachQuestionAnsweredYesAloneRoutesToItsLevel(RedFlagQuestion question) {
        RedFlagScreen screen = QUESTIONS.screen(allIds(), List.of(question.id()));
        assertThat(screen.level()).isEqualTo(question.level());
        assertThat(screen.hasRedFlag()).isTrue();
    }

    @Test
    void theSixCaudaEquinaQuestionsAreEmergenciesAndTheOthersUrgent() {
        assertThat(QUESTIONS.all().stream().filter(q -> q.level() == RedFlagLevel.EMERGENCY).map(RedFlagQuestion::id))
                .containsExactlyInAnyOrder("CES_BLADDER_BOWEL", "CES_SADDLE_NUMBNESS", "CES_SEXUAL_DYSFUNCTION",
                        "CES_BOTH_LEGS", "CES_LEG_WEAKNESS", "CES_GAIT");
        assertThat(QUESTIONS.all().stream().filter(q -> q.level() == RedFlagLevel.URGENT)).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void anEmergencyYesWinsOverAnyNumberOfUrgentOnes() {
        List<String> urgent = QUESTIONS.all().stream().filter(q -> q.level() == RedFlagLevel.URGENT).map(RedFlagQuestion::id).toList();
        var yes = new java.util.ArrayList<>(urgent);
        yes.add("CES_GAIT");
        assertThat(QUESTIONS.screen(allIds(), yes).level()).isEqualTo(RedFlagLevel.EMERGENCY);
    }

    @Test
    void allNoIsNoRedFlag() {
        assertThat(QUESTIONS.screen(allIds(), List.of()).level()).isEqualTo(RedFlagLevel.NONE);
    }

    @Test
    void caudaEquinaQuestionsAreAskedForBackPainAndNotForAWristAlone() {
        assertThat(QUESTIONS.toAsk(RedFlagLevel.EMERGENCY, Set.of(BodySite.BACK))).hasSize(6);
        assertThat(QUESTIONS.toAsk(RedFlagLevel.EMERGENCY, Set.of(BodySite.WRIST_HAND))).isEmpty();
        assertThat(QUESTIONS.toAsk(RedFlagLevel.URGENT, Set.of(BodySite.WRIST_HAND))).isNotEmpty();
    }

    @Test
    void anUnknownQuestionIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> QUESTIONS.screen(allIds(), List.of("NOT_A_FLAG")))
                .hasMessageContaining("NOT_A_FLAG");
    }
}

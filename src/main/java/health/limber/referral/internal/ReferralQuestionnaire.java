package health.limber.referral.internal;

import health.limber.referral.Instrument;
import health.limber.referral.InstrumentScore;
import health.limber.referral.RiskGroup;
import java.util.stream.Collectors;

/** The questionnaire the person answered (STarT MSK or a site-specific one) and its score. */
record ReferralQuestionnaire(Instrument instrument, String instrumentAnswers, Integer scoreTotal, Integer scoreDistress, RiskGroup riskGroup) {
    static ReferralQuestionnaire of(NewReferral details) {
        InstrumentScore score = details.score();
        return score == null ? null : new ReferralQuestionnaire(score.instrument(), details.instrumentAnswers() == null ? null
                : details.instrumentAnswers().stream().map(String::valueOf).collect(Collectors.joining(",")),
                score.total(), score.distress(), score.risk());
    }
}

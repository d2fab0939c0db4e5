package health.limber.referral.web;

import health.limber.referral.BodySite;
import health.limber.referral.Instrument;
import health.limber.referral.internal.ReferralInput;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/** What a self-referral draft means: where it hurts, which questionnaire applies, and the referral it makes. */
final class SelfReferralAnswers {

    private SelfReferralAnswers() {}

    static Set<BodySite> sites(SelfReferralDraft draft) {
        Set<BodySite> sites = EnumSet.noneOf(BodySite.class);
        draft.list("bodySites").forEach(s -> sites.add(BodySite.valueOf(s)));
        return sites;
    }

    /** The questionnaire for where it hurts (STarT MSK until that is known). */
    static Instrument instrument(SelfReferralDraft draft) {
        Set<BodySite> sites = sites(draft);
        return sites.isEmpty() ? Instrument.START_MSK : Instrument.forSites(sites);
    }

    /**
     * The referral the answers make. Incomplete ({@code complete} false) when a red flag records it
     * before the end: then only what was asked before the red-flag questions is in it.
     */
    static ReferralInput input(SelfReferralDraft draft, boolean complete, LocalDate today) {
        List<String> asked = new ArrayList<>(draft.list("emergency-asked"));
        asked.addAll(draft.list("urgent-asked"));
        List<String> yes = new ArrayList<>(draft.list("emergency"));
        yes.addAll(draft.list("urgent"));
        List<Integer> answers = null;
        if (complete) {
            Instrument instrument = instrument(draft);
            answers = IntStream.rangeClosed(1, instrument.itemCount())
                    .mapToObj(i -> draft.get("question-" + i).isBlank() ? null : Integer.valueOf(draft.get("question-" + i)))
                    .toList();
        }
        List<String> support = draft.list("support");
        return new ReferralInput("SELF", null, today.toString(), draft.get("gpPracticeCode"), null, null,
                draft.get("nhsNumber"), draft.get("givenName"), draft.get("familyName"), draft.get("birthDate"),
                draft.get("postcode"), draft.get("phone"), draft.get("email"), draft.list("contactPreferences"),
                complete ? draft.get("preferredLanguage") : "en", "yes".equals(draft.get("interpreterNeeded")),
                draft.list("accessibilityNeeds").stream().filter(n -> !n.equals("NONE")).toList(), null,
                draft.list("bodySites"), draft.get("symptomDuration"), null, "ROUTINE", asked.isEmpty() ? null : asked, yes,
                answers, complete ? draft.get("workStatus") : null,
                complete && !draft.get("daysOffWork").isBlank() ? Integer.valueOf(draft.get("daysOffWork")) : null,
                support.contains("EMPLOYMENT"), support.contains("DEBT"), complete ? "yes".equals(draft.get("consentToContact")) : Boolean.TRUE);
    }
}

package health.limber.referral.web;

import static health.limber.referral.web.SelfReferralAnswers.instrument;
import static health.limber.referral.web.SelfReferralAnswers.sites;
import static health.limber.referral.web.SelfReferralStep.first;

import health.limber.platform.LimberTime;
import health.limber.referral.BodySite;
import health.limber.referral.Instrument;
import health.limber.referral.RedFlagLevel;
import health.limber.referral.RedFlagQuestion;
import health.limber.referral.RedFlagQuestions;
import health.limber.referral.SymptomDuration;
import health.limber.outcome.InstrumentWording;
import health.limber.referral.internal.ReferralManagement;
import health.limber.referral.web.SelfReferralPage.Field;
import health.limber.referral.web.SelfReferralPage.Option;
import health.limber.referral.web.SelfReferralPage.Question;
import health.limber.referral.web.SelfReferralStep.Simple;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * Parts 2 and 3 of the self-referral: where it hurts, for how long, the red-flag questions (an
 * emergency or urgent answer records the referral at once), then the questionnaire for where it
 * hurts, one item per page.
 */
@Component
class SymptomSteps {

    private final ReferralManagement referrals;
    private final RedFlagQuestions questions;
    private final InstrumentWording wording;
    private final Clock clock;

    SymptomSteps(ReferralManagement referrals, RedFlagQuestions questions, InstrumentWording wording, Clock clock) {
        this.referrals = referrals;
        this.questions = questions;
        this.wording = wording;
        this.clock = clock;
    }

    /** Where it hurts, how long for, and the red-flag questions. */
    List<SelfReferralStep> symptoms() {
        return List.of(
                new Simple("where", 1, Set.of("bodySites"), (draft, errors) -> Question.single(Field.checkboxes("bodySites", "Where is your pain?",
                        Arrays.stream(BodySite.values()).map(b -> new Option(b.name(), b.label(), null)).toList(),
                        draft.list("bodySites"), null), "Select all that apply."), SymptomSteps::where),
                new Simple("how-long", 1, Set.of("symptomDuration"), (draft, errors) -> Question.single(Field.radios("symptomDuration",
                        "How long have you had this problem?", Arrays.stream(SymptomDuration.values()).map(d -> new Option(d.name(), d.label(), null)).toList(),
                        draft.get("symptomDuration")), null), SymptomSteps::howLong),
                redFlags(RedFlagLevel.EMERGENCY), redFlags(RedFlagLevel.URGENT));
    }

    /** One page per item of the questionnaire that applies to where it hurts. */
    List<SelfReferralStep> questionnaire(SelfReferralDraft draft) {
        Instrument instrument = instrument(draft);
        return IntStream.rangeClosed(1, instrument.itemCount()).mapToObj(this::item).toList();
    }

    private static String where(MultiValueMap<String, String> form, SelfReferralDraft draft, Map<String, String> errors) {
        List<String> sites = form.getOrDefault("bodySites", List.of());
        draft.putList("bodySites", sites.stream().filter(s -> Arrays.stream(BodySite.values()).anyMatch(b -> b.name().equals(s))).toList());
        if (draft.list("bodySites").isEmpty()) {
            errors.put("bodySites", "Select where your pain is");
        }
        // a different site can change which questionnaire applies: its answers start again
        draft.answered.removeIf(s -> s.startsWith("question-"));
        return null;
    }

    private static String howLong(MultiValueMap<String, String> form, SelfReferralDraft draft, Map<String, String> errors) {
        draft.put("symptomDuration", first(form, "symptomDuration"));
        if (Arrays.stream(SymptomDuration.values()).noneMatch(d -> d.name().equals(draft.get("symptomDuration")))) {
            errors.put("symptomDuration", "Select how long you have had the problem");
        }
        return null;
    }

    /**
     * The red-flag questions of a level for where it hurts. Any "yes" records the referral at once
     * with what is known (contact details were asked before), raising a same-day (emergency) or
     * 24-hour (urgent) task, so closing the browser now loses nothing; the person is told to go to
     * A&amp;E or call 999 now, or to contact their GP or 111 today and finish the form if they can.
     */
    private SelfReferralStep redFlags(RedFlagLevel level) {
        String step = level == RedFlagLevel.EMERGENCY ? "emergency" : "urgent";
        return new Simple(step, 1, Set.of(), (draft, errors) -> redFlagQuestion(step, level, draft), (form, draft, errors) -> {
            List<String> asked = questions.toAsk(level, sites(draft)).stream().map(RedFlagQuestion::id).toList();
            List<String> yes = form.getOrDefault(step, List.of()).stream().filter(asked::contains).toList();
            boolean none = form.getOrDefault(step, List.of()).contains("NONE");
            draft.putList(step + "-asked", asked);
            draft.putList(step, yes);
            if (yes.isEmpty() && !none) {
                errors.put(step, "Select any of these you have, or select 'None of these'");
            } else if (!yes.isEmpty() && none) {
                errors.put(step, "Select the symptoms you have, or 'None of these', not both");
            } else if (!yes.isEmpty()) {
                draft.done(step);
                referrals.recordSelfReferralAtRedFlag(SelfReferralAnswers.input(draft, false, LimberTime.today(clock)), draft.key);
                return level == RedFlagLevel.EMERGENCY ? "redirect:/self-referral/urgent-care" : "redirect:/self-referral/urgent-advice";
            }
            return null;
        });
    }

    private Question redFlagQuestion(String step, RedFlagLevel level, SelfReferralDraft draft) {
        List<Option> options = questions.toAsk(level, sites(draft)).stream()
                .map(q -> new Option(q.id(), q.patientText(), null)).toList();
        String title = level == RedFlagLevel.EMERGENCY ? "Do you have any of these symptoms?" : "Do any of these apply to you?";
        return Question.single(Field.checkboxes(step, title, options, draft.list(step), new Option("NONE", "None of these", null)),
                level == RedFlagLevel.EMERGENCY ? "These can be signs of a serious problem that needs treatment the same day. Select all that apply."
                        : "Select all that apply.");
    }

    private SelfReferralStep item(int item) {
        String step = "question-" + item;
        Set<String> fields = item == 1 ? Set.of("instrumentAnswers") : Set.of();
        return new Simple(step, 2, fields, (draft, errors) -> {
            Instrument instrument = instrument(draft);
            List<String> labels = instrument.scale(item).options();
            List<Option> options = IntStream.range(0, labels.size()).mapToObj(i -> new Option(String.valueOf(i), labels.get(i), null)).toList();
            return Question.single(Field.radios(step, wording.item(instrument.key(), instrument.title(), String.valueOf(item)), options, draft.get(step)),
                    "About the last 2 weeks. " + wording.notice(instrument.key(), instrument.title() + " © Keele University. Wording not installed: placeholders shown."));
        }, (form, draft, errors) -> {
            String value = first(form, step);
            draft.put(step, value);
            int options = instrument(draft).scale(item).options().size();
            if (!value.matches("[0-9]{1,2}") || Integer.parseInt(value) >= options) {
                errors.put(step, "Select an answer");
            }
            return null;
        });
    }
}

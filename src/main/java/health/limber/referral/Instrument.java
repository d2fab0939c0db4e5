package health.limber.referral;

import health.limber.outcome.Answers;
import health.limber.outcome.QuestionnaireDefinition;
import health.limber.outcome.Questionnaires;
import health.limber.outcome.Scoring;
import java.util.List;
import java.util.Set;

/**
 * A licensed risk-stratification questionnaire: its structure and scoring, never its wording
 * (Keele University's copyright). The item text comes from {@link InstrumentWording}.
 *
 * <p>STarT Back (back pain): 9 items; items 1–8 agree 1 / disagree 0; item 9 (bothersomeness)
 * scores 1 only for "very much" or "extremely". Total 0–9; distress subscale items 5–9 (0–5).
 * Low: total ≤ 3; medium: total ≥ 4 and subscale ≤ 3; high: subscale ≥ 4.
 *
 * <p>STarT MSK (other sites): 10 items, total 0–12; low 0–4, medium 5–8, high 9–12. Item 1 is a
 * 0–10 pain rating banded to 0–3 points; items 2–10 score yes 1 / no 0. The bands of item 1 are
 * structure the deploying service checks against its licensed scoring manual (hazard H-13).
 */
public enum Instrument {
    START_BACK("STarT Back", "start-back"),
    START_MSK("STarT MSK", "start-msk");

    /** The kinds of answer an item takes; each answer is stored as its index (0 = first option). */
    public enum Scale {
        AGREE_DISAGREE(List.of("Disagree", "Agree")),
        BOTHERSOME(List.of("Not at all", "Slightly", "Moderately", "Very much", "Extremely")),
        NO_YES(List.of("No", "Yes")),
        RATING_0_TO_10(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"));

        private final List<String> options;

        Scale(List<String> options) {
            this.options = options;
        }

        public List<String> options() {
            return options;
        }
    }

    private final String title;
    private final String key;

    Instrument(String title, String key) {
        this.title = title;
        this.key = key;
    }

    /** STarT Back for back pain alone; STarT MSK for any other site or more than one. */
    public static Instrument forSites(Set<BodySite> sites) {
        return sites.equals(Set.of(BodySite.BACK)) ? START_BACK : START_MSK;
    }

    public String title() {
        return title;
    }

    /** The prefix of this instrument's keys in the wording file. */
    public String key() {
        return key;
    }

    public int itemCount() {
        return this == START_BACK ? 9 : 10;
    }

    public Scale scale(int item) {
        checkItem(item);
        return switch (this) {
            case START_BACK -> item == 9 ? Scale.BOTHERSOME : Scale.AGREE_DISAGREE;
            case START_MSK -> item == 1 ? Scale.RATING_0_TO_10 : Scale.NO_YES;
        };
    }

    /** The points one answer (an option index) earns, from the option's points in the questionnaire. */
    public int points(int item, int answer) {
        Scale scale = scale(item);
        if (answer < 0 || answer >= scale.options().size()) {
            throw new IllegalArgumentException(title + " item " + item + " has no answer " + answer);
        }
        return definition().item(String.valueOf(item)).flatMap(i -> i.option(String.valueOf(answer)))
                .map(o -> o.ordinal().intValue()).orElseThrow();
    }

    /**
     * Scores a complete set of answers (option indexes, item 1 first) with the outcome module's
     * scoring engine and the rules shipped beside the instrument's questionnaire.
     */
    public InstrumentScore score(List<Integer> answers) {
        if (answers.size() != itemCount()) {
            throw new IllegalArgumentException(title + " needs " + itemCount() + " answers, not " + answers.size());
        }
        Answers given = new Answers();
        for (int item = 1; item <= itemCount(); item++) {
            points(item, answers.get(item - 1));
            given.add(String.valueOf(item), String.valueOf(answers.get(item - 1)));
        }
        Scoring.Scored scored = Scoring.score(definition(), given);
        int total = scored.score("total").orElseThrow().value().intValue();
        Integer distress = scored.score("distress").map(s -> s.value().intValue()).orElse(null);
        return new InstrumentScore(this, total, distress, RiskGroup.valueOf(scored.group().orElseThrow()));
    }

    private QuestionnaireDefinition definition() {
        return Questionnaires.shipped(key);
    }

    private void checkItem(int item) {
        if (item < 1 || item > itemCount()) {
            throw new IllegalArgumentException(title + " has no item " + item);
        }
    }
}

package health.limber.outcome;

import health.limber.outcome.internal.OutcomeReports;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * Outcome figures per ICB over a period, for programme reports: the change in the MSK-HQ from
 * baseline to discharge (discharge questionnaires due in the period), and work status at baseline
 * against discharge or follow-up. The same sums as the outcome report; the caller decides which ICBs
 * the reader may see.
 */
@Service
public class OutcomeFigures {

    /** The questionnaire whose change programme reports show. */
    public static final String HEADLINE_INSTRUMENT = "msk-hq";

    /**
     * One ICB's figures: MSK-HQ pairs, the sum of their changes (points, higher is better) and how many
     * improved by at least the meaningful change; people not working at baseline and how many were
     * working later.
     */
    public record Outcomes(long pairs, double changeSum, long improved, long notWorkingAtBaseline, long backInWork) {
        public static final Outcomes NONE = new Outcomes(0, 0, 0, 0, 0);

        public Outcomes plus(Outcomes o) {
            return new Outcomes(pairs + o.pairs, changeSum + o.changeSum, improved + o.improved, notWorkingAtBaseline + o.notWorkingAtBaseline,
                    backInWork + o.backInWork);
        }

        /** The mean change in points, or null without pairs. */
        public Double meanChange() {
            return pairs == 0 ? null : changeSum / pairs;
        }
    }

    private final OutcomeReports reports;

    OutcomeFigures(OutcomeReports reports) {
        this.reports = reports;
    }

    public Map<String, Outcomes> of(Collection<String> icbs, LocalDate from, LocalDate to) {
        Map<String, Outcomes> figures = new TreeMap<>();
        for (String icb : icbs) {
            OutcomeReports.Report report = reports.forIcbs(new OutcomeReports.Filter(icb, from, to, null), Set.of(icb));
            var headline = report.paired().stream().filter(p -> p.instrument().equals(HEADLINE_INSTRUMENT)).findFirst();
            long pairs = headline.map(OutcomeReports.Paired::pairs).orElse(0);
            double change = headline.map(p -> (p.after() - p.before()) * p.pairs()).orElse(0.0);
            Outcomes outcomes = new Outcomes(pairs, change, headline.map(OutcomeReports.Paired::improved).orElse(0L),
                    report.work().notWorkingAtBaseline(), report.work().backInWork());
            if (!outcomes.equals(Outcomes.NONE)) {
                figures.put(icb, outcomes);
            }
        }
        return figures;
    }
}

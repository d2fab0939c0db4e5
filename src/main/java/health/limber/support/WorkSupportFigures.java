package health.limber.support;

import health.limber.support.internal.SupportReports;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * Work and money support per ICB over a period, for programme reports: people referred for support
 * in the period, those seen by the service's own advisers, and of those not working when their
 * episode opened, how many were back in work (the work outcomes report's figures). The caller decides
 * which ICBs the reader may see.
 */
@Service
public class WorkSupportFigures {

    public record Support(long referred, long seen, long notWorkingAtBaseline, long backInWork) {
        public static final Support NONE = new Support(0, 0, 0, 0);

        public Support plus(Support o) {
            return new Support(referred + o.referred, seen + o.seen, notWorkingAtBaseline + o.notWorkingAtBaseline, backInWork + o.backInWork);
        }
    }

    private final SupportReports reports;

    WorkSupportFigures(SupportReports reports) {
        this.reports = reports;
    }

    public Map<String, Support> of(Collection<String> icbs, LocalDate from, LocalDate to) {
        Map<String, Support> figures = new TreeMap<>();
        for (String icb : icbs) {
            reports.forIcbs(new SupportReports.Filter(icb, from, to, null, false), Set.of(icb)).rows().stream()
                    .filter(row -> row.icb().equals("TOTAL") && row.referred() > 0).findFirst()
                    .ifPresent(row -> figures.put(icb, new Support(row.referred(), row.seen(), row.notWorkingAtBaseline(), row.backInWork())));
        }
        return figures;
    }
}

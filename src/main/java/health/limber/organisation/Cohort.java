package health.limber.organisation;

import java.time.LocalDate;
import java.util.List;

/**
 * A programme cohort (DOMAIN.md §9): a named set of ICB areas over a period, with its funding. An
 * ICB may be in several cohorts. The period and funding may not be known yet when a cohort is set up.
 *
 * @param icbs the member ICBs' codes, in the programme's listing order
 */
public record Cohort(String code, String name, LocalDate periodStart, LocalDate periodEnd, Long fundingPounds, String description,
                     List<String> icbs) {

    public boolean hasPeriod() {
        return periodStart != null && periodEnd != null;
    }
}

package health.limber.reporting.internal;

import health.limber.exercise.UsefulnessFigures.Usefulness;
import health.limber.outcome.OutcomeFigures.Outcomes;
import health.limber.support.WorkSupportFigures.Support;
import health.limber.waitinglist.SeenQuicker;
import health.limber.waitinglist.WaitingListFigures.Waiters;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The cohort report's exact figures (DOMAIN.md §9) for a set of ICBs over a period: one line per
 * area and the total, summed from the areas' counts. What a reader sees of it is {@link Published}.
 *
 * @param title the cohort's name, or "Chosen areas"
 * @param outside the cohort's areas left out because the reader's organisation does not serve them
 * @param anyData whether any waiting-list clock ran in these areas in the period
 */
public record CohortReport(String title, String cohortCode, LocalDate from, LocalDate to, Long fundingPounds, String description,
                           List<Area> areas, Area total, List<String> outside, boolean anyData) {

    /** One area's figures (or the total's, with the code "TOTAL"). */
    public record Area(String icb, String name, Waiters atStart, Waiters atEnd, Map<String, Long> seenByKind, long seen, SeenQuicker quicker,
                       Usefulness usefulness, Outcomes outcomes, Support support) {}
}

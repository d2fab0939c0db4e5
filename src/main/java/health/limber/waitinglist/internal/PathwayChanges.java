package health.limber.waitinglist.internal;

import health.limber.waitinglist.Pathway;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a later file says about a pathway already held, turned into clock events on the aggregate.
 * Anything the rules cannot accept (a different NHS number, a clock that moved backwards) is refused
 * with the column and the reason, and the pathway is left as it was.
 */
final class PathwayChanges {

    private PathwayChanges() {}

    /** @return whether anything changed */
    static boolean apply(Pathway pathway, WlmdsRow row, LocalDate today) {
        if (!pathway.nhsNumber().equals(row.nhsNumber())) {
            throw new Refused(new ImportProblem(row.line(), WlmdsColumns.NHS_NUMBER,
                    "This pathway is held with a different NHS number; a pathway key cannot move to another patient"));
        }
        LocalDate on = row.censusDate() != null ? row.censusDate() : today;
        int eventsBefore = pathway.events().size();
        String functionBefore = pathway.treatmentFunction();
        ClockPeriod current = pathway.currentPeriod().orElseThrow();

        if (row.start().equals(current.start())) {
            boolean sameStop = Objects.equals(row.end(), current.end()) && Objects.equals(row.endReason(), current.endReason());
            if (!sameStop) {
                if (current.end() != null) {
                    throw new Refused(new ImportProblem(row.line(), WlmdsColumns.END, "This clock already stopped on "
                            + current.end() + " (" + current.endReason() + "); a later file cannot change or remove that stop"));
                }
                pathway.stopClock(row.end(), row.endReason());
            }
        } else if (current.end() != null && !row.start().isBefore(current.end())) {
            pathway.startClock(row.start());
            if (row.end() != null) {
                pathway.stopClock(row.end(), row.endReason());
            }
        } else {
            throw new Refused(new ImportProblem(row.line(), WlmdsColumns.START, "The clock start " + row.start()
                    + " does not match the clock held for this pathway (started " + current.start()
                    + (current.end() == null ? ", still running" : ", stopped " + current.end()) + ")"));
        }
        pathway.changePriority(on, row.priority());
        pathway.transfer(on, row.provider(), row.commissioner());
        if (!row.function().equals(functionBefore)) {
            pathway.changeTreatmentFunction(row.function());
        }
        return pathway.events().size() != eventsBefore || !row.function().equals(functionBefore);
    }

    /** A row the held pathway cannot accept. */
    static final class Refused extends RuntimeException {

        private final transient ImportProblem problem;

        Refused(ImportProblem problem) {
            super(problem.message());
            this.problem = problem;
        }

        ImportProblem problem() {
            return problem;
        }
    }
}

package health.limber.waitinglist.internal;

import java.util.List;

/**
 * What an import did. {@code committed} is false when nothing was written: a dry run, or an
 * all-or-nothing import with any problem. {@code problems} holds the first few; {@code rejected} counts all.
 */
public record ImportSummary(long rowsRead, long created, long updated, long unchanged, long rejected,
                            List<String> warnings, List<ImportProblem> problems, boolean committed, boolean dryRun) {

    public boolean hasProblems() {
        return rejected > 0 || problems.stream().anyMatch(problem -> problem.line() == 0);
    }
}

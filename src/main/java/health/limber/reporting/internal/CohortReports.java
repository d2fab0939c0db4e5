package health.limber.reporting.internal;

import health.limber.exercise.UsefulnessFigures;
import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.organisation.Cohort;
import health.limber.organisation.Cohorts;
import health.limber.organisation.Icb;
import health.limber.organisation.Organisations;
import health.limber.outcome.OutcomeFigures;
import health.limber.platform.InvalidFieldsException;
import health.limber.platform.InvalidInputException;
import health.limber.support.WorkSupportFigures;
import health.limber.waitinglist.SeenQuicker;
import health.limber.waitinglist.WaitingListFigures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Works out the cohort report from each module's public figures, for a cohort or any set of ICBs and
 * period. Service managers and analysts see the areas their organisation serves (the rest of a
 * cohort's areas are named as left out); the command line, run by the database's owner, reads as a
 * service manager of every area.
 */
@Service
public class CohortReports {

    private final Cohorts cohorts;
    private final Organisations organisations;
    private final WaitingListFigures waitingList;
    private final UsefulnessFigures usefulness;
    private final OutcomeFigures outcomes;
    private final WorkSupportFigures support;
    private final CurrentActor currentActor;

    CohortReports(Cohorts cohorts, Organisations organisations, WaitingListFigures waitingList, UsefulnessFigures usefulness,
                  OutcomeFigures outcomes, WorkSupportFigures support, CurrentActor currentActor) {
        this.cohorts = cohorts;
        this.organisations = organisations;
        this.waitingList = waitingList;
        this.usefulness = usefulness;
        this.outcomes = outcomes;
        this.support = support;
        this.currentActor = currentActor;
    }

    /**
     * What a report covers: its title, the cohort (null for chosen areas), the period, funding, and
     * the areas the reader may see ({@code icbs}) and those left out ({@code outside}, by name).
     */
    public record Scope(String title, String cohortCode, LocalDate from, LocalDate to, Long fundingPounds, String description, List<String> icbs,
                        List<String> outside) {}

    /** The report for a cohort (by code or name) over its period. */
    public CohortReport forCohort(String codeOrName) {
        return report(cohortScope(codeOrName));
    }

    /** The report for any ICBs (ODS codes, as typed) over a period, without funding. */
    public CohortReport forAreas(Collection<String> icbCodes, LocalDate from, LocalDate to) {
        return report(areasScope(icbCodes, from, to));
    }

    /** A cohort's scope for the reader: checked, with the areas they may see. */
    public Scope cohortScope(String codeOrName) {
        checkReader();
        Cohort cohort = cohorts.find(codeOrName)
                .orElseThrow(() -> new InvalidInputException("cohort", "There is no cohort called " + codeOrName));
        if (!cohort.hasPeriod()) {
            throw new InvalidInputException("cohort", cohort.name() + " has no period yet: an administrator enters it under Cohorts");
        }
        return scope(cohort.name(), cohort.code(), cohort.periodStart(), cohort.periodEnd(), cohort.fundingPounds(), cohort.description(),
                cohort.icbs());
    }

    /** Chosen areas' scope for the reader: every rule checked at once (the period in order, real ICB codes, at least one). */
    public Scope areasScope(Collection<String> icbCodes, LocalDate from, LocalDate to) {
        checkReader();
        var errors = new InvalidFieldsException.Collector();
        if (from == null) {
            errors.add("from", "Enter the first day of the period");
        }
        if (to == null) {
            errors.add("to", "Enter the last day of the period");
        } else if (from != null && to.isBefore(from)) {
            errors.add("to", "The end of the period must be on or after its start");
        }
        Set<String> icbs = new LinkedHashSet<>();
        for (String typed : icbCodes == null ? List.<String>of() : icbCodes) {
            String icb = typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
            if (icb.isEmpty()) {
                continue;
            }
            if (!Icb.isIcbCode(icb)) {
                errors.add("icb", icb + " is not an ICB's ODS code: Q followed by 2 letters or numbers, for example QHL");
            } else if (organisations.icb(icb).isEmpty()) {
                errors.add("icb", "There is no ICB " + icb);
            }
            icbs.add(icb);
        }
        if (icbs.isEmpty()) {
            errors.add("icb", "Choose at least one ICB area");
        }
        errors.throwIfAny();
        return scope("Chosen areas", null, from, to, null, null, List.copyOf(icbs));
    }

    private void checkReader() {
        currentActor.find().ifPresent(actor -> {
            if (actor.role() != Role.SERVICE_MANAGER && actor.role() != Role.ANALYST) {
                throw new AccessDeniedException("Programme reports are for service managers and analysts");
            }
        });
    }

    private Scope scope(String title, String code, LocalDate from, LocalDate to, Long funding, String description, List<String> wanted) {
        Optional<Actor> actor = currentActor.find();
        List<String> icbs = wanted.stream().filter(icb -> actor.map(a -> a.serves(icb)).orElse(true)).toList();
        return new Scope(title, code, from, to, funding, description, icbs, wanted.stream().filter(icb -> !icbs.contains(icb)).map(this::name).toList());
    }

    private CohortReport report(Scope scope) {
        List<String> icbs = scope.icbs();
        LocalDate from = scope.from();
        LocalDate to = scope.to();
        var atStart = waitingList.waiters(from, icbs);
        var atEnd = waitingList.waiters(to, icbs);
        var seen = waitingList.firstContacts(icbs, from, to);
        var useful = usefulness.of(icbs, from, to);
        var outcome = outcomes.of(icbs, from, to);
        var work = support.of(icbs, from, to);
        List<CohortReport.Area> areas = new ArrayList<>();
        for (String icb : icbs) {
            Map<String, Long> byKind = seen.getOrDefault(icb, Map.of());
            areas.add(new CohortReport.Area(icb, name(icb), atStart.getOrDefault(icb, WaitingListFigures.Waiters.NONE),
                    atEnd.getOrDefault(icb, WaitingListFigures.Waiters.NONE), byKind, byKind.values().stream().mapToLong(Long::longValue).sum(),
                    waitingList.seenQuicker(icb, from, to), useful.getOrDefault(icb, UsefulnessFigures.Usefulness.NONE),
                    outcome.getOrDefault(icb, OutcomeFigures.Outcomes.NONE), work.getOrDefault(icb, WorkSupportFigures.Support.NONE)));
        }
        return new CohortReport(scope.title(), scope.cohortCode(), from, to, scope.fundingPounds(), scope.description(), List.copyOf(areas),
                total(areas), scope.outside(), waitingList.anyPathways(icbs, from, to));
    }

    String name(String icb) {
        return organisations.icb(icb).map(Icb::pilotArea).orElse(icb);
    }

    /** The total line: every count summed over the areas (percentages are worked out from these sums, never averaged). */
    static CohortReport.Area total(List<CohortReport.Area> areas) {
        var start = WaitingListFigures.Waiters.NONE;
        var end = WaitingListFigures.Waiters.NONE;
        Map<String, Long> byKind = new TreeMap<>();
        Map<String, SeenQuicker.Counts> quickerByKind = new HashMap<>();
        long seen = 0, sqSeen = 0, quicker = 0, saved = 0, notWithin = 0;
        double capacity = 0;
        var useful = UsefulnessFigures.Usefulness.NONE;
        var outcome = OutcomeFigures.Outcomes.NONE;
        var work = WorkSupportFigures.Support.NONE;
        for (CohortReport.Area a : areas) {
            start = new WaitingListFigures.Waiters(start.total() + a.atStart().total(), start.weeks18Plus() + a.atStart().weeks18Plus(),
                    start.weeks52Plus() + a.atStart().weeks52Plus());
            end = new WaitingListFigures.Waiters(end.total() + a.atEnd().total(), end.weeks18Plus() + a.atEnd().weeks18Plus(),
                    end.weeks52Plus() + a.atEnd().weeks52Plus());
            a.seenByKind().forEach((kind, n) -> byKind.merge(kind, n, Long::sum));
            a.quicker().byKind().forEach((kind, c) -> quickerByKind.merge(kind, c, SeenQuicker.Counts::plus));
            seen += a.seen();
            sqSeen += a.quicker().seen();
            quicker += a.quicker().quicker();
            saved += a.quicker().weeksSaved();
            notWithin += a.quicker().notWithinHorizon();
            capacity += a.quicker().capacityPerWeek();
            useful = useful.plus(a.usefulness());
            outcome = outcome.plus(a.outcomes());
            work = work.plus(a.support());
        }
        return new CohortReport.Area("TOTAL", "Total", start, end, byKind, seen,
                new SeenQuicker("TOTAL", capacity, sqSeen, quicker, saved, notWithin, quickerByKind), useful, outcome, work);
    }
}

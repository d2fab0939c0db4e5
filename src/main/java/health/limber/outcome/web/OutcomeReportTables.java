package health.limber.outcome.web;

import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.organisation.Icb;
import health.limber.organisation.Organisations;
import health.limber.outcome.internal.OutcomeReports;
import health.limber.outcome.internal.OutcomeReports.Paired;
import health.limber.outcome.internal.OutcomeReports.Report;
import health.limber.outcome.internal.OutcomeReports.Returns;
import health.limber.platform.Suppression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The outcome report as the reader may see it, one set of tables for the page, the PDF and the CSV:
 * analysts see published figures (counts of 1 to 7 as *, others rounded to 5, rates and means from
 * rounded counts, and no mean or interval over fewer than 8 pairs); service managers see exact ones.
 */
@Component
class OutcomeReportTables {

    static final List<String> RETURNS = List.of("ICB", "Time point", "Due", "Returned", "Return rate %", "With reminders: due",
            "With reminders: rate %", "Without reminders: due", "Without reminders: rate %");
    static final List<String> PAIRED = List.of("Questionnaire", "Score", "People (baseline and discharge)", "Mean at baseline",
            "Mean at discharge", "Mean change", "95% CI", "Improved %", "No meaningful change %", "Worse %");
    static final List<String> WORK = List.of("People answering at baseline and later", "Not working at baseline", "Back in work",
            "Back in work %", "Working at baseline", "Stayed in work", "Stayed in work %");

    record Tables(List<List<String>> returns, List<List<String>> paired, List<List<String>> work, boolean suppressed) {}

    private final CurrentActor currentActor;
    private final Organisations organisations;
    private final java.time.Clock clock;

    OutcomeReportTables(CurrentActor currentActor, Organisations organisations, java.time.Clock clock) {
        this.currentActor = currentActor;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** The kinds of care questionnaires are scheduled for (the referral module's care pathways that treat people). */
    static final Map<String, String> KINDS = kinds();

    private static Map<String, String> kinds() {
        Map<String, String> kinds = new java.util.LinkedHashMap<>();
        kinds.put("PHYSIOTHERAPY", "1:1 physiotherapy");
        kinds.put("ONE_STOP_CLINIC", "One-stop clinic day");
        kinds.put("GROUP_CLASS", "Group class");
        kinds.put("DIGITAL_SELF_MANAGEMENT", "Digital self-management");
        return java.util.Collections.unmodifiableMap(kinds);
    }

    /** The report's filter from the page's or the API's parameters: the last 12 months unless dates are given. */
    OutcomeReports.Filter filter(String icb, String from, String to, String kind) {
        java.time.LocalDate today = health.limber.platform.LimberTime.today(clock);
        String kindOfCare = kind == null || kind.isBlank() ? null : kind;
        if (kindOfCare != null && !KINDS.containsKey(kindOfCare)) {
            throw new health.limber.platform.InvalidInputException("kind", "There is no kind of care " + kind);
        }
        return new OutcomeReports.Filter(icb == null || icb.isBlank() ? null : icb, date(from, "from", today.minusYears(1)), date(to, "to", today),
                kindOfCare);
    }

    private static java.time.LocalDate date(String value, String field, java.time.LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return java.time.LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new health.limber.platform.InvalidInputException(field, "Enter the date as yyyy-mm-dd, for example 2025-03-31");
        }
    }


    boolean suppressed() {
        return currentActor.get().role() == Role.ANALYST;
    }

    Tables of(Report report) {
        boolean suppressed = suppressed();
        List<List<String>> returns = new ArrayList<>();
        for (Returns r : report.returns()) {
            returns.add(List.of(r.icb().equals("TOTAL") ? "All ICBs" : organisations.icb(r.icb()).map(Icb::pilotArea).orElse(r.icb()),
                    r.point().label(), count(r.due(), suppressed), count(r.returned(), suppressed), rate(r.returned(), r.due(), suppressed),
                    count(r.dueReminded(), suppressed), rate(r.returnedReminded(), r.dueReminded(), suppressed),
                    count(r.dueNotReminded(), suppressed), rate(r.returnedNotReminded(), r.dueNotReminded(), suppressed)));
        }
        List<List<String>> paired = new ArrayList<>();
        for (Paired p : report.paired()) {
            boolean hidden = suppressed && p.pairs() <= 7;
            String direction = p.higherIsBetter() ? "higher is better" : "lower is better";
            paired.add(List.of(p.title(), p.score() + " (" + direction + "; meaningful " + OutcomeReports.oneDecimal(p.meaningful()) + ")",
                    count(p.pairs(), suppressed), hidden ? "*" : OutcomeReports.oneDecimal(p.before()), hidden ? "*" : OutcomeReports.oneDecimal(p.after()),
                    hidden ? "*" : signed(p.change().mean()),
                    hidden || p.change().low() == null ? (hidden ? "*" : "") : signed(p.change().low()) + " to " + signed(p.change().high()),
                    rate(p.improved(), p.pairs(), suppressed), rate(p.same(), p.pairs(), suppressed), rate(p.worse(), p.pairs(), suppressed)));
        }
        var w = report.work();
        List<List<String>> work = w.pairs() == 0 ? List.of() : List.of(List.of(count(w.pairs(), suppressed), count(w.notWorkingAtBaseline(), suppressed),
                count(w.backInWork(), suppressed), rate(w.backInWork(), w.notWorkingAtBaseline(), suppressed), count(w.workingAtBaseline(), suppressed),
                count(w.stayedInWork(), suppressed), rate(w.stayedInWork(), w.workingAtBaseline(), suppressed)));
        return new Tables(returns, paired, work, suppressed);
    }

    static String count(long value, boolean suppressed) {
        return Suppression.count(value, suppressed);
    }

    static String rate(long part, long whole, boolean suppressed) {
        return Suppression.rate(part, whole, suppressed);
    }

    static String signed(double value) {
        String shown = OutcomeReports.oneDecimal(value);
        return value > 0 && !shown.equals("0.0") ? "+" + shown : shown;
    }
}

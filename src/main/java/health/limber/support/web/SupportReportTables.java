package health.limber.support.web;

import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.organisation.Icb;
import health.limber.organisation.Organisations;
import health.limber.platform.InvalidInputException;
import health.limber.platform.LimberTime;
import health.limber.platform.Suppression;
import health.limber.referral.CarePathway;
import health.limber.support.internal.SupportReports;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The work outcomes report as the reader may see it, one table for the page, CSV, PDF and API:
 * analysts see published figures (counts of 1 to 7 as *, others rounded to 5, rates from rounded
 * counts, no median over fewer than 8 people); service managers see exact ones.
 */
@Component
class SupportReportTables {

    static final List<String> HEAD = List.of("ICB", "Hub", "Kind of care", "Asked for help", "Referred", "Seen by an adviser", "Not working at start",
            "Back in work", "Back in work %", "Working at start", "Stayed in work", "Stayed in work %", "Median days to first adviser contact");

    /** The kinds of care support hangs on, with short names that fit a phone (the referral module's care pathways). */
    static final java.util.Map<String, String> KINDS = kinds();

    private static java.util.Map<String, String> kinds() {
        java.util.Map<String, String> kinds = new java.util.LinkedHashMap<>();
        kinds.put("PHYSIOTHERAPY", "1:1 physiotherapy");
        kinds.put("ONE_STOP_CLINIC", "One-stop clinic day");
        kinds.put("GROUP_CLASS", "Group class");
        kinds.put("DIGITAL_SELF_MANAGEMENT", "Digital self-management");
        kinds.put("ADVICE_AND_DISCHARGE", "Advice and discharge");
        kinds.put("URGENT_ONWARD_REFERRAL", "Urgent onward referral");
        return java.util.Collections.unmodifiableMap(kinds);
    }

    private final Organisations organisations;
    private final CurrentActor currentActor;
    private final Clock clock;

    private final health.limber.clinic.Hubs hubs;

    SupportReportTables(Organisations organisations, CurrentActor currentActor, Clock clock, health.limber.clinic.Hubs hubs) {
        this.hubs = hubs;
        this.organisations = organisations;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** The report's filter from the page's or the API's parameters: the last 12 months unless dates are given; {@code by} "hub" for rows per hub. */
    SupportReports.Filter filter(String icb, String from, String to, String kind, String by) {
        LocalDate today = LimberTime.today(clock);
        String kindOfCare = SupportController.choice(CarePathway.class, "kind", kind) == null ? null : kind.strip();
        LocalDate start = date(from, "from", today.minusYears(1));
        LocalDate end = date(to, "to", today);
        if (end.isBefore(start)) {
            throw new InvalidInputException("to", "The end of the period must be on or after its start");
        }
        if (by != null && !by.isBlank() && !by.equals("hub") && !by.equals("kind")) {
            throw new InvalidInputException("by", "Group the rows by kind (of care) or hub");
        }
        return new SupportReports.Filter(icb == null || icb.isBlank() ? null : icb.strip(), start, end, kindOfCare, "hub".equals(by));
    }

    private static LocalDate date(String value, String field, LocalDate otherwise) {
        LocalDate typed = SupportController.date(field, value);
        return typed == null ? otherwise : typed;
    }

    boolean suppressed() {
        return currentActor.get().role() == Role.ANALYST;
    }

    List<List<String>> rows(SupportReports.Report report) {
        boolean suppressed = suppressed();
        List<List<String>> rows = new ArrayList<>();
        java.util.Map<String, String> hubNames = new java.util.HashMap<>();
        hubs.inIcbs(currentActor.get().servedIcbs()).forEach(h -> hubNames.put(h.id().toString(), h.name()));
        for (SupportReports.Row r : report.rows()) {
            String icb = r.icb().equals("TOTAL") ? "All ICBs" : organisations.icb(r.icb()).map(Icb::pilotArea).orElse(r.icb());
            String kind = r.kindOfCare().equals("TOTAL") || r.kindOfCare().equals(SupportReports.ALL) ? "All"
                    : KINDS.getOrDefault(r.kindOfCare(), "Imported pathway");
            String median = r.medianDaysToContact() == null || (suppressed && r.contacted() < 8) ? (r.contacted() == 0 ? "" : "*")
                    : java.math.BigDecimal.valueOf(r.medianDaysToContact()).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
            String hub = switch (r.hub()) {
                case "TOTAL", SupportReports.ALL -> "All";
                case SupportReports.NO_HUB -> "No hub assigned";
                default -> hubNames.getOrDefault(r.hub(), "Another hub");
            };
            rows.add(List.of(icb, hub, kind, Suppression.count(r.asked(), suppressed), Suppression.count(r.referred(), suppressed),
                    Suppression.count(r.seen(), suppressed), Suppression.count(r.notWorkingAtBaseline(), suppressed),
                    Suppression.count(r.backInWork(), suppressed), Suppression.rate(r.backInWork(), r.notWorkingAtBaseline(), suppressed),
                    Suppression.count(r.workingAtBaseline(), suppressed), Suppression.count(r.stayedInWork(), suppressed),
                    Suppression.rate(r.stayedInWork(), r.workingAtBaseline(), suppressed), median));
        }
        return rows;
    }
}

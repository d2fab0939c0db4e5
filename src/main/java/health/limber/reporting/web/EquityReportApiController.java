package health.limber.reporting.web;

import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.reporting.internal.CohortReports;
import health.limber.reporting.internal.EquityReport;
import health.limber.reporting.internal.EquityReports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The equity report as JSON, the same figures as its page and CSV. */
@RestController
@Tag(name = "Programme reports")
class EquityReportApiController {

    private final CohortReports cohorts;
    private final EquityReports equity;
    private final CurrentActor currentActor;

    EquityReportApiController(CohortReports cohorts, EquityReports equity, CurrentActor currentActor) {
        this.cohorts = cohorts;
        this.equity = equity;
        this.currentActor = currentActor;
    }

    @Operation(summary = "The cohort's measures by age band, sex, ethnic group, deprivation quintile and language", description = "Per group "
            + "and in total: 18+ week waiters at the start and end, people seen, seen quicker, weeks saved, usefulness and how well it worked. "
            + "Analysts get published figures (small numbers withheld, with secondary suppression).")
    @GetMapping("/api/reports/cohorts/{code}/equity")
    Map<String, Object> cohort(@PathVariable String code) {
        return json(equity.report(cohorts.cohortScope(code)));
    }

    @Operation(summary = "The equity report for any ICBs over a period", description = "icb: ODS codes (repeat the parameter); from and to: yyyy-mm-dd.")
    @GetMapping("/api/reports/equity")
    Map<String, Object> areas(@RequestParam(name = "icb", required = false) List<String> icbs, @RequestParam(required = false) String from,
                              @RequestParam(required = false) String to) {
        return json(equity.report(cohorts.areasScope(icbs, CohortReportController.date(from, "from"), CohortReportController.date(to, "to"))));
    }

    private Map<String, Object> json(EquityReport report) {
        boolean suppressed = currentActor.get().role() == Role.ANALYST;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", report.scope().title());
        body.put("from", report.scope().from().toString());
        body.put("to", report.scope().to().toString());
        body.put("suppressed", suppressed);
        body.put("anyData", report.anyData());
        body.put("areasLeftOut", report.scope().outside());
        body.put("deprivationSource", report.deprivationSource());
        body.put("splits", report.published(suppressed));
        return body;
    }
}

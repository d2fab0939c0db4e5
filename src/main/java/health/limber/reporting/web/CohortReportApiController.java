package health.limber.reporting.web;

import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.organisation.Cohort;
import health.limber.organisation.Cohorts;
import health.limber.reporting.internal.CohortReport;
import health.limber.reporting.internal.CohortReports;
import health.limber.reporting.internal.Published;
import health.limber.waitinglist.SeenQuicker;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The cohort report as JSON: the same {@link Published} figures as the page, CSV, board paper and command line. */
@RestController
@Tag(name = "Programme reports")
class CohortReportApiController {

    private final CohortReports reports;
    private final Cohorts cohorts;
    private final CurrentActor currentActor;

    CohortReportApiController(CohortReports reports, Cohorts cohorts, CurrentActor currentActor) {
        this.reports = reports;
        this.cohorts = cohorts;
        this.currentActor = currentActor;
    }

    @Operation(summary = "The programme's cohorts: name, period, funding and member ICBs (service managers and analysts)")
    @GetMapping("/api/reports/cohorts")
    List<Cohort> cohorts() {
        Role role = currentActor.get().role();
        if (role != Role.SERVICE_MANAGER && role != Role.ANALYST && !role.administersAccounts()) {
            throw new AccessDeniedException("Cohorts are for service managers, analysts and administrators");
        }
        return cohorts.all();
    }

    @Operation(summary = "The cohort report for a cohort over its period", description = "Per area and in total: 18+ and 52+ week waiters at the "
            + "start and end with the change, people seen per kind of care, people seen quicker and weeks saved, usefulness per patient and per "
            + "rating, how well it worked, MSK-HQ change, back in work, funding per person seen. Analysts get published figures (small numbers "
            + "withheld). Areas the reader's organisation does not serve are left out and named.")
    @GetMapping("/api/reports/cohorts/{code}")
    Map<String, Object> cohort(@PathVariable String code) {
        return json(reports.forCohort(code));
    }

    @Operation(summary = "The cohort report for any ICBs over a period", description = "icb: ODS codes (repeat the parameter); from and to: yyyy-mm-dd.")
    @GetMapping("/api/reports/cohort")
    Map<String, Object> areas(@RequestParam(name = "icb", required = false) List<String> icbs, @RequestParam(required = false) String from,
                              @RequestParam(required = false) String to) {
        return json(reports.forAreas(icbs, CohortReportController.date(from, "from"), CohortReportController.date(to, "to")));
    }

    private Map<String, Object> json(CohortReport report) {
        Published published = Published.of(report, currentActor.get().role() == Role.ANALYST);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", report.title());
        body.put("cohort", report.cohortCode());
        body.put("from", report.from().toString());
        body.put("to", report.to().toString());
        body.put("fundingPounds", report.fundingPounds());
        body.put("suppressed", published.suppressed());
        body.put("anyData", report.anyData());
        body.put("areasLeftOut", report.outside());
        body.put("notCollected", published.notCollected());
        body.put("seenQuickerMethod", SeenQuicker.METHOD);
        body.put("columns", published.columns());
        body.put("rows", published.rows());
        return body;
    }
}

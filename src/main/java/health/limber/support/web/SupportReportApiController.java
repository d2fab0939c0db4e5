package health.limber.support.web;

import health.limber.support.internal.SupportReports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Work and money support")
class SupportReportApiController {

    private final SupportReports reports;
    private final SupportReportTables tables;

    SupportReportApiController(SupportReports reports, SupportReportTables tables) {
        this.reports = reports;
        this.tables = tables;
    }

    @Operation(summary = "The work outcomes report", description = "Per ICB and kind of care and in total, over support referrals made from "
            + "'from' to 'to' (the last 12 months by default); one object per row keyed by the column headings. Analysts get published figures.")
    @GetMapping("/api/support/report")
    Map<String, Object> report(@RequestParam(required = false) String icb, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to, @RequestParam(required = false) String kind, @RequestParam(required = false) String by) {
        SupportReports.Report report = reports.report(tables.filter(icb, from, to, kind, by));
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> row : tables.rows(report)) {
            Map<String, String> keyed = new LinkedHashMap<>();
            for (int i = 0; i < SupportReportTables.HEAD.size(); i++) {
                keyed.put(SupportReportTables.HEAD.get(i), row.get(i));
            }
            rows.add(keyed);
        }
        return Map.of("from", report.filter().from().toString(), "to", report.filter().to().toString(), "suppressed", tables.suppressed(),
                "rows", rows);
    }
}

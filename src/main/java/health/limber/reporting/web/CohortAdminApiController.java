package health.limber.reporting.web;

import health.limber.organisation.Cohort;
import health.limber.organisation.Cohorts;
import health.limber.organisation.Icb;
import health.limber.organisation.Organisations;
import health.limber.reporting.internal.ProgrammeSetup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Administrators set up ICBs, providers and cohorts through the API as on the Areas and cohorts page. */
@RestController
@Tag(name = "Programme set-up")
class CohortAdminApiController {

    /** An ICB to add: ODS code, name and (optionally) the short name reports use. */
    record NewIcb(String icbCode, String icbName, String icbShortName) {}

    /** A provider to add and the ICBs it serves. */
    record NewProvider(String providerCode, String providerName, Set<String> icb) {}

    /** A cohort as sent: dates yyyy-mm-dd, funding in whole pounds (both may be left out until known). */
    record CohortBody(String name, String periodStart, String periodEnd, String fundingPounds, String description, List<String> icbs) {
        CohortAdminController.Typed typed() {
            return new CohortAdminController.Typed(name, periodStart, periodEnd, fundingPounds, description,
                    icbs == null ? Set.of() : new LinkedHashSet<>(icbs));
        }
    }

    private final ProgrammeSetup setup;
    private final Cohorts cohorts;
    private final Organisations organisations;

    CohortAdminApiController(ProgrammeSetup setup, Cohorts cohorts, Organisations organisations) {
        this.setup = setup;
        this.cohorts = cohorts;
        this.organisations = organisations;
    }

    @Operation(summary = "Every ICB Limber knows (administrators)")
    @GetMapping("/api/admin/icbs")
    List<Icb> icbs() {
        setup.checkAdministrator();
        return organisations.icbs();
    }

    @Operation(summary = "Add an ICB (administrators)")
    @PostMapping("/api/admin/icbs")
    ResponseEntity<Icb> addIcb(@RequestBody NewIcb body) {
        Icb icb = setup.addIcb(body.icbCode(), body.icbName(), body.icbShortName());
        return ResponseEntity.created(URI.create("/api/admin/icbs/" + icb.code())).body(icb);
    }

    @Operation(summary = "Add a provider and the ICBs it serves (administrators; a provider already known is refused)")
    @PostMapping("/api/admin/providers")
    ResponseEntity<Organisations.Provider> addProvider(@RequestBody NewProvider body) {
        var provider = setup.addProvider(body.providerCode(), body.providerName(), body.icb());
        return ResponseEntity.created(URI.create("/api/admin/providers/" + provider.code())).body(provider);
    }

    @Operation(summary = "Every cohort (administrators)")
    @GetMapping("/api/admin/cohorts")
    List<Cohort> cohorts() {
        setup.checkAdministrator();
        return cohorts.all();
    }

    @Operation(summary = "Create a cohort: name, period, funding and member ICBs (administrators)")
    @PostMapping("/api/admin/cohorts")
    ResponseEntity<Cohort> create(@RequestBody CohortBody body) {
        setup.checkAdministrator();
        Cohort cohort = setup.createCohort(CohortAdminController.form(body.typed()));
        return ResponseEntity.created(URI.create("/api/admin/cohorts/" + cohort.code())).body(cohort);
    }

    @Operation(summary = "Change a cohort: every field is replaced by what is sent (administrators)")
    @PutMapping("/api/admin/cohorts/{code}")
    Cohort update(@PathVariable String code, @RequestBody CohortBody body) {
        setup.checkAdministrator();
        return setup.updateCohort(cohorts.get(code).code(), CohortAdminController.form(body.typed()));
    }
}

package health.limber.demo;

import health.limber.organisation.Cohorts;
import health.limber.reporting.Deprivation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The demo's programme data: Cohort 2's six areas and period (the demo's choice, said on the cohort),
 * and made-up deprivation quintiles for the demo's own postcode districts (said as the source), so the
 * equity report has something to split by. Neither is real data.
 */
@Component
class DemoProgramme {

    static final String DEPRIVATION_SOURCE = "Demo data: made-up quintiles for the demo's postcode districts, not the Index of Multiple Deprivation";

    private final Cohorts cohorts;
    private final Deprivation deprivation;

    DemoProgramme(Cohorts cohorts, Deprivation deprivation) {
        this.cohorts = cohorts;
        this.deprivation = deprivation;
    }

    void setUp() {
        var cohort2 = cohorts.get("COHORT_2");
        cohorts.update(cohort2.code(), new Cohorts.CohortForm(cohort2.name(), DemoAreas.COHORT_2_FROM, DemoAreas.COHORT_2_TO,
                cohort2.fundingPounds(), DemoAreas.COHORT_2_NOTE, DemoAreas.COHORT_2), "demo");
        List<Deprivation.Area> areas = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, List<DemoAreas.Town>> icb : new java.util.TreeMap<>(DemoAreas.TOWNS).entrySet()) {
            for (DemoAreas.Town town : icb.getValue()) {
                if (areas.stream().noneMatch(a -> a.postcodePrefix().equals(town.outward()))) {
                    areas.add(new Deprivation.Area(town.outward(), 1 + (n++ * 3) % 5));
                }
            }
        }
        deprivation.replace(areas, DEPRIVATION_SOURCE, 1);
    }
}

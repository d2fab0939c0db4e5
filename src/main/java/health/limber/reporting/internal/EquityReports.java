package health.limber.reporting.internal;

import health.limber.exercise.UsefulnessFigures;
import health.limber.patient.EquityFacts;
import health.limber.patient.PatientId;
import health.limber.patient.PatientManagement;
import health.limber.reporting.Deprivation;
import health.limber.waitinglist.WaitingListFigures;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.stereotype.Service;

/**
 * The equity report: the cohort report's waiting, seen-quicker and usefulness measures for the same
 * areas and period, split by age band (on the period's first day), sex, ethnic group, deprivation
 * quintile and language. People are grouped by their patient record; a pathway with no linked record
 * counts under "Not known" (its own date of birth still gives the age band).
 */
@Service
public class EquityReports {

    static final List<String> AGE_BANDS = List.of("Under 18", "18 to 34", "35 to 49", "50 to 64", "65 to 79", "80 and over", "Not known");
    static final List<String> QUINTILES = List.of("1 (most deprived)", "2", "3", "4", "5 (least deprived)", "Not known");

    private final WaitingListFigures waitingList;
    private final UsefulnessFigures usefulness;
    private final PatientManagement patients;
    private final Deprivation deprivation;

    EquityReports(WaitingListFigures waitingList, UsefulnessFigures usefulness, PatientManagement patients, Deprivation deprivation) {
        this.waitingList = waitingList;
        this.usefulness = usefulness;
        this.patients = patients;
        this.deprivation = deprivation;
    }

    public EquityReport report(CohortReports.Scope scope) {
        List<WaitingListFigures.PersonInPeriod> people = new ArrayList<>();
        scope.icbs().forEach(icb -> people.addAll(waitingList.people(icb, scope.from(), scope.to())));
        Map<UUID, UsefulnessFigures.Latest> latest = usefulness.latestByPatient(scope.icbs(), scope.from(), scope.to());
        Set<PatientId> ids = new HashSet<>();
        people.stream().filter(p -> p.patientId() != null).forEach(p -> ids.add(PatientId.of(p.patientId())));
        latest.keySet().forEach(id -> ids.add(PatientId.of(id)));
        Map<PatientId, EquityFacts> facts = ids.isEmpty() ? Map.of() : patients.equityFacts(ids);
        Map<String, Integer> quintiles = deprivation.quintiles(facts.values().stream().map(EquityFacts::postcode).filter(p -> p != null).toList());

        record Way(String id, String label, List<String> order, BiFunction<EquityFacts, LocalDate, String> group) {}
        List<Way> ways = List.of(
                new Way("age", "Age band", AGE_BANDS, (f, born) -> ageBand(born, scope.from())),
                new Way("sex", "Sex", List.of(), (f, born) -> f == null ? "Not known" : f.sex()),
                new Way("ethnic_group", "Ethnic group", List.of(), (f, born) -> f == null || f.ethnicCategory() == null ? "Not recorded"
                        : f.ethnicCategory().group().label()),
                new Way("deprivation", "Deprivation (IMD quintile)", QUINTILES, (f, born) -> {
                    Integer q = f == null || f.postcode() == null ? null : quintiles.get(f.postcode());
                    return q == null ? "Not known" : QUINTILES.get(q - 1);
                }),
                new Way("language", "Language", List.of("English", "Another language, no interpreter", "Interpreter needed", "Not known"),
                        (f, born) -> f == null ? "Not known" : f.interpreterNeeded() ? "Interpreter needed"
                                : "en".equals(f.preferredLanguage()) ? "English" : "Another language, no interpreter"));

        List<EquityReport.Split> splits = new ArrayList<>();
        for (Way way : ways) {
            Map<String, long[]> groups = new LinkedHashMap<>();
            way.order().forEach(g -> groups.put(g, new long[EquityReport.COUNTS.size()]));
            for (WaitingListFigures.PersonInPeriod p : people) {
                EquityFacts f = p.patientId() == null ? null : facts.get(PatientId.of(p.patientId()));
                long[] c = groups.computeIfAbsent(way.group().apply(f, f != null ? f.birthDate() : p.birthDate()), g -> new long[EquityReport.COUNTS.size()]);
                c[0] += p.weeks18AtStart() ? 1 : 0;
                c[1] += p.weeks18AtEnd() ? 1 : 0;
                c[2] += p.seen() ? 1 : 0;
                c[3] += p.quicker() ? 1 : 0;
                c[4] += p.weeksSaved();
            }
            latest.forEach((patient, answers) -> {
                EquityFacts f = facts.get(PatientId.of(patient));
                long[] c = groups.computeIfAbsent(way.group().apply(f, f == null ? null : f.birthDate()), g -> new long[EquityReport.COUNTS.size()]);
                c[5] += answers.demonstration() != null ? 1 : 0;
                c[6] += answers.useful() ? 1 : 0;
                c[7] += answers.change() != null ? 1 : 0;
                c[8] += answers.muchBetter() ? 1 : 0;
            });
            groups.values().removeIf(c -> java.util.Arrays.stream(c).allMatch(n -> n == 0));
            splits.add(new EquityReport.Split(way.id(), way.label(), groups));
        }
        return new EquityReport(scope, splits, deprivation.source(), waitingList.anyPathways(scope.icbs(), scope.from(), scope.to()));
    }

    /** The age band on a day, or "Not known" without a date of birth. */
    static String ageBand(LocalDate born, LocalDate on) {
        if (born == null) {
            return "Not known";
        }
        int age = Period.between(born, on).getYears();
        return age < 18 ? AGE_BANDS.get(0) : age < 35 ? AGE_BANDS.get(1) : age < 50 ? AGE_BANDS.get(2) : age < 65 ? AGE_BANDS.get(3)
                : age < 80 ? AGE_BANDS.get(4) : AGE_BANDS.get(5);
    }
}

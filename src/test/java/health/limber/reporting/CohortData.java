package health.limber.reporting;

import health.limber.DemoFixtures;
import health.limber.identity.Role;
import health.limber.identity.StaffAccounts;
import health.limber.organisation.Organisations;
import health.limber.patient.EthnicCategory;
import health.limber.patient.PatientBulkLoad;
import health.limber.patient.PatientId;
import health.limber.waitinglist.KindOfCare;
import health.limber.waitinglist.Pathway;
import health.limber.waitinglist.PathwayKey;
import health.limber.waitinglist.Priority;
import health.limber.waitinglist.SourceOfReferral;
import health.limber.waitinglist.StopReason;
import health.limber.waitinglist.internal.Pathways;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A hand-built data set for the cohort report, in two test ICBs (QZA, QZB) of their own provider, so
 * its answers can be worked out by hand (see {@link CohortReportIntegrationTests}).
 *
 * <p>QZA: 12 people seen in the 12 weeks before the period (R = 1 a week). On the first day, 2 people
 * have waited 400 and 401 days and 10 people 200 to 209 days; the 6 of those 10 who waited least are
 * really seen (one-stop clinic) in week 1; 3 more are referred on day 10 and still wait at the end.
 * 18+ weeks: 12 at the start, 6 at the end (−50.0%); 52+ weeks: 2 and 2. The replay sees the two
 * longest waiters in weeks 1 and 2 and the 10 in order of wait in weeks 3 to 12, so the 6 really seen
 * in week 1 would have been seen in weeks 7 to 12: 6 people seen quicker, 6+7+8+9+10+11 = 51 weeks saved.
 *
 * <p>QZB: 20 people waiting 150 days at the start, still waiting at the end; 10 referred 50 days
 * before the start are seen in week 2 (group class); nobody was seen before the period (R = 0).
 *
 * <p>Ratings (QZA): patient 1 rates the demonstrations 4, 4, 4 and lastly 1, patient 2 rates 3,
 * patient 3 rates 2 and then 4: per patient 2 of 3 fairly or very useful (66.7%), per rating 5 of 7
 * (71.4%). How it is working: patient 1 answers 7, patient 2 answers 6 and then 3: 1 of 2 much better.
 */
final class CohortData {

    static final LocalDate FROM = LocalDate.of(2025, 1, 6);
    static final LocalDate TO = LocalDate.of(2025, 3, 30);
    static final String PROVIDER = "TZR";
    static final String MANAGER = "manager.tzr";
    static final String ANALYST = "analyst.tzr";
    static final String ANALYST_QZA = "analyst.qza";

    private CohortData() {}

    static synchronized void load(Organisations organisations, StaffAccounts staff, Pathways pathways, JdbcTemplate jdbc, DemoFixtures demo,
                                  PatientBulkLoad patients) {
        if (organisations.icb("QZA").isPresent()) {
            return;
        }
        organisations.addIcb("QZA", "NHS Test Area A Integrated Care Board", null, "test");
        organisations.addIcb("QZB", "NHS Test Area B Integrated Care Board", "Test Area B", "test");
        organisations.addProvider(PROVIDER, "Test reporting provider", Set.of("QZA", "QZB"));
        organisations.addProvider("TZS", "Test provider of area A", Set.of("QZA"));
        staff.createBySetup(List.of(new StaffAccounts.NewStaffUser(MANAGER, "Test Manager", Role.SERVICE_MANAGER, PROVIDER, DemoFixtures.PASSWORD),
                new StaffAccounts.NewStaffUser(ANALYST, "Test Analyst", Role.ANALYST, PROVIDER, DemoFixtures.PASSWORD),
                new StaffAccounts.NewStaffUser(ANALYST_QZA, "Test Analyst A", Role.ANALYST, "TZS", DemoFixtures.PASSWORD),
                new StaffAccounts.NewStaffUser("clinician.tzr", "Test Clinician", Role.CLINICIAN, PROVIDER, DemoFixtures.PASSWORD)));
        List<Pathway> list = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            list.add(stopped(open("A-before-" + i, "QZA", FROM.minusDays(300)), FROM.minusDays(84 - 7L * i), KindOfCare.ONE_TO_ONE_PHYSIOTHERAPY));
        }
        list.add(open("A-400", "QZA", FROM.minusDays(400)));
        list.add(open("A-401", "QZA", FROM.minusDays(401)));
        for (int k = 0; k < 10; k++) {
            Pathway p = open("A-200-" + k, "QZA", FROM.minusDays(200 + k));
            list.add(k < 6 ? stopped(p, FROM.plusDays(2), KindOfCare.ONE_STOP_CLINIC) : p);
        }
        for (int i = 0; i < 3; i++) {
            list.add(open("A-new-" + i, "QZA", FROM.plusDays(10)));
        }
        for (int i = 0; i < 20; i++) {
            list.add(open("B-150-" + i, "QZB", FROM.minusDays(150)));
        }
        for (int i = 0; i < 10; i++) {
            list.add(stopped(open("B-50-" + i, "QZB", FROM.minusDays(50)), FROM.plusDays(8), KindOfCare.GROUP_CLASS));
        }
        pathways.saveAll(list, null, Instant.now());
        ratings(jdbc, demo);
        people(jdbc, demo, patients);
    }

    /**
     * Ethnic groups for the equity split: the 10 QZA people waiting 200 to 209 days are linked to
     * patient records; the 3 seen who waited least are White, the next 3 seen Asian, the 4 still
     * waiting chose not to say; the 3 who rated their programme are Black; everyone else has no record.
     */
    private static void people(JdbcTemplate jdbc, DemoFixtures demo, PatientBulkLoad patients) {
        Map<PatientId, EthnicCategory> categories = new HashMap<>();
        for (int k = 0; k < 10; k++) {
            UUID patient = demo.patient("QHL", 50 + k).id();
            jdbc.update("update pathway set patient_id = ? where issuer_code = ? and pathway_identifier = ?", patient, PROVIDER, "A-200-" + k);
            categories.put(PatientId.of(patient), k < 3 ? EthnicCategory.WHITE_BRITISH : k < 6 ? EthnicCategory.ASIAN_INDIAN : EthnicCategory.NOT_STATED);
        }
        for (int p = 0; p < 3; p++) {
            categories.put(PatientId.of(demo.patient("QHL", 40 + p).id()), EthnicCategory.BLACK_AFRICAN);
        }
        patients.recordEthnicCategories(categories);
    }

    private static Pathway open(String key, String icb, LocalDate start) {
        return Pathway.open(new PathwayKey(key, PROVIDER), "9434765919", null, start, SourceOfReferral.GP, "ORTT", "650", Priority.ROUTINE,
                PROVIDER, icb, start);
    }

    private static Pathway stopped(Pathway pathway, LocalDate on, KindOfCare kind) {
        pathway.stopClock(on, StopReason.FIRST_TREATMENT, kind);
        return pathway;
    }

    private static void ratings(JdbcTemplate jdbc, DemoFixtures demo) {
        int[][] demonstration = {{4, 4, 4, 1}, {3}, {2, 4}};
        int[][] change = {{7}, {6, 3}, {}};
        for (int p = 0; p < 3; p++) {
            UUID programme = UUID.randomUUID();
            jdbc.update("""
                    insert into programme (id, patient_id, icb_code, title, start_date, end_date, version, created_by, created_at)
                    values (?, ?, 'QZA', 'Test programme', ?, ?, 0, 'test', ?)""", programme, demo.patient("QHL", 40 + p).id(), FROM, TO,
                    Timestamp.from(Instant.now()));
            rate(jdbc, programme, "DEMONSTRATION", demonstration[p]);
            rate(jdbc, programme, "GLOBAL_CHANGE", change[p]);
        }
    }

    private static void rate(JdbcTemplate jdbc, UUID programme, String kind, int[] answers) {
        for (int i = 0; i < answers.length; i++) {
            Instant at = FROM.plusDays(5 + i).atTime(12, 0).atZone(ZoneId.of("Europe/London")).toInstant();
            jdbc.update("insert into usefulness_rating (id, client_key, programme_id, exercise_id, kind, answer, rated_at) values (?, ?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID(), "test-" + UUID.randomUUID(), programme, kind.equals("DEMONSTRATION") ? "bridge" : null, kind, answers[i],
                    Timestamp.from(at));
        }
    }
}

package health.limber.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import health.limber.DemoFixtures;
import health.limber.IntegrationTest;
import health.limber.exercise.Exercise;
import health.limber.exercise.ExerciseLibrary;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What belongs to an organisation rather than to one patient: its staff accounts, its audit events,
 * its patients' messages, its waiting-list imports and its own exercises. Every endpoint × every
 * caller (each staff role, an administrator of another organisation, a system administrator, a
 * patient, nobody) × the caller's own organisation and another: allowed only as the policy says.
 */
@IntegrationTest
class OrganisationAccessMatrixIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired DemoFixtures demo;
    @Autowired StaffAccounts accounts;
    @Autowired ExerciseLibrary library;
    @Autowired CurrentActor currentActor;
    @Autowired JdbcTemplate jdbc;

    enum Caller { CLINICIAN, SERVICE_MANAGER, ANALYST, ADMIN, OTHER_ADMIN, SYSTEM_ADMIN, PATIENT, ANONYMOUS }

    /** Relative to the QHL service: its own things, or the QJK service's. */
    enum Target { OWN_ORGANISATION, OTHER_ORGANISATION }

    /** The things of one organisation the endpoints are called on. */
    record Things(String account, String icb, String exercise) {}

    record Endpoint(String name, Set<Caller> allowedOnOwn, BiFunction<Things, String, MockHttpServletRequestBuilder> request) {}

    static final Set<Caller> ADMINISTRATORS = Set.of(Caller.ADMIN, Caller.SYSTEM_ADMIN);
    static final Set<Caller> CARE_TEAM = Set.of(Caller.CLINICIAN, Caller.SERVICE_MANAGER);

    static final String CSV_HEADER = "PATIENT_PATHWAY_IDENTIFIER,PATHWAY_IDENTIFIER_ISSUER,NHS_NUMBER,PERSON_BIRTH_DATE,"
            + "REFERRAL_REQUEST_RECEIVED_DATE,SOURCE_OF_REFERRAL,RTT_PERIOD_START_DATE,RTT_PERIOD_END_DATE,RTT_PERIOD_END_REASON,"
            + "WAITING_LIST_TYPE,ACTIVITY_TREATMENT_FUNCTION_CODE,PRIORITY_TYPE_CODE,ORGANISATION_CODE_PROVIDER,"
            + "ORGANISATION_CODE_COMMISSIONER,CENSUS_DATE\n";

    List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("GET /admin/users/{id}", ADMINISTRATORS, (t, id) -> get("/admin/users/" + id)),
                new Endpoint("POST /admin/users/{id}/password", ADMINISTRATORS,
                        (t, id) -> post("/admin/users/" + id + "/password").param("password", "matrix-password-long")),
                new Endpoint("POST /admin/users/{id}/enabled", ADMINISTRATORS, (t, id) -> post("/admin/users/" + id + "/enabled").param("enabled", "true")),
                new Endpoint("POST /admin/users/{id}/role", ADMINISTRATORS, (t, id) -> post("/admin/users/" + id + "/role").param("role", "CLINICIAN")),
                new Endpoint("POST /admin/users/{id}/unlock", ADMINISTRATORS, (t, id) -> post("/admin/users/" + id + "/unlock")),
                new Endpoint("GET /admin/audit?user=", ADMINISTRATORS, (t, id) -> get("/admin/audit").param("user", t.account())),
                new Endpoint("GET /messages", CARE_TEAM, (t, id) -> get("/messages")),
                new Endpoint("POST /api/waiting-list/imports (dry run)", Set.of(Caller.SERVICE_MANAGER),
                        (t, id) -> post("/api/waiting-list/imports").param("dryRun", "true").contentType("text/csv")
                                .content(CSV_HEADER + "MATRIX-1,RZA,9434765919,1970-01-01,2024-10-01,GP,2024-10-01,,,ORTT,650,1,RZA," + t.icb() + ",\n")),
                new Endpoint("GET /exercises/{own exercise}", CARE_TEAM, (t, id) -> get("/exercises/" + t.exercise())));
    }

    private String organisationOf(String username) {
        return jdbc.queryForObject("select organisation_code from staff_user where username = ?", String.class, username);
    }

    private Things things(String icb, String clinician, String accountName) {
        String organisation = organisationOf(clinician);
        String account = accounts.findByUsername(accountName).map(StaffUser::username).orElseGet(() -> accounts.createBySetup(
                new StaffAccounts.NewStaffUser(accountName, "Matrix Target", Role.CLINICIAN, organisation, "matrix-password-long")).username());
        var actor = new Actor(clinician, "Clinician", Role.CLINICIAN, organisation, Set.of(icb), null);
        Exercise own = currentActor.runAs(actor, () -> library.addCustom("Matrix step " + icb, Exercise.Region.KNEE, Exercise.Category.STRENGTH,
                List.of(), 1, List.of("Step up."), List.of("Hold on."), new Exercise.Dose(1, 5, 0, 30, 1, 7), "ankle-heel-raise"));
        return new Things(account, icb, own.id());
    }

    @Test
    void everyEndpointCallerAndOrganisationIsAllowedOrDeniedAsThePolicySays() throws Exception {
        Things own = things("QHL", "clinician.qhl", "matrix.own");
        Things other = things("QJK", "clinician.qjk", "matrix.other");
        if (accounts.findByUsername("matrix.system").isEmpty()) {
            accounts.createBySetup(new StaffAccounts.NewStaffUser("matrix.system", "System Admin", Role.SYSTEM_ADMIN, organisationOf("admin.qhl"),
                    "matrix-password-long"));
        }
        Cookie[] patient = demo.signInPatient(mvc, demo.patient("QHL", 9));

        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Endpoint endpoint : endpoints()) {
            for (Caller caller : Caller.values()) {
                for (Target target : Target.values()) {
                    Things things = target == Target.OWN_ORGANISATION ? own : other;
                    String accountId = accounts.findByUsername(things.account()).orElseThrow().id().toString();
                    boolean expected = caller == Caller.SYSTEM_ADMIN ? ADMINISTRATORS.equals(endpoint.allowedOnOwn())
                            : caller == Caller.OTHER_ADMIN ? target == Target.OTHER_ORGANISATION && endpoint.allowedOnOwn().contains(Caller.ADMIN)
                            : target == Target.OWN_ORGANISATION && endpoint.allowedOnOwn().contains(caller);
                    if (endpoint.name().startsWith("GET /messages") || endpoint.name().startsWith("GET /admin/audit")) {
                        // one list per caller, scoped to their own organisation: the target does not change who may open it
                        expected = caller == Caller.OTHER_ADMIN ? endpoint.allowedOnOwn().contains(Caller.ADMIN) : endpoint.allowedOnOwn().contains(caller);
                    }
                    MockHttpServletRequestBuilder request = endpoint.request().apply(things, accountId).with(csrf());
                    request = switch (caller) {
                        case CLINICIAN -> request.with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD));
                        case SERVICE_MANAGER -> request.with(httpBasic("manager.qhl", DemoFixtures.PASSWORD));
                        case ANALYST -> request.with(httpBasic("analyst.qhl", DemoFixtures.PASSWORD));
                        case ADMIN -> request.with(httpBasic("admin.qhl", DemoFixtures.PASSWORD));
                        case OTHER_ADMIN -> request.with(httpBasic("admin.qjk", DemoFixtures.PASSWORD));
                        case SYSTEM_ADMIN -> request.with(httpBasic("matrix.system", "matrix-password-long"));
                        case PATIENT -> request.cookie(patient);
                        case ANONYMOUS -> request;
                    };
                    var response = mvc.perform(request).andReturn().getResponse();
                    int status = response.getStatus();
                    boolean allowed = status == 200 || (status == 302 && response.getRedirectedUrl() != null
                            && !response.getRedirectedUrl().contains("sign-in"));
                    if (expected != allowed) {
                        wrong.add(endpoint.name() + " as " + caller + " on " + target + ": status " + status);
                    }
                    checked++;
                }
            }
        }
        System.out.println("Organisation access matrix: " + checked + " cases checked, " + wrong.size() + " wrong");
        assertThat(checked).isEqualTo(endpoints().size() * Caller.values().length * Target.values().length);
        assertThat(wrong).as("access decisions that break the policy").isEmpty();
    }
}

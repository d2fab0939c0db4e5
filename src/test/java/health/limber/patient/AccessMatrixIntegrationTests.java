package health.limber.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import health.limber.DemoFixtures;
import health.limber.DemoFixtures.PatientRef;
import health.limber.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Hazard H-01 (a person sees a record they should not): every patient endpoint, for every role,
 * against a patient of the caller's own ICB, of another ICB, the caller's own record and another
 * patient's record. Allowed means the request got past the access check; denied means 401/403 and
 * nothing in the response body about the patient.
 */
@IntegrationTest
class AccessMatrixIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired DemoFixtures demo;

    /** Who is calling. */
    enum Caller { CLINICIAN, SERVICE_MANAGER, ANALYST, ADMIN, ADVISER, PATIENT, ANONYMOUS }

    /** Whose record is asked for, relative to the caller. */
    enum Target { OWN_ICB, OTHER_ICB, OWN_RECORD, OTHER_PATIENT }

    record Endpoint(String name, boolean patientMayUse, Function<PatientRef, MockHttpServletRequestBuilder> request) {}

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET /api/patients/{id}", true, p -> get("/api/patients/" + p.id())),
            new Endpoint("PUT /api/patients/{id}", false, p -> put("/api/patients/" + p.id())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"version\": -1}")),
            new Endpoint("POST /api/patients/{id}/void", false, p -> post("/api/patients/" + p.id() + "/void")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"version\": -1, \"reason\": \"matrix\"}")),
            new Endpoint("POST /api/patients/{id}/access-code", false, p -> post("/api/patients/" + p.id() + "/access-code")),
            new Endpoint("GET /patients/{id}", false, p -> get("/patients/" + p.id())),
            new Endpoint("GET /patients/{id}/edit", false, p -> get("/patients/" + p.id() + "/edit")),
            new Endpoint("GET /patients/{id}/void", false, p -> get("/patients/" + p.id() + "/void")));

    @Test
    void everyEndpointRoleAndTargetIsAllowedOrDeniedAsThePolicySays() throws Exception {
        PatientRef ownIcb = demo.patient("QHL", 5);
        PatientRef otherIcb = demo.patient("QUY", 5);
        PatientRef self = demo.patient("QHL", 6);
        PatientRef otherPatient = demo.patient("QHL", 7);
        Cookie[] patientCookies = demo.signInPatient(mvc, self);

        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Endpoint endpoint : ENDPOINTS) {
            for (Caller caller : Caller.values()) {
                for (Target target : Target.values()) {
                    if ((caller == Caller.PATIENT) != (target == Target.OWN_RECORD || target == Target.OTHER_PATIENT)) {
                        continue;
                    }
                    PatientRef patient = switch (target) {
                        case OWN_ICB -> ownIcb;
                        case OTHER_ICB -> otherIcb;
                        case OWN_RECORD -> self;
                        case OTHER_PATIENT -> otherPatient;
                    };
                    boolean expected = switch (caller) {
                        case CLINICIAN, SERVICE_MANAGER -> target == Target.OWN_ICB;
                        case PATIENT -> target == Target.OWN_RECORD && endpoint.patientMayUse();
                        case ANALYST, ADMIN, ADVISER, ANONYMOUS -> false;
                    };
                    var request = endpoint.request().apply(patient).with(csrf());
                    request = switch (caller) {
                        case CLINICIAN -> request.with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD));
                        case SERVICE_MANAGER -> request.with(httpBasic("manager.qhl", DemoFixtures.PASSWORD));
                        case ANALYST -> request.with(httpBasic("analyst.qhl", DemoFixtures.PASSWORD));
                        case ADMIN -> request.with(httpBasic("admin.qhl", DemoFixtures.PASSWORD));
                        case ADVISER -> request.with(httpBasic("adviser.work.qhl", DemoFixtures.PASSWORD));
                        case PATIENT -> request.cookie(patientCookies);
                        case ANONYMOUS -> request;
                    };
                    var response = mvc.perform(request).andReturn().getResponse();
                    int status = response.getStatus();
                    boolean denied = status == 401 || status == 403 || (status == 302 && response.getRedirectedUrl() != null
                            && response.getRedirectedUrl().contains("sign-in"));
                    boolean leaked = denied && response.getContentAsString().contains(patient.familyName());
                    if (expected == denied || leaked) {
                        wrong.add(endpoint.name() + " as " + caller + " on " + target + ": status " + status
                                + (leaked ? " and the body names the patient" : ""));
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(ENDPOINTS.size() * (5 * 2 + 2 + 2));
        assertThat(wrong).as("access decisions that break the policy").isEmpty();
    }

    @Test
    void searchNeverReturnsPatientsOfAnotherIcb() throws Exception {
        PatientRef otherIcb = demo.patient("QUY", 3);
        String body = mvc.perform(get("/api/patients").param("nhsNumber", otherIcb.nhsNumber())
                        .with(httpBasic("clinician.qhl", DemoFixtures.PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).isEqualTo("[]");
        String own = mvc.perform(get("/api/patients").param("nhsNumber", otherIcb.nhsNumber())
                        .with(httpBasic("clinician.quy", DemoFixtures.PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        assertThat(own).contains(otherIcb.id().toString());
    }

    @Test
    void patientsAndNonClinicalStaffCannotSearch() throws Exception {
        PatientRef patient = demo.patient("QHL", 3);
        for (String user : List.of("analyst.qhl", "admin.qhl")) {
            int status = mvc.perform(get("/api/patients").param("nhsNumber", patient.nhsNumber())
                    .with(httpBasic(user, DemoFixtures.PASSWORD))).andReturn().getResponse().getStatus();
            assertThat(status).as(user).isEqualTo(403);
        }
        Cookie[] cookies = demo.signInPatient(mvc, demo.patient("QHL", 8));
        int status = mvc.perform(get("/api/patients").param("nhsNumber", patient.nhsNumber()).cookie(cookies))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
    }
}

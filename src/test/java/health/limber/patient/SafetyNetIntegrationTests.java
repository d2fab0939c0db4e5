package health.limber.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import health.limber.DemoFixtures;
import health.limber.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page of the patient's app says what to do if symptoms get worse, and when to call 999
 * (the cauda equina red flags): found over the route list, so a new page cannot leave it out.
 */
@IntegrationTest
class SafetyNetIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired DemoFixtures demo;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping routes;

    Set<String> patientPages() {
        Set<String> found = new TreeSet<>();
        routes.getHandlerMethods().forEach((mapping, handler) -> {
            boolean get = mapping.getMethodsCondition().getMethods().isEmpty()
                    || mapping.getMethodsCondition().getMethods().contains(RequestMethod.GET);
            if (get && !handler.getBeanType().isAnnotationPresent(RestController.class)) {
                mapping.getPatternValues().stream().filter(p -> (p.equals("/my") || p.startsWith("/my/")) && !p.contains("{")).forEach(found::add);
            }
        });
        return found;
    }

    @Test
    void everyPageOfThePatientsAppCarriesTheSafetyNet() throws Exception {
        Set<String> pages = patientPages();
        assertThat(pages).contains("/my", "/my/care", "/my/exercises", "/my/record", "/my/clinic-day");
        Cookie[] patient = demo.signInPatient(mvc, demo.patient("QHL", 2));
        Set<String> checked = new TreeSet<>();
        for (String page : pages) {
            var response = mvc.perform(get(page).cookie(patient)).andReturn().getResponse();
            if (response.getStatus() == 200 && String.valueOf(response.getContentType()).startsWith("text/html")) {
                assertThat(response.getContentAsString()).as(page).contains("id=\"safety-net\"", "Call 999", "NHS 111");
                checked.add(page);
            } else {
                assertThat(response.getStatus()).as(page + " is a page or sends the person on").isIn(200, 302, 303);
            }
        }
        assertThat(checked).as("the pages read as HTML").contains("/my", "/my/care", "/my/exercises", "/my/record", "/my/clinic-day");
    }
}

package health.limber.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import health.limber.DemoFixtures;
import health.limber.IntegrationTest;
import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.platform.InvalidInputException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/** Services, practitioners and rooms of a hub, kept by its service managers. */
@IntegrationTest
class HubResourcesIntegrationTests {

    @Autowired HubResources resources;
    @Autowired ClinicFixtures clinic;
    @Autowired CurrentActor currentActor;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    @Test
    void aManagerAddsAServiceAPractitionerWhoGivesItAndARoomThatHostsIt() {
        UUID hub = clinic.newHub();
        var service = clinic.asManager(() -> resources.addService("Pain management " + hub.toString().substring(0, 4), "to talk about living with pain", 30));
        UUID practitioner = clinic.asManager(() -> resources.addPractitioner(hub, "Sue Bell", service.code(), "en, CY"));
        assertThat(jdbc.queryForObject("select languages from practitioner where id = ?", String.class, practitioner)).isEqualTo("en,cy");
        UUID room = jdbc.queryForObject("select id from room where hub_id = ? fetch first 1 rows only", UUID.class, hub);
        clinic.asManager(() -> {
            resources.setRoomServices(room, List.of("PHYSIO", service.code()));
            return null;
        });
        assertThat(jdbc.queryForObject("select services from room where id = ?", String.class, room)).isEqualTo("PHYSIO," + service.code());
        assertThatThrownBy(() -> clinic.asManager(() -> resources.addService(service.name(), "again", 30)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already a service")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("serviceName"));
    }

    @Test
    void badValuesAreNamedAndOnlyManagersChangeHubs() {
        UUID hub = clinic.newHub();
        assertThatThrownBy(() -> clinic.asManager(() -> resources.addPractitioner(hub, "Ann", "PHYSIO", "en, polish!")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("polish!")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("languages"));
        assertThatThrownBy(() -> clinic.asManager(() -> resources.addService("Yoga", "to stretch", 42)))
                .isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("serviceMinutes"));
        Actor clinician = new Actor("clinician.qhl", "Sam", Role.CLINICIAN, clinic.manager().organisationCode(), Set.of(ClinicFixtures.ICB), null);
        assertThatThrownBy(() -> currentActor.runAs(clinician, () -> resources.addPractitioner(hub, "Ann", "PHYSIO", "en")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theHubsPageShowsPractitionersAndTheFormsToManagers() throws Exception {
        mvc.perform(get("/hubs").with(httpBasic("manager.qhl", DemoFixtures.PASSWORD))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Add a practitioner")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Amira Haddad")));
        mvc.perform(get("/hubs").with(httpBasic("analyst.qhl", DemoFixtures.PASSWORD))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Add a practitioner"))));
    }
}

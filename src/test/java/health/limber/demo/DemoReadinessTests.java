package health.limber.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Someone who opens the demo before its data are loaded is told to wait, not shown empty lists. */
class DemoReadinessTests {

    @Test
    void pagesSayTheDemoIsGettingReadyUntilItIsAndHealthChecksAnswerThroughout() throws Exception {
        DemoData demo = mock(DemoData.class);
        when(demo.isReady()).thenReturn(false);
        DemoReadiness filter = new DemoReadiness(demo);

        MockHttpServletResponse home = new MockHttpServletResponse();
        MockFilterChain homeChain = new MockFilterChain();
        filter.doFilter(new MockHttpServletRequest("GET", "/"), home, homeChain);
        assertThat(home.getStatus()).isEqualTo(503);
        assertThat(home.getHeader("Retry-After")).isEqualTo("5");
        assertThat(home.getContentAsString()).contains("Getting the demo ready").contains("http-equiv=\"refresh\"");
        assertThat(homeChain.getRequest()).as("the page was not served").isNull();

        MockFilterChain healthChain = new MockFilterChain();
        filter.doFilter(new MockHttpServletRequest("GET", "/actuator/health/liveness"), new MockHttpServletResponse(), healthChain);
        assertThat(healthChain.getRequest()).isNotNull();

        when(demo.isReady()).thenReturn(true);
        MockFilterChain readyChain = new MockFilterChain();
        MockHttpServletResponse served = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/"), served, readyChain);
        assertThat(readyChain.getRequest()).isNotNull();
        assertThat(served.getStatus()).isEqualTo(200);
    }
}

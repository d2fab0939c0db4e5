package health.limber;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** In CI nothing may be skipped quietly: the PostgreSQL run and the browser must both be there. */
class CiEnvironmentTests {

    @Test
    void ciProvidesPostgresqlAndChromium() {
        if (!"true".equals(System.getenv("CI"))) {
            return;
        }
        assertThat(System.getenv("LIMBER_TEST_POSTGRES_URL"))
                .as("CI must set LIMBER_TEST_POSTGRES_URL so the integration tests also run on PostgreSQL")
                .isNotBlank();
        assertThat(Files.isExecutable(Path.of("/usr/bin/chromium")))
                .as("CI must install Debian's chromium for the browser tests")
                .isTrue();
    }
}

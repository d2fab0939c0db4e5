package health.limber;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A second Limber instance on the test's own database (no migrations, no demo data, its own port and
 * connection pool), for tests of what two app instances do at once. Close it when done.
 */
public final class SecondInstance {

    private SecondInstance() {}

    public static ConfigurableApplicationContext start(Environment first, int poolSize, String... moreArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + first.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + first.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + first.getProperty("spring.datasource.password", ""),
                "--spring.flyway.enabled=false", "--limber.demo.enabled=false", "--server.port=0",
                "--spring.datasource.hikari.maximum-pool-size=" + poolSize, "--logging.level.root=WARN"));
        arguments.addAll(List.of(moreArguments));
        return new SpringApplicationBuilder(LimberApplication.class).run(arguments.toArray(String[]::new));
    }
}

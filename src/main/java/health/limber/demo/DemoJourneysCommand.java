package health.limber.demo;

import health.limber.cli.LimberCommand;
import health.limber.cli.Server;
import health.limber.platform.LimberTime;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The demo's journey generator on its own, against the database Limber is set up for: the 17 areas
 * and about {@code --referrals} referrals with their people, pathways and episodes, written once,
 * with the time it took. For the generator's benchmark ({@code bench/demo-journeys.sh}).
 */
@Command(name = "demo-journeys", description = "Write the demo's 17 areas and about N referrals with their journeys into an empty database "
        + "(LIMBER_DB_URL), print how long it took and stop.")
class DemoJourneysCommand implements Callable<Integer>, LimberCommand.Subcommand {

    @Option(names = "--referrals", description = "About how many referrals to generate (default 200000).")
    int referrals = 200_000;

    @Option(names = "--seed", description = "The seed (default 2024): the same seed writes the same data.")
    long seed = 2024;

    @Override
    public Integer call() {
        if (System.getenv("LIMBER_DB_URL") == null) {
            System.err.println("Set LIMBER_DB_URL to an empty database (for example a fresh PostgreSQL database) first.");
            return 2;
        }
        long weeks = DemoJourneys.BACKLOG_WEEKS + ChronoUnit.WEEKS.between(DemoJourneys.FROM, LimberTime.today(Clock.systemUTC()));
        Map<String, Object> properties = new HashMap<>();
        properties.put("limber.demo.enabled", "true");
        properties.put("limber.demo.background", "false");
        properties.put("limber.demo.journeys-only", "true");
        properties.put("limber.demo.programmes-per-icb", "0");
        properties.put("limber.demo.seed", seed);
        properties.put("limber.demo.referrals-per-week", referrals / 17.0 / weeks);
        // the demo's beans include its web pages: serve on a free port of this machine only, for as long as the load takes
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.health.limber.demo", "INFO");
        try (var context = Server.start(properties, true)) {
            DemoData demo = context.getBean(DemoData.class);
            System.out.println(demo.journeysReport());
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            System.err.println("demo-journeys: " + cause.getMessage());
            return 1;
        }
        return 0;
    }
}

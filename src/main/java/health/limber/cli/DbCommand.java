package health.limber.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.flywaydb.core.Flyway;
import picocli.CommandLine.Command;

@Command(name = "db", description = "Database tasks.", subcommands = DbCommand.Migrate.class, mixinStandardHelpOptions = true)
class DbCommand implements Runnable, LimberCommand.Subcommand {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "migrate", description = "Create or upgrade the database schema, then exit.")
    static class Migrate implements Callable<Integer> {

        @Override
        public Integer call() {
            try (var context = Server.start(Map.of("spring.main.lazy-initialization", true), false)) {
                var info = context.getBean(Flyway.class).info();
                System.out.println("Database is at schema version " + info.current().getVersion()
                        + " (" + info.applied().length + " migrations applied)");
            }
            return 0;
        }
    }
}

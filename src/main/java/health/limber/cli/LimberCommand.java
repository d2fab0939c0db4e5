package health.limber.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.Properties;
import java.util.Set;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code limber}: the root command. Sub-commands are discovered, so adding one touches one class. */
@Command(name = "limber", mixinStandardHelpOptions = true, versionProvider = LimberCommand.Version.class,
        description = "Limber: community MSK services for the NHS: referral, waiting list, exercise programmes, one-stop clinics.",
        footer = {"", "Start with demo data:   ./limber demo", "Run on PostgreSQL:      LIMBER_DB_URL=jdbc:postgresql://host/db LIMBER_DB_USER=... ./limber serve"})
public class LimberCommand implements Runnable {

    /** Sub-commands that start the web server and keep the process alive. */
    private static final Set<String> LONG_RUNNING = Set.of("serve", "demo");

    /** Marks a top-level sub-command of {@code limber}. */
    public interface Subcommand {}

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new LimberCommand());
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Subcommand.class));
        scanner.findCandidateComponents("health.limber").stream()
                .map(BeanDefinition::getBeanClassName)
                .sorted(Comparator.naturalOrder())
                .forEach(name -> commandLine.addSubcommand(instantiate(name)));
        return commandLine;
    }

    public static boolean keepsRunning(String[] args) {
        return args.length > 0 && LONG_RUNNING.contains(args[0]) && !java.util.Arrays.asList(args).contains("--help");
    }

    private static Object instantiate(String className) {
        try {
            var constructor = Class.forName(className).getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create command " + className, e);
        }
    }

    static String version() {
        try (InputStream in = LimberCommand.class.getResourceAsStream("/META-INF/build-info.properties")) {
            if (in == null) {
                return "development";
            }
            Properties build = new Properties();
            build.load(in);
            return build.getProperty("build.version", "development") + " (built " + build.getProperty("build.time", "?") + ")";
        } catch (IOException e) {
            return "development";
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Limber " + version(), "Java " + System.getProperty("java.version")};
        }
    }
}

package health.limber;

import health.limber.cli.LimberCommand;
import health.limber.cli.Server;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Limber: referral, triage, waiting list, home exercise programmes and one-stop clinics for
 * community MSK services. {@link #main} runs the command line; {@code serve} and {@code demo}
 * start the web application.
 */
@SpringBootApplication
@EnableScheduling
public class LimberApplication {

    public static void main(String[] args) {
        // The embedded H2 database lets the command line share it with a running server (AUTO_SERVER): that
        // server listens on loopback only, never on the machine's other interfaces.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        Server.use(LimberApplication.class);
        int exitCode = LimberCommand.commandLine().execute(args.length == 0 ? new String[] {"--help"} : args);
        if (exitCode != 0 || !LimberCommand.keepsRunning(args)) {
            System.exit(exitCode);
        }
    }
}

package health.limber.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Run Limber without demo data (H2 in LIMBER_DATA_DIR, or PostgreSQL with LIMBER_DB_URL).")
class ServeCommand implements Callable<Integer>, LimberCommand.Subcommand {

    @Option(names = "--port", description = "HTTP port (default: LIMBER_PORT or 8080).")
    Integer port;

    @Override
    public Integer call() {
        Map<String, Object> properties = new HashMap<>();
        if (port != null) {
            properties.put("server.port", port);
        }
        Server.start(properties, true);
        return 0;
    }
}

package health.limber.demo;

import health.limber.cli.LimberCommand;
import health.limber.cli.Server;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", description = "Run Limber with demo data in LIMBER_DATA_DIR (default ./data), created on first run.")
class DemoCommand implements Callable<Integer>, LimberCommand.Subcommand {

    @Option(names = "--reset", description = "Delete the demo database first and build it again.")
    boolean reset;

    @Option(names = "--port", description = "HTTP port (default 8080).")
    int port = Integer.parseInt(System.getenv().getOrDefault("LIMBER_PORT", "8080"));

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to serve on (default 127.0.0.1: this machine only; 0.0.0.0 shows the demo, with its published passwords, to the network).")
    String bind;

    @Option(names = "--referrals-per-week", description = "Referrals a week to each ICB's service on average, on first load (default 7.5).")
    double referralsPerWeek = 7.5;

    @Override
    public Integer call() throws IOException {
        if (System.getenv("LIMBER_DB_URL") != null) {
            System.err.println("./limber demo uses its own H2 database; unset LIMBER_DB_URL or use ./limber serve.");
            return 2;
        }
        Path dataDir = Path.of(System.getenv().getOrDefault("LIMBER_DATA_DIR", "./data"));
        if (reset) {
            deleteDatabase(dataDir);
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("limber.demo.enabled", "true");
        properties.put("limber.demo.referrals-per-week", referralsPerWeek);
        properties.put("server.port", port);
        // the demo's well-known passwords are for this machine only unless asked otherwise
        properties.put("server.address", bind);
        if (System.getenv("LIMBER_INSTRUMENTS_WORDING_FILE") == null) {
            // made-up questions marked as such, so the self-referral can be walked without the licensed wording
            properties.put("limber.instruments.wording-file", "classpath:demo/instrument-demo-wording.properties");
        }
        // The demo is served over plain http://localhost, so cookies cannot require HTTPS.
        properties.put("server.servlet.session.cookie.secure", "false");
        var context = Server.start(properties, true);
        DemoData demo = context.getBean(DemoData.class);
        try {
            // the pages say "getting ready" until then; the sign-ins are printed when they would work
            demo.awaitReady(java.time.Duration.ofMinutes(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        print(demo.signIns(), port);
        return 0;
    }

    private static void deleteDatabase(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("limber.")).toList()) {
                Files.delete(file);
            }
        }
    }

    private static void print(DemoSignIns signIns, int port) {
        var out = System.out;
        out.println();
        out.println("Limber demo is running at http://localhost:" + port + "/");
        out.println();
        out.println("Staff sign in at http://localhost:" + port + "/sign-in  (password for every account: " + signIns.password() + ")");
        int width = signIns.staff().stream().mapToInt(staff -> staff.role().length()).max().orElse(16);
        signIns.staff().forEach(staff -> out.printf("  %-" + width + "s  %s%n", staff.role(), staff.username()));
        out.println("  (the same roles exist for every ICB: clinician.qjk, manager.qnx, ...)");
        out.println();
        out.println("Patients sign in at http://localhost:" + port + "/patient/sign-in  (codes are new each start, single use)");
        signIns.patients().forEach(patient -> out.printf("  %-22s NHS %s  born %s  access code %s%n", patient.name(),
                patient.nhsNumber(), patient.birthDate().format(DateTimeFormatter.ofPattern("d M yyyy")), patient.accessCode()));
        out.println();
        out.println("Press Ctrl+C to stop.");
    }
}

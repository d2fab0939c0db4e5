package health.limber.reporting.cli;

import health.limber.cli.LimberCommand;
import health.limber.cli.Server;
import health.limber.platform.InvalidFieldsException;
import health.limber.reporting.Deprivation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./limber deprivation FILE --source TEXT}: loads the deprivation quintiles equity reports use,
 * from a CSV of {@code postcode,quintile} (a header line is skipped), replacing what was loaded; all or nothing.
 */
@Command(name = "deprivation", description = "Load Index of Multiple Deprivation quintiles by postcode, sector or district "
        + "(CSV: postcode,quintile), replacing the loaded table; all or nothing.", mixinStandardHelpOptions = true)
class DeprivationCommand implements Callable<Integer>, LimberCommand.Subcommand {

    @Parameters(index = "0", description = "The CSV file: postcode (or sector, or district),quintile 1-5.")
    Path file;

    @Option(names = "--source", required = true, description = "Where the quintiles come from, e.g. \"English Indices of Deprivation 2019\".")
    String source;

    @Override
    public Integer call() throws IOException {
        String caller = System.getenv("LIMBER_CALLER_DIR");
        Path path = caller == null || file.isAbsolute() ? file : Path.of(caller).resolve(file);
        if (!Files.isReadable(path)) {
            System.err.println("Cannot read " + path);
            return 2;
        }
        List<Deprivation.Area> areas = new ArrayList<>();
        List<String> lines = Files.readAllLines(path);
        int firstLine = 1;
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (i == 0 && cells.length > 1 && !cells[1].strip().matches("-?[0-9]+")) {
                firstLine = 2; // a header
                continue;
            }
            int quintile;
            try {
                quintile = cells.length == 2 ? Integer.parseInt(cells[1].strip()) : 0;
            } catch (NumberFormatException e) {
                quintile = 0;
            }
            areas.add(new Deprivation.Area(cells[0], quintile));
        }
        try (var context = Server.start(Map.of("spring.main.lazy-initialization", true), false)) {
            int loaded = context.getBean(Deprivation.class).replace(areas, source, firstLine);
            System.out.println(loaded + " areas loaded from " + path.getFileName());
            return 0;
        } catch (InvalidFieldsException e) {
            e.errors().forEach((field, message) -> System.err.println(field + ": " + message));
            System.err.println("Nothing was loaded.");
            return 1;
        }
    }
}

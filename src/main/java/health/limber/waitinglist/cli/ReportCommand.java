package health.limber.waitinglist.cli;

import health.limber.cli.LimberCommand;
import health.limber.cli.Server;
import health.limber.waitinglist.internal.Bands;
import health.limber.waitinglist.internal.Census;
import health.limber.platform.Suppression;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(name = "report", description = "Waiting-list reports.", subcommands = {ReportCommand.CensusReport.class,
        ReportCommand.Compare.class}, mixinStandardHelpOptions = true)
class ReportCommand implements Runnable, LimberCommand.Subcommand {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static class Output {
        @Option(names = "--format", defaultValue = "table", description = "table (default) or csv")
        String format;

        @Option(names = "--suppress", description = "Suppress small numbers (1-7 as *, others rounded to 5) for publication.")
        boolean suppress;

        LongFunction<String> count() {
            return suppress ? Suppression::count : Long::toString;
        }

        void print(List<String> header, List<List<String>> rows) {
            if ("csv".equals(format)) {
                System.out.println(health.limber.platform.CsvCells.line(header));
                rows.forEach(row -> System.out.println(health.limber.platform.CsvCells.line(row)));
                return;
            }
            int[] widths = new int[header.size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = header.get(i).length();
                for (List<String> row : rows) {
                    widths[i] = Math.max(widths[i], row.get(i).length());
                }
            }
            List<List<String>> all = new ArrayList<>();
            all.add(header);
            all.addAll(rows);
            for (List<String> row : all) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < row.size(); i++) {
                    line.append(i == 0 ? String.format("%-" + widths[i] + "s", row.get(i)) : String.format("  %" + widths[i] + "s", row.get(i)));
                }
                System.out.println(line);
            }
        }
    }

    @Command(name = "census", description = "Waiters on a date by SitRep band, per commissioner (or provider, treatment function, priority), with a TOTAL row.")
    static class CensusReport implements Callable<Integer> {

        @Option(names = "--date", required = true, description = "Census date, yyyy-MM-dd")
        LocalDate date;

        @CommandLine.Mixin
        Output output = new Output();

        @Option(names = "--timing", description = "Also print how long the census query took (to standard error).")
        boolean timing;

        @Option(names = "--by", defaultValue = "COMMISSIONER", converter = GroupByConverter.class,
                description = "Rows per commissioner (default), provider, treatment-function or priority.")
        Census.GroupBy by;

        @Override
        public Integer call() {
            try (var context = Server.start(Map.of("spring.main.lazy-initialization", true), false)) {
                Census census = context.getBean(Census.class);
                if (timing) {
                    // warm up, and collect start-up's garbage now, so no collector pause from start-up lands in the timed query
                    census.on(date, by);
                    System.gc();
                }
                long started = System.nanoTime();
                Map<String, Bands> rows = census.on(date, by);
                if (timing) {
                    System.err.printf("census query: %.1f ms%n", (System.nanoTime() - started) / 1e6);
                }
                List<List<String>> lines = new ArrayList<>();
                rows.forEach((commissioner, bands) -> lines.add(bands.row(commissioner, output.count())));
                lines.add(Census.total(rows).row("TOTAL", output.count()));
                output.print(Bands.columns(by.name().toLowerCase(java.util.Locale.ROOT)), lines);
            }
            return 0;
        }
    }

    /** Accepts {@code treatment-function} as well as {@code TREATMENT_FUNCTION}. */
    static final class GroupByConverter implements CommandLine.ITypeConverter<Census.GroupBy> {
        @Override
        public Census.GroupBy convert(String value) {
            try {
                return Census.GroupBy.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("--by must be commissioner, provider, treatment-function or priority, not '"
                                                              + value + "'");
            }
        }
    }

    @Command(name = "compare", description = "18+ week waiters per commissioner on two dates, the change and % change.")
    static class Compare implements Callable<Integer> {

        @Option(names = "--from", required = true, description = "yyyy-MM-dd")
        LocalDate from;

        @Option(names = "--to", required = true, description = "yyyy-MM-dd")
        LocalDate to;

        @CommandLine.Mixin
        Output output = new Output();

        @Override
        public Integer call() {
            try (var context = Server.start(Map.of("spring.main.lazy-initialization", true), false)) {
                List<List<String>> lines = new ArrayList<>();
                for (var line : context.getBean(Census.class).compare(from, to, null).shown(output.suppress)) {
                    lines.add(List.of(line.icb(), line.atStart(), line.atEnd(), line.change() == null ? "" : Long.toString(line.change()),
                            line.percentChange() == null ? "" : line.percentChange().toPlainString()));
                }
                output.print(List.of("commissioner", "waiting_18_plus_from", "waiting_18_plus_to", "change", "pct_change"), lines);
            }
            return 0;
        }
    }
}

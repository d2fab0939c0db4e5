package health.limber.reporting.cli;

import health.limber.cli.LimberCommand;
import health.limber.cli.Server;
import health.limber.platform.CsvCells;
import health.limber.waitinglist.WaitingListFigures;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./limber report}: the waiting-list census and comparison, and the programme's cohort report, run by the database's owner. */
@Command(name = "report", description = "Waiting-list and programme reports.", subcommands = {ReportCommand.CensusReport.class,
        ReportCommand.Compare.class, CohortCommand.class}, mixinStandardHelpOptions = true)
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

        /** Prints a table (its first row the header) as aligned columns or CSV. */
        void print(List<List<String>> table) {
            if ("csv".equals(format)) {
                table.forEach(row -> System.out.println(CsvCells.line(row)));
                return;
            }
            int[] widths = new int[table.get(0).size()];
            for (List<String> row : table) {
                for (int i = 0; i < widths.length; i++) {
                    widths[i] = Math.max(widths[i], row.get(i).length());
                }
            }
            for (List<String> row : table) {
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
        String by;

        @Override
        public Integer call() {
            try (var context = Server.start(Map.of("spring.main.lazy-initialization", true), false)) {
                WaitingListFigures figures = context.getBean(WaitingListFigures.class);
                if (timing) {
                    // warm up, and collect start-up's garbage now, so no collector pause from start-up lands in the timed query
                    figures.censusTable(date, by, output.suppress);
                    System.gc();
                }
                long started = System.nanoTime();
                List<List<String>> table = figures.censusTable(date, by, output.suppress);
                if (timing) {
                    System.err.printf("census query: %.1f ms%n", (System.nanoTime() - started) / 1e6);
                }
                output.print(table);
            }
            return 0;
        }
    }

    /** Accepts {@code treatment-function} as well as {@code TREATMENT_FUNCTION}. */
    static final class GroupByConverter implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return WaitingListFigures.censusGroup(value);
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
                output.print(context.getBean(WaitingListFigures.class).compareTable(from, to, output.suppress));
            }
            return 0;
        }
    }
}

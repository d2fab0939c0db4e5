package health.limber.reporting.cli;

import health.limber.cli.Server;
import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.organisation.Organisations;
import health.limber.platform.InvalidFieldsException;
import health.limber.platform.InvalidInputException;
import health.limber.reporting.internal.BoardPaper;
import health.limber.reporting.internal.CohortCsv;
import health.limber.reporting.internal.CohortReports;
import health.limber.reporting.internal.Published;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./limber report cohort}: the cohort report, the same figures as the page, CSV, board paper and API. */
@Command(name = "cohort", description = "The programme's cohort report: long waits at the start and end, people seen, seen quicker, "
        + "usefulness, outcomes and work, per area and in total.", mixinStandardHelpOptions = true)
class CohortCommand implements Callable<Integer> {

    @Option(names = "--cohort", description = "The cohort's name or code, e.g. \"Cohort 1\".")
    String cohort;

    @Option(names = "--icb", split = ",", description = "Instead of a cohort: ICB ODS codes (comma-separated or repeated), with --from and --to.")
    List<String> icbs;

    @Option(names = "--from", description = "With --icb: the period's first day, yyyy-MM-dd.")
    LocalDate from;

    @Option(names = "--to", description = "With --icb: the period's last day, yyyy-MM-dd.")
    LocalDate to;

    @Option(names = "--format", defaultValue = "table", description = "table (default), csv or pdf (the board paper).")
    String format;

    @Option(names = "--output", description = "Where to write the PDF (default: cohort-report.pdf in the current directory).")
    Path output;

    @Option(names = "--suppress", description = "Suppress small numbers for publication (1-7 as *, others rounded to 5, and secondary suppression).")
    boolean suppress;

    @Override
    public Integer call() throws IOException {
        if ((cohort == null) == (icbs == null)) {
            System.err.println("Name a cohort with --cohort, or areas with --icb and a period with --from and --to.");
            return 2;
        }
        if (!List.of("table", "csv", "pdf").contains(format)) {
            System.err.println("--format must be table, csv or pdf, not '" + format + "'");
            return 2;
        }
        try (var context = Server.start(Map.of("spring.main.lazy-initialization", true), false)) {
            CohortReports reports = context.getBean(CohortReports.class);
            // the database's owner reads every area's figures, as a service manager of all of them would
            Actor owner = new Actor("limber-report", "Command line (database owner)", Role.SERVICE_MANAGER, "CLI",
                    context.getBean(Organisations.class).icbs().stream().map(health.limber.organisation.Icb::code).collect(Collectors.toSet()), null);
            Published published = context.getBean(CurrentActor.class).runAs(owner, () ->
                    Published.of(cohort != null ? reports.forCohort(cohort) : reports.forAreas(icbs, from, to), suppress));
            if (!published.report().anyData()) {
                System.err.println("No waiting-list records for these areas in " + published.report().from() + " to " + published.report().to()
                                   + ": there is nothing to report.");
                return 1;
            }
            if (format.equals("pdf")) {
                // a relative path is from where ./limber was called (it runs from its own directory)
                String caller = System.getenv("LIMBER_CALLER_DIR");
                Path named = output == null ? Path.of("cohort-report.pdf") : output;
                Path file = caller == null || named.isAbsolute() ? named : Path.of(caller).resolve(named);
                Files.write(file, context.getBean(BoardPaper.class).render(published));
                System.out.println("Board paper written to " + file.toAbsolutePath());
                return 0;
            }
            List<List<String>> table = CohortCsv.table(published);
            ReportCommand.Output out = new ReportCommand.Output();
            out.format = format;
            out.print(table);
            System.err.println(health.limber.waitinglist.SeenQuicker.METHOD);
            return 0;
        } catch (InvalidFieldsException e) {
            e.errors().forEach((field, message) -> System.err.println(field + ": " + message));
            return 1;
        } catch (InvalidInputException e) {
            System.err.println(e.field() + ": " + e.getMessage());
            return 1;
        }
    }
}

package health.limber.waitinglist.cli;

import health.limber.cli.LimberCommand;
import health.limber.cli.Server;
import health.limber.waitinglist.internal.ImportMode;
import health.limber.waitinglist.internal.ImportProblem;
import health.limber.waitinglist.internal.ImportSummary;
import health.limber.waitinglist.internal.WaitingListImport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

@Command(name = "import", description = "Import data files.", subcommands = ImportCommand.WaitingList.class,
        mixinStandardHelpOptions = true)
class ImportCommand implements Runnable, LimberCommand.Subcommand {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "waiting-list", description = "Import a WLMDS-like waiting-list CSV file (one row per pathway).")
    static class WaitingList implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "The CSV file.")
        Path file;

        @Option(names = "--dry-run", description = "Check and count everything, write nothing.")
        boolean dryRun;

        @Option(names = "--mode", defaultValue = "all-or-nothing",
                description = "all-or-nothing (default): any bad row means nothing is written; quarantine: write the good rows, "
                        + "list the bad ones in FILE.rejects.csv")
        String mode;

        @Option(names = "--as", paramLabel = "USERNAME", description = "Import as this service manager's account: only rows for the ICBs "
                + "their organisation serves are accepted, and the import is recorded under their name. Without it the command runs with "
                + "the database owner's rights (every ICB) and is recorded as the operating-system user.")
        String as;

        @Override
        public Integer call() throws IOException {
            ImportMode importMode = switch (mode) {
                case "all-or-nothing" -> ImportMode.ALL_OR_NOTHING;
                case "quarantine" -> ImportMode.QUARANTINE;
                default -> null;
            };
            if (importMode == null) {
                System.err.println("--mode must be all-or-nothing or quarantine");
                return 2;
            }
            if (!Files.isReadable(file)) {
                System.err.println("Cannot read " + file);
                return 2;
            }
            long size = Files.size(file);
            Path rejectsFile = file.resolveSibling(file.getFileName() + ".rejects.csv");
            try (var context = Server.start(Map.of("spring.main.lazy-initialization", true), false);
                 InputStream in = Files.newInputStream(file);
                 BufferedWriter rejectsOut = Files.newBufferedWriter(rejectsFile);
                 CSVPrinter rejects = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get().print(rejectsOut)) {
                rejects.printRecord("line", "column", "reason");
                WaitingListImport.Importer importer = importer(context);
                if (importer == null) {
                    return 2;
                }
                ProgressBar bar = new ProgressBar(System.err, size);
                long started = System.nanoTime();
                ImportSummary summary = context.getBean(WaitingListImport.class).run(in, importMode, dryRun, problem -> {
                    try {
                        rejects.printRecord(problem.line(), problem.column() == null ? "" : problem.column(),
                                health.limber.platform.CsvCells.neutralised(problem.message()));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, bar::update, importer);
                bar.finish();
                double seconds = (System.nanoTime() - started) / 1e9;
                print(summary, System.out);
                System.out.printf("Took %.1f s (%,.0f rows a second).%n", seconds, summary.rowsRead() / Math.max(seconds, 0.001));
                if (summary.rejected() > 0) {
                    System.out.println("Rejected rows, with line, column and reason: " + rejectsFile);
                } else {
                    rejectsOut.close();
                    Files.deleteIfExists(rejectsFile);
                }
                return summary.hasProblems() ? 1 : 0;
            }
        }

        /** The named account's rights, or the database owner's (said out loud); null when the account cannot import. */
        private WaitingListImport.Importer importer(org.springframework.context.ConfigurableApplicationContext context) {
            if (as == null) {
                String who = "cli:" + System.getProperty("user.name", "unknown");
                System.err.println("Importing with the database owner's rights: rows for every ICB are accepted. Recorded as " + who
                        + ". Use --as USERNAME to import as a service manager, limited to their organisation's ICBs.");
                return WaitingListImport.Importer.databaseOwner(who);
            }
            var account = context.getBean(health.limber.identity.StaffAccounts.class).findByUsername(as.trim().toLowerCase(java.util.Locale.ROOT))
                    .filter(user -> user.enabled() && user.role() == health.limber.identity.Role.SERVICE_MANAGER).orElse(null);
            if (account == null) {
                System.err.println("--as must name an enabled service manager's account");
                return null;
            }
            var icbs = context.getBean(health.limber.organisation.Organisations.class).icbsServedBy(account.organisationCode());
            System.err.println("Importing as " + account.username() + " (" + account.organisationCode() + "): rows for "
                    + String.join(", ", new java.util.TreeSet<>(icbs)) + " only.");
            return WaitingListImport.Importer.staff(account.username(), account.organisationCode(), icbs);
        }

        static void print(ImportSummary summary, PrintStream out) {
            summary.warnings().forEach(warning -> out.println("Warning: " + warning));
            summary.problems().stream().limit(20).map(ImportProblem::toString).forEach(problem -> out.println("Problem: " + problem));
            if (summary.problems().size() > 20) {
                out.println("... and more problems");
            }
            out.printf("rows read %d, created %d, updated %d, unchanged %d, rejected %d%n", summary.rowsRead(), summary.created(),
                    summary.updated(), summary.unchanged(), summary.rejected());
            out.println(summary.dryRun() ? "Dry run: nothing was written."
                    : summary.committed() ? "Imported." : "Nothing was written (all-or-nothing): fix the problems and import again.");
        }
    }

    /** A one-line progress bar on the terminal, redrawn at most once per percent; elsewhere a line per tenth. */
    static final class ProgressBar {

        private final PrintStream out;
        private final long total;
        private int shown = -1;

        ProgressBar(PrintStream out, long total) {
            this.out = out;
            this.total = Math.max(total, 1);
        }

        void update(long bytes) {
            int percent = (int) Math.min(100, bytes * 100 / total);
            if (System.console() == null) {
                // not a terminal (a log file, a scheduled job): a line at each tenth of the file instead of a bar
                if (percent / 10 != shown / 10 && percent >= 10) {
                    shown = percent;
                    out.println("Read " + percent / 10 * 10 + "% of the file");
                }
                return;
            }
            if (percent != shown) {
                shown = percent;
                int filled = percent / 4;
                out.print("\r[" + "#".repeat(filled) + " ".repeat(25 - filled) + "] " + percent + "%");
                out.flush();
            }
        }

        void finish() {
            if (System.console() != null) {
                out.println();
            }
        }
    }
}

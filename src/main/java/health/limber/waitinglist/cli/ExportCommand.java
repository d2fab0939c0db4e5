package health.limber.waitinglist.cli;

import health.limber.cli.LimberCommand;
import health.limber.cli.Server;
import health.limber.waitinglist.internal.WaitingListExport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

@Command(name = "export", description = "Export data files.", subcommands = ExportCommand.WaitingList.class,
        mixinStandardHelpOptions = true)
class ExportCommand implements Runnable, LimberCommand.Subcommand {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "waiting-list", description = "Write the waiting list on a census date as WLMDS-like CSV.")
    static class WaitingList implements Callable<Integer> {

        @Option(names = "--census-date", required = true, description = "yyyy-MM-dd")
        LocalDate censusDate;

        @Option(names = "--commissioner", description = "Only this ICB (ODS code).")
        String commissioner;

        @Parameters(paramLabel = "FILE", arity = "0..1", description = "Where to write (default: standard output).")
        Path file;

        @Override
        public Integer call() throws IOException {
            try (var context = Server.start(Map.of("spring.main.lazy-initialization", true), false);
                 Writer out = file == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                         : new BufferedWriter(Files.newBufferedWriter(file))) {
                long written = context.getBean(WaitingListExport.class)
                        .write(censusDate, commissioner == null ? null : commissioner.toUpperCase(Locale.ROOT), out);
                out.flush();
                if (file != null) {
                    System.err.println(written + " pathways waiting on " + censusDate + " written to " + file);
                }
            }
            return 0;
        }
    }
}

package health.limber.identity.cli;

import health.limber.cli.Server;
import health.limber.organisation.Cohorts;
import health.limber.organisation.Organisations;
import health.limber.platform.InvalidFieldsException;
import health.limber.platform.InvalidInputException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./limber setup icb} and {@code ./limber setup cohort}: the programme's areas and cohorts, as on the administrator's page. */
final class SetupAreas {

    private SetupAreas() {}

    @Command(name = "icb", description = "Add an ICB (an area cohorts and providers can name).", mixinStandardHelpOptions = true)
    static class Icb implements Callable<Integer> {

        @Option(names = "--code", required = true, description = "ODS code: Q and 2 letters or numbers, e.g. QOQ.")
        String code;

        @Option(names = "--name", required = true, description = "Name, e.g. \"NHS Humber and North Yorkshire Integrated Care Board\".")
        String name;

        @Option(names = "--short-name", description = "The short name reports use (from the name when left out).")
        String shortName;

        @Override
        public Integer call() {
            return run(() -> {
                var context = Server.start(Map.of("spring.main.lazy-initialization", true), false);
                try (context) {
                    var icb = context.getBean(Organisations.class).addIcb(code, name, shortName, "setup");
                    return "ICB " + icb.code() + " (" + icb.pilotArea() + ") added.";
                }
            });
        }
    }

    @Command(name = "cohort", description = "Create a cohort, or change the one of that name: its period, funding and areas.",
            mixinStandardHelpOptions = true)
    static class Cohort implements Callable<Integer> {

        @Option(names = "--name", required = true, description = "The cohort's name, e.g. \"Cohort 2\".")
        String name;

        @Option(names = "--from", description = "The period's first day, yyyy-MM-dd.")
        LocalDate from;

        @Option(names = "--to", description = "The period's last day, yyyy-MM-dd.")
        LocalDate to;

        @Option(names = "--funding", description = "Funding in whole pounds.")
        Long funding;

        @Option(names = "--description", description = "A sentence about the cohort.")
        String description;

        @Option(names = "--icb", required = true, split = ",", description = "Member ICB ODS codes (comma-separated or repeated).")
        List<String> icbs;

        @Override
        public Integer call() {
            return run(() -> {
                var context = Server.start(Map.of("spring.main.lazy-initialization", true), false);
                try (context) {
                    Cohorts cohorts = context.getBean(Cohorts.class);
                    var form = new Cohorts.CohortForm(name, from, to, funding, description, new LinkedHashSet<>(icbs));
                    var existing = cohorts.find(name);
                    var saved = existing.isPresent() ? cohorts.update(existing.get().code(), form, "setup") : cohorts.create(form, "setup");
                    return (existing.isPresent() ? "Changed " : "Created ") + saved.name() + " (" + saved.code() + "): "
                           + String.join(", ", saved.icbs()) + (saved.hasPeriod() ? ", " + saved.periodStart() + " to " + saved.periodEnd() : "");
                }
            });
        }
    }

    /** Runs a change and prints what it did, or each rule it broke (exit status 1). */
    private static Integer run(Supplier<String> change) {
        try {
            System.out.println(change.get());
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

package health.limber.clinic.cli;

import health.limber.cli.LimberCommand;
import health.limber.clinic.planner.InstanceException;
import health.limber.clinic.planner.InstanceGenerator;
import health.limber.clinic.planner.InstanceJson;
import health.limber.clinic.planner.Instance;
import health.limber.clinic.planner.Plan;
import health.limber.clinic.planner.PlanChecker;
import health.limber.clinic.planner.Planner;
import health.limber.clinic.planner.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code limber plan}: plans a one-stop clinic day from an instance file, checks a plan, or
 * generates an instance. Runs without the web application or a database.
 */
@Command(name = "plan", mixinStandardHelpOptions = true, subcommands = {PlanCommand.Check.class, PlanCommand.Generate.class},
        description = {"Plan a one-stop clinic day: who sees whom, where and when.",
                "Reads a clinic day (JSON, see docs/planner.md), prints progress to stderr and the plan (JSON) to stdout or --out."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:a plan was written", "2:the instance file is unreadable or broken (the message names the element)"})
class PlanCommand implements Callable<Integer>, LimberCommand.Subcommand {

    @Option(names = "--instance", paramLabel = "FILE", description = "The clinic day to plan (JSON). Required.")
    Path instance;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the plan here instead of standard output.")
    Path out;

    @Option(names = "--seconds", defaultValue = "10", description = "Time limit for the optimiser (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--solver", defaultValue = "cpsat", description = "cpsat (default) or greedy.")
    String solver;

    @Override
    public Integer call() throws IOException {
        if (instance == null) {
            System.err.println("Missing required option: '--instance=FILE' (or use plan check / plan generate; see plan --help)");
            return 2;
        }
        Instance day = readInstance(instance);
        if (day == null) {
            return 2;
        }
        if (!List.of("cpsat", "greedy").contains(solver)) {
            System.err.println("--solver: use cpsat or greedy, not " + solver);
            return 2;
        }
        day.unservable().forEach((patient, reason) -> System.err.println("unservable: " + patient + ": " + reason));
        Plan plan = Planner.named(solver).plan(day, Duration.ofMillis(Math.round(seconds * 1000)), System.err::println);
        List<Violation> violations = PlanChecker.check(day, plan);
        if (!violations.isEmpty()) {
            violations.forEach(v -> System.err.println("violation: " + v));
            System.err.println("The planner produced a plan that breaks " + violations.size() + " rule(s); this is a bug. Nothing written.");
            return 3;
        }
        write(InstanceJson.write(plan), out);
        return 0;
    }

    static Instance readInstance(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            System.err.println("--instance: cannot read " + file);
            return null;
        }
        try {
            return InstanceJson.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (InstanceException e) {
            System.err.println(file + ": " + e.getMessage());
            return null;
        } catch (java.nio.charset.MalformedInputException e) {
            System.err.println(file + ": is not UTF-8 text");
            return null;
        }
    }

    static void write(String json, Path out) throws IOException {
        if (out == null) {
            System.out.println(json);
        } else {
            Files.writeString(out, json + System.lineSeparator(), StandardCharsets.UTF_8);
            System.err.println("Wrote " + out);
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Check a plan against its clinic day: prints every broken rule.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the plan keeps every rule", "1:the plan breaks at least one rule (each is printed)", "2:a file is unreadable or broken"})
    static class Check implements Callable<Integer> {
        @Option(names = "--instance", required = true, paramLabel = "FILE")
        Path instance;

        @Option(names = "--plan", required = true, paramLabel = "FILE")
        Path plan;

        @Override
        public Integer call() throws IOException {
            Instance day = readInstance(instance);
            if (day == null) {
                return 2;
            }
            Plan read;
            try {
                read = InstanceJson.readPlan(day, Files.readString(plan, StandardCharsets.UTF_8));
            } catch (InstanceException e) {
                System.err.println(plan + ": " + e.getMessage());
                return 2;
            }
            List<Violation> violations = PlanChecker.check(day, read);
            violations.forEach(v -> System.out.println(v.rule() + "\t" + v.message()));
            var m = read.metrics();
            System.out.printf("%d violation(s); served %d of %d patients (weight %d of %d), waiting %d min%n", violations.size(),
                    m.patientsServed(), m.patients(), m.weightServed(), m.weightTotal(), m.waitingMinutes());
            return violations.isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true, description = "Generate a clinic day (same seed, same day).")
    static class Generate implements Callable<Integer> {
        @Option(names = "--seed", required = true)
        long seed;

        @Option(names = "--patients", defaultValue = "40", description = "Number of patients (default ${DEFAULT-VALUE}).")
        int patients;

        @Option(names = "--planted", description = "Build the day around a plan that serves everyone, so the optimum is known.")
        boolean planted;

        @Option(names = "--out", paramLabel = "FILE")
        Path out;

        @Override
        public Integer call() throws IOException {
            if (patients < 1 || patients > 1000) {
                System.err.println("--patients: must be between 1 and 1000");
                return 2;
            }
            try {
                write(InstanceJson.write(InstanceGenerator.generate(seed, patients, planted).instance()), out);
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println("--patients: " + e.getMessage());
                return 2;
            }
        }
    }
}

package health.limber.cli;

import picocli.CommandLine.Command;

@Command(name = "version", description = "Print Limber's version.")
class VersionCommand implements Runnable, LimberCommand.Subcommand {

    @Override
    public void run() {
        System.out.println("Limber " + LimberCommand.version());
    }
}

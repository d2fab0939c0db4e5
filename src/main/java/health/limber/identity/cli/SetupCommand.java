package health.limber.identity.cli;

import health.limber.cli.LimberCommand;
import health.limber.cli.Server;
import health.limber.identity.Role;
import health.limber.identity.StaffAccounts;
import health.limber.organisation.Organisations;
import health.limber.platform.InvalidInputException;
import java.io.Console;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * First set-up of a real deployment (without demo data): the provider, the ICBs it serves and its
 * first administrator, who then creates everyone else on the admin pages.
 */
@Command(name = "setup", description = "Add a provider, the ICBs it serves and a first administrator account; "
        + "or (setup icb, setup cohort) the programme's ICBs and cohorts.", subcommands = {SetupAreas.Icb.class, SetupAreas.Cohort.class})
class SetupCommand implements Callable<Integer>, LimberCommand.Subcommand {

    @Option(names = "--provider-code", description = "ODS code of the provider, e.g. RYX (required).")
    String providerCode;

    @Option(names = "--provider-name", description = "Name of the provider.")
    String providerName;

    @Option(names = "--provider-phone", description = "The service's phone number for patients, printed on handouts.")
    String providerPhone;

    @Option(names = "--icb", description = "ODS code of an ICB the provider serves (repeat for several).")
    List<String> icbs;

    @Option(names = "--admin", description = "Username for the first administrator.")
    String admin;

    @Option(names = "--admin-name", description = "Full name of the first administrator.")
    String adminName;

    @Option(names = "--system-admin", description = "Make this account a system administrator: it manages every organisation's "
            + "accounts (and sees no patient records). Only this command can grant it.")
    boolean systemAdmin;

    @Override
    public Integer call() {
        if (providerCode == null || providerName == null || icbs == null || admin == null || adminName == null) {
            System.err.println("Give --provider-code, --provider-name, --icb, --admin and --admin-name (see ./limber setup --help).");
            return 2;
        }
        String password = password();
        if (password == null) {
            System.err.println("Give the administrator's password on the terminal, or in LIMBER_ADMIN_PASSWORD.");
            return 2;
        }
        try (var context = Server.start(Map.of("spring.main.lazy-initialization", true), false)) {
            var icbCodes = new LinkedHashSet<String>();
            icbs.forEach(icb -> icbCodes.add(icb.trim().toUpperCase(Locale.ROOT)));
            var provider = context.getBean(Organisations.class).addProvider(providerCode, providerName, providerPhone, icbCodes);
            var user = context.getBean(StaffAccounts.class).createBySetup(
                    new StaffAccounts.NewStaffUser(admin, adminName, systemAdmin ? Role.SYSTEM_ADMIN : Role.ADMIN, provider.code(), password));
            System.out.println("Provider " + provider.code() + " serves " + String.join(", ", icbCodes)
                    + ". Administrator " + user.username() + " can now sign in at /sign-in.");
            return 0;
        } catch (InvalidInputException e) {
            System.err.println(e.field() + ": " + e.getMessage());
            return 1;
        }
    }

    private static String password() {
        String fromEnvironment = System.getenv("LIMBER_ADMIN_PASSWORD");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        Console console = System.console();
        if (console == null) {
            return null;
        }
        char[] typed = console.readPassword("Password for the administrator (12 or more characters): ");
        return typed == null ? null : new String(typed);
    }
}

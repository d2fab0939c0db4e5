/**
 * The {@code ./limber} command line (picocli). A new sub-command is one class: annotate it with
 * {@code @Command} and implement {@link health.limber.cli.LimberCommand.Subcommand}; it is found on the
 * class path at start-up.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Command line", allowedDependencies = {})
package health.limber.cli;

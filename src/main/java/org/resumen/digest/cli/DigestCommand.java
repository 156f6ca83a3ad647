package org.resumen.digest.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.resumen.digest.App;
import org.resumen.digest.DigestException;
import org.resumen.digest.RefusedException;
import org.resumen.digest.config.Config;
import org.resumen.digest.config.ConfigException;
import org.resumen.digest.config.ConfigLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code digest} command: global options and the subcommands. */
@Command(name = "digest", mixinStandardHelpOptions = true, version = "digest 0.1.0",
        description = "Turns the day's news from many sources into one digest email per subscriber.",
        subcommands = {SendCommand.class, PreviewCommand.class, IngestCommand.class, ServeCommand.class,
                CheckCommand.class, SubscribersCommand.class, DeliveriesCommand.class, DkimCommand.class,
                AdminCommand.class, BouncesCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Example:", "  digest send --date 2025-12-16", "  digest check --config digest.yml"})
public final class DigestCommand implements Runnable {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "YAML configuration (default: digest.yml in the working directory if present, else built-in defaults)")
    Path configFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Clock clock;

    DigestCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is missing; try: digest send --help");
    }

    /** Runs the command line and returns the process exit code. */
    public static int run(String[] args) {
        return commandLine(Clock.systemUTC(), new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    /** The command line with its output streams and clock given, for tests. */
    public static CommandLine commandLine(Clock clock, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new DigestCommand(clock), new Factory(clock));
        cli.setOut(out);
        cli.setErr(err);
        cli.registerConverter(LocalDate.class, DigestCommand::date);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            commandLine.getErr().println("digest: " + e.getMessage());
            if (!(e instanceof DigestException)) {
                e.printStackTrace(commandLine.getErr());
            }
            return e instanceof ConfigException || e instanceof RefusedException ? USAGE : FAILED;
        });
        return cli;
    }

    /** A --date value; picocli prints "Invalid value for option '--date': " and this message, then the usage. */
    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("\"" + text + "\" is not a date; expected YYYY-MM-DD, like 2025-12-16");
        }
    }

    Config config() {
        return ConfigLoader.load(configFile, System.getenv()).orThrow();
    }

    App open() {
        return App.open(config(), clock);
    }

    Clock clock() {
        return clock;
    }

    /** Gives every subcommand the clock, so tests can run commands at a chosen instant. */
    private record Factory(Clock clock) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == DigestCommand.class) {
                return type.cast(new DigestCommand(clock));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}

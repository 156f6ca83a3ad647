package org.resumen.digest.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.resumen.digest.App;
import org.resumen.digest.subscriber.Subscriber;
import org.resumen.digest.subscriber.SubscriberFileReport;
import org.resumen.digest.subscriber.SubscriberFiles;
import org.resumen.digest.subscriber.SubscriberStore;
import org.resumen.digest.subscriber.SyncReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code digest subscribers list|import FILE|unsubscribe EMAIL}. */
@Command(name = "subscribers", mixinStandardHelpOptions = true, description = "List, import or unsubscribe subscribers.",
        subcommands = {SubscribersCommand.ListCommand.class, SubscribersCommand.ImportCommand.class, SubscribersCommand.UnsubscribeCommand.class},
        footer = {"", "Examples:", "  digest subscribers list", "  digest subscribers import nuevos.csv", "  digest subscribers unsubscribe ana@example.org"})
final class SubscribersCommand implements Runnable {
    @ParentCommand
    DigestCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say list, import FILE or unsubscribe EMAIL");
    }

    /** Reads subscribers/*.csv into the database, reporting bad rows; the files are the list. */
    static SyncReport sync(App app, PrintWriter out) {
        SubscriberStore.FolderSync synced = app.subscribers.syncFolder(app.config.subscribers());
        synced.files().problems().forEach(p -> out.println("problem: " + p));
        return synced.changes();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every subscriber with status, language and topics.")
    static final class ListCommand implements Callable<Integer> {
        @ParentCommand
        SubscribersCommand parent;

        @Override
        public Integer call() {
            PrintWriter out = parent.spec.commandLine().getOut();
            try (App app = parent.parent.open()) {
                sync(app, out);
                out.printf("%-36s %-13s %-6s %s%n", "EMAIL", "STATUS", "LANG", "TOPICS");
                for (Subscriber s : app.subscribers.all()) {
                    out.printf("%-36s %-13s %-6s %s%n", s.email(), s.status().name().toLowerCase(),
                            s.locale() == null ? "-" : s.locale().toLanguageTag(), s.topics().isEmpty() ? "(all)" : String.join(";", new java.util.TreeSet<>(s.topics())));
                }
                out.flush();
                return DigestCommand.OK;
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Copy a CSV file (email,name,locale,topics) into the subscribers folder and add its subscribers.")
    static final class ImportCommand implements Callable<Integer> {
        @ParentCommand
        SubscribersCommand parent;

        @Parameters(paramLabel = "FILE", description = "CSV file with the header email,name,locale,topics")
        Path file;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = parent.spec.commandLine().getOut();
            SubscriberFileReport checked = SubscriberFiles.readFile(file);
            try (App app = parent.parent.open()) {
                Path target = app.config.subscribers().resolve(file.getFileName());
                if (!Files.exists(target) || !Files.isSameFile(target, file)) {
                    Files.createDirectories(app.config.subscribers());
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
                SyncReport report = sync(app, out);
                out.printf("Imported %s as %s: %d rows read, %d bad; %d added, %d updated.%n", file, target,
                        checked.rows().size(), checked.problems().size(), report.added(), report.updated());
                out.flush();
                return checked.problems().isEmpty() ? DigestCommand.OK : DigestCommand.FAILED;
            }
        }
    }

    @Command(name = "unsubscribe", mixinStandardHelpOptions = true, description = "Unsubscribe an address at once; it stays unsubscribed even while listed in a file.")
    static final class UnsubscribeCommand implements Callable<Integer> {
        @ParentCommand
        SubscribersCommand parent;

        @Parameters(paramLabel = "EMAIL")
        String email;

        @Override
        public Integer call() {
            PrintWriter out = parent.spec.commandLine().getOut();
            try (App app = parent.parent.open()) {
                sync(app, out);
                if (app.subscribers.byEmail(email.trim().toLowerCase()).isEmpty()) {
                    out.println("No subscriber " + email + ".");
                    out.flush();
                    return DigestCommand.FAILED;
                }
                boolean changed = app.subscribers.unsubscribe(email.trim().toLowerCase());
                out.println(changed ? "Unsubscribed " + email + "." : email + " was already unsubscribed.");
                out.flush();
                return DigestCommand.OK;
            }
        }
    }
}

package org.resumen.digest.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
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
        subcommands = {SubscribersCommand.ListCommand.class, SubscribersCommand.ImportCommand.class, SubscribersCommand.UnsubscribeCommand.class,
                SubscribersCommand.LiftCommand.class},
        footer = {"", "Examples:", "  digest subscribers list", "  digest subscribers import nuevos.csv", "  digest subscribers unsubscribe ana@example.org",
                "  digest subscribers lift ana@example.org"})
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
        synced.problems().forEach(p -> out.println("problem: " + p));
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
            description = {"Copy a CSV file (email,name,locale,topics) into the subscribers folder and add its subscribers.",
                    "A file of the same name already there is never replaced: the new one is saved as NAME-2.csv (-3, …).",
                    "A file with no valid row is not copied. The summary names anyone the folder no longer lists (removed)."})
    static final class ImportCommand implements Callable<Integer> {
        @ParentCommand
        SubscribersCommand parent;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "CSV file with the header email,name,locale,topics")
        Path file;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = parent.spec.commandLine().getOut();
            if (!Files.isRegularFile(file)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "FILE: \"" + file + "\" not found; expected a CSV file with the header email,name,locale,topics");
            }
            SubscriberFileReport checked = SubscriberFiles.readFile(file);
            if (checked.rows().isEmpty()) {
                checked.problems().forEach(p -> out.println("problem: " + p));
                out.println("Not imported: " + file + " has no valid row; nothing was copied to the subscribers folder.");
                out.flush();
                return DigestCommand.FAILED;
            }
            try (App app = parent.parent.open()) {
                Path folder = app.config.subscribers();
                Placed placed = place(file, folder);
                Set<String> before = activeEmails(app);
                SyncReport report = sync(app, out);
                Set<String> removed = new TreeSet<>(before);
                removed.removeAll(activeEmails(app));
                out.println(placed.how());
                out.printf("%d rows read, %d bad; %d added, %d updated, %d removed.%n", checked.rows().size(),
                        checked.problems().size(), report.added(), report.updated(), removed.size());
                if (!removed.isEmpty()) {
                    out.println("Removed (listed in no file of " + folder + " any more): " + String.join(", ", removed));
                }
                out.flush();
                return checked.problems().isEmpty() ? DigestCommand.OK : DigestCommand.FAILED;
            }
        }

        private record Placed(Path target, String how) {
        }

        private static Placed place(Path file, Path folder) throws IOException {
            Path same = folder.resolve(file.getFileName());
            if (Files.exists(same) && Files.isSameFile(same, file)) {
                return new Placed(same, file + " is already in the subscribers folder; nothing copied.");
            }
            if (Files.exists(same) && Files.mismatch(same, file) == -1) {
                return new Placed(same, "An identical " + same + " is already there; nothing copied.");
            }
            Files.createDirectories(folder);
            Path target = SubscriberFiles.freeName(folder, file.getFileName().toString());
            Files.copy(file, target);
            String how = "Imported " + file + " as " + target;
            return new Placed(target, target.getFileName().equals(file.getFileName()) ? how + "."
                    : how + " (" + same + " is already there and was kept; merge the two by hand if one should replace the other).");
        }

        private static Set<String> activeEmails(App app) {
            Set<String> emails = new TreeSet<>();
            app.subscribers.active().forEach(s -> emails.add(s.email()));
            return emails;
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
                    out.println("No subscriber " + email + "; see: digest subscribers list");
                    out.flush();
                    return DigestCommand.USAGE;
                }
                boolean changed = app.subscribers.unsubscribe(email.trim().toLowerCase());
                out.println(changed ? "Unsubscribed " + email + "." : email + " was already unsubscribed.");
                out.flush();
                return DigestCommand.OK;
            }
        }
    }

    /** Lets a BOUNCED or COMPLAINED subscriber get mail again: an admin's decision, never automatic. */
    @Command(name = "lift", mixinStandardHelpOptions = true,
            description = "Make a bounced or complained subscriber active again.")
    static final class LiftCommand implements Callable<Integer> {
        @ParentCommand
        SubscribersCommand parent;

        @Parameters(paramLabel = "EMAIL")
        String email;

        @Override
        public Integer call() {
            PrintWriter out = parent.spec.commandLine().getOut();
            try (App app = parent.parent.open()) {
                boolean changed = app.subscribers.lift(email.trim().toLowerCase());
                out.println(changed ? "Lifted " + email + ": active again." : email + " is not bounced or complained; see: digest subscribers list");
                out.flush();
                return changed ? DigestCommand.OK : DigestCommand.USAGE;
            }
        }
    }
}

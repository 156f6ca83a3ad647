package org.resumen.digest.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.resumen.digest.App;
import org.resumen.digest.RefusedException;
import org.resumen.digest.admin.Admin;
import org.resumen.digest.admin.Admins;
import org.resumen.digest.admin.ApiTokens;
import org.resumen.digest.admin.Passwords;
import org.resumen.digest.admin.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code digest admin add EMAIL [--role admin|editor] | list | remove EMAIL | token NAME}: the accounts of the console and API tokens. */
@Command(name = "admin", mixinStandardHelpOptions = true, description = "Add, list or remove admin accounts of the web console; create API tokens.",
        subcommands = {AdminCommand.AddCommand.class, AdminCommand.ListCommand.class, AdminCommand.RemoveCommand.class, AdminCommand.TokenCommand.class},
        footer = {"", "Examples:", "  digest admin add ana@example.org --role admin", "  DIGEST_ADMIN_PASSWORD=… digest admin add bot@example.org",
                "  digest admin list", "  digest admin remove ana@example.org", "  digest admin token cms"})
final class AdminCommand implements Runnable {
    static final String PASSWORD_VARIABLE = "DIGEST_ADMIN_PASSWORD";

    @ParentCommand
    DigestCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say add EMAIL, list, remove EMAIL or token NAME");
    }

    static Admins admins(App app) {
        return new Admins(app.database.dataSource(), new Passwords(), app.clock);
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an account; the password is read from the terminal, or from DIGEST_ADMIN_PASSWORD.")
    static final class AddCommand implements Callable<Integer> {
        @ParentCommand
        AdminCommand parent;

        @Parameters(paramLabel = "EMAIL")
        String email;

        @Option(names = "--role", paramLabel = "admin|editor", defaultValue = "editor",
                description = "editor previews and test-sends; admin also sends to everyone and manages accounts (default: editor)")
        String role;

        @Override
        public Integer call() {
            PrintWriter out = parent.spec.commandLine().getOut();
            Role chosen = switch (role.trim().toLowerCase()) {
                case "admin" -> Role.ADMIN;
                case "editor" -> Role.EDITOR;
                default -> throw new RefusedException("--role must be admin or editor, got \"" + role + "\"");
            };
            String password = password();
            try (App app = parent.parent.open()) {
                Admin admin = admins(app).add(email, password, chosen);
                out.println("Admin " + admin.email() + " added (" + admin.role().name().toLowerCase() + ").");
                return DigestCommand.OK;
            }
        }

        private static String password() {
            String fromEnvironment = System.getenv(PASSWORD_VARIABLE);
            if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
                return fromEnvironment;
            }
            Console console = System.console();
            if (console == null) {
                throw new RefusedException("no terminal to read the password from; set " + PASSWORD_VARIABLE + " for scripts");
            }
            char[] first = console.readPassword("Password (at least 10 characters): ");
            char[] again = console.readPassword("Same password again: ");
            try {
                if (first == null || !Arrays.equals(first, again)) {
                    throw new RefusedException("the two passwords differ; nothing added");
                }
                return new String(first);
            } finally {
                if (first != null) {
                    Arrays.fill(first, ' ');
                }
                if (again != null) {
                    Arrays.fill(again, ' ');
                }
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts and their roles.")
    static final class ListCommand implements Callable<Integer> {
        @ParentCommand
        AdminCommand parent;

        @Override
        public Integer call() {
            PrintWriter out = parent.spec.commandLine().getOut();
            try (App app = parent.parent.open()) {
                out.printf("%-40s %s%n", "EMAIL", "ROLE");
                admins(app).list().forEach(a -> out.printf("%-40s %s%n", a.email(), a.role().name().toLowerCase()));
                out.flush();
                return DigestCommand.OK;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an account.")
    static final class RemoveCommand implements Callable<Integer> {
        @ParentCommand
        AdminCommand parent;

        @Parameters(paramLabel = "EMAIL")
        String email;

        @Override
        public Integer call() {
            PrintWriter out = parent.spec.commandLine().getOut();
            try (App app = parent.parent.open()) {
                if (!admins(app).remove(email)) {
                    out.println("No admin " + email.trim().toLowerCase() + "; nothing removed.");
                    return DigestCommand.FAILED;
                }
                out.println("Admin " + email.trim().toLowerCase() + " removed.");
                return DigestCommand.OK;
            }
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = {"Create a bearer token for the REST API (/api/v1) named NAME (what it is for).",
                    "The token is printed once and stored hashed: keep it; revoke it on the console's /admin/tokens page."})
    static final class TokenCommand implements Callable<Integer> {
        @ParentCommand
        AdminCommand parent;

        @Parameters(paramLabel = "NAME", description = "what the token is for, e.g. cms")
        String name;

        @Override
        public Integer call() {
            PrintWriter out = parent.spec.commandLine().getOut();
            try (App app = parent.parent.open()) {
                ApiTokens.Created created = new ApiTokens(app.database.dataSource(), app.clock).create(name);
                out.println("API token \"" + created.listed().name() + "\" created; it is shown only this once:");
                out.println(created.token());
                out.println("Use it as: curl -H 'Authorization: Bearer " + created.token() + "' <base-url>/api/v1/editions");
                out.flush();
                return DigestCommand.OK;
            }
        }
    }
}

package org.resumen.digest.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.resumen.digest.config.Config;
import org.resumen.digest.mail.DkimKey;
import org.resumen.digest.mail.DkimKeyPair;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code digest dkim keygen --selector S [--out DIR] [--domain D]}. */
@Command(name = "dkim", mixinStandardHelpOptions = true, description = "DKIM keys for signing the digests.",
        subcommands = DkimCommand.KeygenCommand.class,
        footer = {"", "Example:", "  digest dkim keygen --selector resumen2026 --out keys"})
final class DkimCommand implements Runnable {
    @ParentCommand
    DigestCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say keygen; try: digest dkim keygen --selector resumen2026");
    }

    @Command(name = "keygen", mixinStandardHelpOptions = true,
            description = "Write a new RSA key pair (PKCS#8 PEM) and print the DNS TXT record to publish.",
            footer = {"", "Example:", "  digest dkim keygen --selector resumen2026 --out keys --domain example.org"})
    static final class KeygenCommand implements Callable<Integer> {
        private static final Pattern SELECTOR = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

        @ParentCommand
        DkimCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--selector", required = true, paramLabel = "S", description = "DKIM selector (s=), e.g. resumen2026")
        String selector;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "folder for S.private.pem and S.public.pem (default: the working directory)")
        Path out;

        @Option(names = "--domain", paramLabel = "D", description = "signing domain (default: dkim.domain, else the domain of newsletter.from)")
        String domain;

        @Option(names = "--bits", paramLabel = "N", defaultValue = "2048", description = "RSA key size, at least 2048 (default: 2048)")
        int bits;

        @Override
        public Integer call() {
            if (!SELECTOR.matcher(selector).matches()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--selector \"" + selector + "\" is not a DKIM selector; expected letters, digits, - and . like resumen2026");
            }
            if (bits < DkimKey.MIN_BITS || bits > 8192) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--bits " + bits + ": expected 2048 to 8192");
            }
            String signingDomain = domain != null ? domain.trim().toLowerCase() : defaultDomain(parent.parent.config());
            DkimKeyPair pair = DkimKeyPair.generate(bits);
            List<Path> files = pair.write(out, selector);
            PrintWriter print = spec.commandLine().getOut();
            print.println("Wrote " + files.get(0) + " (private, keep it secret) and " + files.get(1) + ".");
            print.println("Publish this TXT record at " + selector + "._domainkey." + signingDomain + ":");
            print.println();
            print.println(pair.zoneLine(selector, signingDomain));
            print.println();
            print.println("Then set dkim.domain: " + signingDomain + ", dkim.selector: " + selector
                    + ", dkim.private-key: " + files.get(0) + " and run: digest check");
            print.flush();
            return DigestCommand.OK;
        }

        private static String defaultDomain(Config config) {
            if (config.dkim().enabled()) {
                return config.dkim().domain();
            }
            String from = config.newsletter().from();
            int at = from.lastIndexOf('@');
            return from.substring(at + 1).replace(">", "").trim().toLowerCase();
        }
    }
}

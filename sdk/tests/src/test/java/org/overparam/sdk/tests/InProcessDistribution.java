package org.overparam.sdk.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.overparam.launcher.Distribution;
import org.overparam.launcher.FrameworkBoot;
import org.overparam.launcher.PluginSettle;
import org.overparam.launcher.CliCall;

/**
 * The assembled distribution ({@code runtime/target/overparam}, the system property
 * {@code overparam.home}) booted in this JVM as {@code overparam} boots it, from a private copy of its
 * folders so that what the test drops into {@code plugins/} touches nobody else's distribution. The
 * command line is called through its service, with standard output and error captured.
 */
final class InProcessDistribution implements AutoCloseable {
    private final Path home;
    private final FrameworkBoot boot;

    private InProcessDistribution(Path home, FrameworkBoot boot) {
        this.home = home;
        this.boot = boot;
    }

    /**
     * @param home an empty folder for the copy
     * @return the booted distribution, its shipped plugins started
     * @throws Exception if the distribution is missing or does not boot
     */
    static InProcessDistribution boot(Path home) throws Exception {
        Path dist = Path.of(System.getProperty(Distribution.HOME_PROPERTY, "../../runtime/target/overparam"));
        if (!Files.isDirectory(dist.resolve("bundles"))) {
            throw new IllegalStateException("no distribution at " + dist + ": build the runtime module first");
        }
        for (String folder : new String[] {"bundles", "plugins", "conf"}) {
            OfflineMaven.copyTree(dist.resolve(folder), home.resolve(folder));
        }
        Distribution d = new Distribution(home).checked();
        FrameworkBoot boot = FrameworkBoot.start(d, false, false);
        if (!boot.failures().isEmpty()) {
            boot.close();
            throw new IllegalStateException("the distribution booted with failures: " + boot.failures());
        }
        PluginSettle.await(boot.context(), Distribution.jars(d.plugins()));
        return new InProcessDistribution(home, boot);
    }

    /** @return the watched plugins folder */
    Path plugins() {
        return home.resolve("plugins");
    }

    /**
     * @param args a command line, e.g. {@code list optimizer}
     * @return its exit code and output
     * @throws Exception if the command line service does not answer
     */
    synchronized Output cli(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = CliCall.run(boot.context(), args);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * What a command printed.
     *
     * @param code its exit code
     * @param out its standard output
     * @param err its standard error
     */
    record Output(int code, String out, String err) {
    }

    @Override
    public void close() throws IOException {
        boot.close();
    }
}

package org.overparam.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code overparam} command: boots the OSGi framework of the distribution this jar belongs
 * to and then either runs the interactive Gogo shell ({@code overparam shell}, until the
 * framework stops), serves the dashboard ({@code overparam serve}, until the process is stopped), or
 * hands the arguments to the command line service ({@link CliCall}) and exits with its code. Launcher options ({@code --verbose}) come before the command; see
 * {@link LaunchArgs}. User errors are one line on stderr, never a stack trace (except with
 * {@code --verbose}).
 */
public final class Main {
    /** SPI Fly announces every provider it registers at INFO; held here so its level sticks. */
    private static final Logger SPI_FLY = Logger.getLogger("org.apache.aries.spifly");
    /** Turns off the javax.script support of Hazelcast's bundle (not its member). */
    private static final String HAZELCAST_SCRIPTING = "hazelcast.osgi.jsr223.disabled";

    private Main() {
    }

    /**
     * @param args launcher options, then the command and its arguments
     */
    public static void main(String[] args) {
        int code;
        try {
            code = run(args);
        } catch (LaunchException e) {
            Log.error(e.getMessage());
            Log.trace(e.getCause());
            code = e.exitCode();
        } catch (InterruptedException e) {
            Log.error("interrupted");
            code = 130;
        } catch (RuntimeException | LinkageError e) {
            Log.error("internal error: " + e);
            Log.trace(e);
            code = 1;
        }
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    private static int run(String[] rawArgs) throws LaunchException, InterruptedException {
        LaunchArgs args = LaunchArgs.parse(rawArgs);
        Log.setVerbose(args.verbose());
        Distribution distribution = Distribution.locate();
        quietConsoleLogging(args.shell(), args.verbose());
        skipHazelcastScripting();
        List<Path> plugins = Distribution.jars(distribution.plugins());
        try (FrameworkBoot boot = FrameworkBoot.start(distribution, args.shell(), args.verbose())) {
            Runtime.getRuntime().addShutdownHook(new Thread(boot::close, "overparam-shutdown"));
            boot.failures().forEach(Log::error);
            Log.detail("framework started in " + boot.bootMillis() + " ms from " + distribution.home());
            if (args.shell()) {
                boot.awaitStop();
                return 0;
            }
            long settleStart = System.currentTimeMillis();
            boolean settled = PluginSettle.await(boot.context(), plugins);
            Log.detail((settled ? "plugins active after " : "plugins not all active after ")
                    + (System.currentTimeMillis() - settleStart) + " ms");
            if (args.serve()) {
                String[] rest = args.command().subList(1, args.command().size()).toArray(new String[0]);
                int code = CliCall.run(boot.context(), rest, CliCall.SERVE_PROPERTY);
                if (code == 0) {
                    boot.awaitStop();
                }
                return code;
            }
            return CliCall.run(boot.context(), args.commandArray());
        }
    }

    /**
     * One line per java.util.logging record (FileInstall's errors, JLine's warnings), no warning from
     * JLine when the shell's input is not a terminal, and no INFO from SPI Fly nor slf4j's own warnings
     * (the web server's logging goes to slf4j's no-op provider) unless {@code --verbose}; Hazelcast's bundle
     * logs nothing.
     */
    private static void quietConsoleLogging(boolean shell, boolean verbose) {
        if (!verbose) {
            SPI_FLY.setLevel(Level.WARNING);
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "ERROR");
            }
        }
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "overparam: %4$s: %5$s%6$s%n");
        }
        // Hazelcast (the cluster bundle's member) logs through its own logging, by default to
        // java.util.logging at INFO from the moment its bundle starts; the cluster bundle prints its own lines.
        if (System.getProperty("hazelcast.logging.type") == null) {
            System.setProperty("hazelcast.logging.type", "none");
        }
        if (shell && System.getProperty("org.jline.terminal.dumb") == null) {
            System.setProperty("org.jline.terminal.dumb", "true");
        }
    }

    /**
     * Turns off the javax.script support of Hazelcast's bundle unless the user set it: its activator
     * otherwise looks through every bundle for script engines at each start, for scripts sent by
     * Hazelcast's Management Center, which Overparam's members never accept.
     */
    private static void skipHazelcastScripting() {
        if (System.getProperty(HAZELCAST_SCRIPTING) == null) {
            System.setProperty(HAZELCAST_SCRIPTING, "true");
        }
    }
}

package org.overparam.launcher;

import java.util.Arrays;
import java.util.List;

/**
 * The launcher's reading of the command line. Launcher options come first and are not passed
 * on: {@code --verbose} (louder framework logs and launcher details). The first other argument
 * selects the mode: {@code shell} starts the interactive Gogo shell; {@code serve} hands its
 * arguments to the dashboard's serve service and keeps the container running; anything else
 * (including nothing) is handed, unchanged, to the command line service.
 *
 * @param verbose whether {@code --verbose} was given before the command
 * @param shell whether the command is {@code shell}
 * @param command the arguments for the command line service (empty in shell mode)
 */
public record LaunchArgs(boolean verbose, boolean shell, List<String> command) {
    /** The launcher option that raises log levels. */
    public static final String VERBOSE = "--verbose";
    /** The command that starts the interactive shell. */
    public static final String SHELL = "shell";
    /** The command that serves the dashboard until the process is stopped. */
    public static final String SERVE = "serve";

    /** Copies the command so the record stays immutable. */
    public LaunchArgs {
        command = List.copyOf(command);
    }

    /**
     * @param args the process arguments
     * @return the launcher options and the rest
     * @throws LaunchException (exit code 2) if {@code shell} is followed by more arguments
     */
    public static LaunchArgs parse(String... args) throws LaunchException {
        int first = 0;
        boolean verbose = false;
        while (first < args.length && VERBOSE.equals(args[first])) {
            verbose = true;
            first++;
        }
        List<String> rest = Arrays.asList(args).subList(first, args.length);
        boolean shell = !rest.isEmpty() && SHELL.equals(rest.get(0));
        if (shell && rest.size() > 1) {
            throw new LaunchException("'shell' takes no arguments (got: "
                    + String.join(" ", rest.subList(1, rest.size())) + ")", 2);
        }
        return new LaunchArgs(verbose, shell, shell ? List.of() : rest);
    }

    /** @return whether the command is {@code serve}: the container keeps running after it */
    public boolean serve() {
        return !command.isEmpty() && SERVE.equals(command.get(0));
    }

    /** @return the command line service's arguments as an array */
    public String[] commandArray() {
        return command.toArray(new String[0]);
    }
}

package org.overparam.shell.internal;

import java.util.List;
import org.overparam.api.InvalidInputException;

/** Reading {@code --name VALUE} and {@code --name=VALUE} options of the store's commands. */
final class Options {
    private Options() {
    }

    /**
     * @param arg an argument such as {@code --limit=5}
     * @return the option's name, e.g. {@code --limit}
     */
    static String name(String arg) {
        int eq = arg.indexOf('=');
        return eq < 0 ? arg : arg.substring(0, eq);
    }

    /**
     * @param args the arguments
     * @param i the index of an option
     * @param command the command, for errors
     * @param usage its usage line
     * @return the option's value: after {@code =}, else the next argument
     * @throws InvalidInputException if there is none
     */
    static String value(List<String> args, int i, String command, String usage) {
        String a = args.get(i);
        int eq = a.indexOf('=');
        String v = eq >= 0 ? a.substring(eq + 1) : i + 1 < args.size() ? args.get(i + 1) : "";
        if (v.isBlank()) {
            throw new InvalidInputException(command, name(a) + " needs a value; usage: overparam " + usage);
        }
        return v;
    }

    /**
     * @param option the option's name
     * @param value its value
     * @return it as a whole number of at least 0
     * @throws InvalidInputException if it is not one
     */
    static int count(String option, String value) {
        String v = value.strip();
        if (!v.matches("\\d{1,9}")) {
            throw new InvalidInputException(option, "'" + value + "' is not a whole number of at least 0");
        }
        return Integer.parseInt(v);
    }
}

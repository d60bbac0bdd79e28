package org.overparam.shell.internal;

import java.util.List;
import org.overparam.api.InvalidInputException;
import org.overparam.linalg.Linalg;

/**
 * The {@code calibrate} command: measures native OpenBLAS against the Java Vector API kernels per
 * level-3 operation and shape class now, caches the choice for this machine (docs/linalg.md), and
 * prints the table with the measured times. The kernels already running keep their choice; the
 * next start with calibration on ({@code -Doverparam.linalg.calibration=auto}) uses the new one. Exit code 0; 2 when there is nothing to choose between.
 */
final class CalibrateCommand {
    /**
     * @param args the arguments after {@code calibrate} (none)
     * @param t where to print
     * @return the exit code
     */
    int execute(List<String> args, Terminal t) {
        if (!args.isEmpty()) {
            throw new InvalidInputException("calibrate", "takes no arguments; usage: overparam calibrate");
        }
        String table;
        try {
            table = Linalg.calibrate();
        } catch (IllegalStateException e) {
            throw new InvalidInputException("calibrate", e.getMessage());
        }
        t.out().println("kernels now: " + Linalg.implementation());
        t.out().print(table);
        if (!Linalg.implementation().contains("calibrated:")) {
            t.out().println("calibration is opt-in: a start with OVERPARAM_JAVA_OPTS=-Doverparam.linalg.calibration=auto"
                    + " uses this table (docs/linalg.md)");
        }
        t.out().flush();
        return CommandLine.OK;
    }
}

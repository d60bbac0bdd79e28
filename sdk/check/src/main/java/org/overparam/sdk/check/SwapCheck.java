package org.overparam.sdk.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.framework.BundleException;
import org.overparam.api.run.RunEvent;
import org.overparam.api.run.RunListener;
import org.overparam.api.run.RunResult;

/**
 * The hot-swap check: a plugin updated with the same jar in the middle of a run must leave the run's
 * numbers unchanged. The experiment runs once as it is, then again with a listener that, at the
 * run's first progress event (after its first step, on the run's thread), updates the plugin's
 * bundle from its jar; the engine looks components up by name at every step, so the rest of the
 * run uses the new revision. The check passes when both runs end with the same status after the same
 * number of steps and their {@code metrics.csv} files are byte for byte equal.
 */
final class SwapCheck {
    private SwapCheck() {
    }

    /**
     * @param checks the checks' framework
     * @param plugin the plugin to update
     * @param experiment a run that uses it
     * @return the check {@code swap}
     */
    static Check run(PluginChecks checks, InstalledPlugin plugin, TinyExperiment experiment) {
        String yaml = experiment.yaml();
        RunResult plain;
        try {
            plain = checks.run(yaml, RunListener.NONE);
        } catch (RuntimeException e) {
            return Check.fail("swap", "the run without an update failed: " + BundleOps.oneLine(e));
        }
        AtomicLong at = new AtomicLong(-1);
        AtomicReference<String> error = new AtomicReference<>();
        List<String> notices = new ArrayList<>();
        RunListener updater = event -> {
            if (event.type() == RunEvent.Type.PROGRESS && at.get() < 0) {
                at.set(event.step());
                try {
                    BundleOps.update(plugin.bundle(), plugin.jar());
                    plugin.rememberLoader();
                } catch (BundleException | IOException | RuntimeException e) {
                    error.set(BundleOps.oneLine(e));
                }
            } else if (event.type() == RunEvent.Type.NOTICE && at.get() >= 0) {
                notices.add(event.message());
            }
        };
        RunResult swapped;
        try {
            swapped = checks.run(yaml, updater);
        } catch (RuntimeException e) {
            return Check.fail("swap", "the run with an update failed: " + BundleOps.oneLine(e));
        }
        if (error.get() != null) {
            return Check.fail("swap", "the update at step " + at.get() + " failed: " + error.get());
        }
        if (at.get() < 0) {
            return Check.fail("swap", "the run ended (" + swapped.status() + ") before its first step, so nothing was updated");
        }
        if (swapped.status() != plain.status() || swapped.steps() != plain.steps()) {
            return Check.fail("swap", "updated at step " + at.get() + ": the run ended " + swapped.status() + " after "
                    + swapped.steps() + " steps instead of " + plain.status() + " after " + plain.steps()
                    + (swapped.message().isBlank() ? "" : " (" + swapped.message() + ")"));
        }
        String difference = difference(plain.directory(), swapped.directory());
        if (difference != null) {
            return Check.fail("swap", "updated at step " + at.get() + ": " + difference
                    + " (does the plugin keep state in static fields or in its service object?)");
        }
        String seen = notices.stream().filter(n -> n.contains("swapped")).findFirst()
                .map(n -> "the engine noticed: '" + n + "'").orElse("the run did not look the component up again");
        return Check.pass("swap", "updated at step " + at.get() + " of " + plain.steps() + "; " + seen
                + "; metrics.csv identical to the run without the update");
    }

    /** @return where two runs' metrics first differ, or {@code null} if their files are equal */
    private static String difference(Path a, Path b) {
        List<String> x = lines(a.resolve("metrics.csv"));
        List<String> y = lines(b.resolve("metrics.csv"));
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            if (!x.get(i).equals(y.get(i))) {
                return "metrics.csv differs at line " + (i + 1) + ": '" + x.get(i) + "' without the update, '"
                        + y.get(i) + "' with it";
            }
        }
        return x.size() == y.size() ? null : "metrics.csv has " + y.size() + " lines with the update, " + x.size()
                + " without";
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}

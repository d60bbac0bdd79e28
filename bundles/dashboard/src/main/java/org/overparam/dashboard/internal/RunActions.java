package org.overparam.dashboard.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.RunListener;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.SpecReader;
import org.overparam.api.store.RunDetails;

/**
 * The POST actions on a run, through the same runner calls as the {@code stop}, {@code swap} and
 * {@code resume} commands, so with the same validation and the same one-line errors:
 * <ul>
 * <li>{@code stop}: {@link ExperimentRunner#requestStop}; 409 if the run is not running;</li>
 * <li>{@code swap} with the form field {@code changes} (blank-separated {@code KEY=VALUE}, as the
 *     command takes them): {@link ExperimentRunner#requestSwap}; 400 with the runner's line for a
 *     bad change, a run not running or a request pending;</li>
 * <li>{@code resume}: {@link ExperimentRunner#resume} on a thread of this container; a refusal
 *     (running, finished, corrupt checkpoint) found within {@value #RESUME_CHECK_MS} ms is 400, else 202.</li>
 * </ul>
 */
@Component(service = RunActions.class)
public final class RunActions {
    /** The actions, refused on GET. */
    static final List<String> ACTIONS = List.of("stop", "swap", "resume");
    static final long RESUME_CHECK_MS = 1500;
    private final ExperimentRunner runner;
    private final SpecReader reader;

    /**
     * @param runner stops, swaps and resumes runs
     * @param reader reads a resumed run's spec.yaml
     */
    @Activate
    public RunActions(@Reference ExperimentRunner runner, @Reference SpecReader reader) {
        this.runner = runner;
        this.reader = reader;
    }

    void handle(String action, RunDetails d, HttpServletRequest req, HttpServletResponse res) throws IOException {
        switch (action) {
            case "stop" -> {
                if (runner.requestStop(d.folder())) {
                    Json.send(res, 200, "{\"message\":" + Json.str("asked run " + d.id() + " to stop; it writes a"
                            + " checkpoint and stops after its current step") + "}");
                } else {
                    Json.error(res, 409, "run " + d.id() + " is not running");
                }
            }
            case "swap" -> {
                String text = req.getParameter("changes");
                List<String> changes = text == null ? List.of() : Arrays.stream(text.strip().split("\\s+"))
                        .filter(s -> !s.isEmpty()).toList();
                if (changes.isEmpty()) {
                    throw new InvalidInputException("swap", "missing changes, e.g. optimizer.lr=0.5 or"
                            + " optimizer=nesterov momentum=0.9");
                }
                String what = runner.requestSwap(d.folder(), changes);
                Json.send(res, 200, "{\"message\":" + Json.str("asked run " + d.id() + " to swap " + what
                        + " before its next step") + "}");
            }
            case "resume" -> resume(d, res);
            default -> Json.error(res, 404, "no action '" + action + "'; actions: " + ACTIONS);
        }
    }

    private void resume(RunDetails d, HttpServletResponse res) throws IOException {
        CompletableFuture<RunResult> done = CompletableFuture.supplyAsync(() -> runner.resume(d.folder(),
                file -> reader.read(file, List.of("pinned={}")), RunListener.NONE), runnable -> {
                    Thread t = new Thread(runnable, "overparam-resume-" + d.id());
                    t.setDaemon(true);
                    t.start();
                });
        try {
            RunResult r = done.get(RESUME_CHECK_MS, TimeUnit.MILLISECONDS);
            Json.send(res, 200, "{\"message\":" + Json.str("run " + d.id() + " resumed and ended " + r.status()
                    + " at step " + r.steps()) + "}");
        } catch (TimeoutException e) {
            Json.send(res, 202, "{\"message\":" + Json.str("run " + d.id() + " resumed") + "}");
        } catch (ExecutionException e) {
            String message = e.getCause() instanceof InvalidInputException i ? i.oneLine() : String.valueOf(e.getCause());
            Json.error(res, 400, message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Json.error(res, 503, "interrupted");
        }
    }
}

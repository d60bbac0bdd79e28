package org.overparam.engine.internal.folder;

import java.util.Map;
import org.overparam.api.run.RunEvent;
import org.overparam.api.run.RunListener;

/**
 * Sends a run's events to its listener on the run's thread. PROGRESS is sent after the first step,
 * then at most every 200 ms, and once more for the last step (unless that exact one was just sent).
 * A listener that throws does not end the run: the first such error goes to the run log, later ones
 * are ignored.
 */
public final class Events {
    private static final long PROGRESS_NANOS = 200_000_000L;
    private final RunListener listener;
    private final String runId;
    private final long totalSteps;
    private final RunLog log;
    private boolean listenerFailed;
    private long lastProgressNanos;
    private long lastProgressStep = -1;
    private double lastProgressLoss;

    /**
     * @param listener the listener
     * @param runId the run's id
     * @param totalSteps the step budget
     * @param log the run log, for listener errors
     */
    public Events(RunListener listener, String runId, long totalSteps, RunLog log) {
        this.listener = listener;
        this.runId = runId;
        this.totalSteps = totalSteps;
        this.log = log;
    }

    /** @param message what the run is */
    public void started(String message) {
        send(RunEvent.Type.STARTED, 0, Double.NaN, Map.of(), message);
    }

    /**
     * @param step the steps taken
     * @param loss the latest training loss
     * @param last whether this is the run's last step (sent unless just sent)
     */
    public void progress(long step, double loss, boolean last) {
        long now = System.nanoTime();
        boolean due = last ? step != lastProgressStep || Double.compare(loss, lastProgressLoss) != 0
                : lastProgressStep < 0 || now - lastProgressNanos >= PROGRESS_NANOS;
        if (due) {
            lastProgressNanos = now;
            lastProgressStep = step;
            lastProgressLoss = loss;
            send(RunEvent.Type.PROGRESS, step, loss, Map.of(), "");
        }
    }

    /**
     * @param step the step
     * @param loss the latest loss
     * @param metrics the analysis' scalars
     * @param message a line
     */
    public void analysis(long step, double loss, Map<String, Double> metrics, String message) {
        send(RunEvent.Type.ANALYSIS, step, loss, metrics, message);
    }

    /**
     * @param step the step
     * @param loss the latest loss
     * @param message what happened
     */
    public void notice(long step, double loss, String message) {
        send(RunEvent.Type.NOTICE, step, loss, Map.of(), message);
    }

    /**
     * @param step the steps taken
     * @param loss the final loss
     * @param metrics the final metrics
     * @param message why it ended
     */
    public void finished(long step, double loss, Map<String, Double> metrics, String message) {
        send(RunEvent.Type.FINISHED, step, loss, metrics, message);
    }

    private void send(RunEvent.Type type, long step, double loss, Map<String, Double> metrics, String message) {
        try {
            listener.onEvent(new RunEvent(type, runId, step, totalSteps, loss, metrics, message));
        } catch (RuntimeException | LinkageError e) {
            if (!listenerFailed) {
                listenerFailed = true;
                log.error("the run listener threw on a " + type + " event; the run goes on and ignores its errors", e);
            }
        }
    }
}

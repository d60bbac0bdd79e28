package org.overparam.engine.internal.loop;

import java.nio.file.Path;
import java.util.function.BiFunction;
import org.overparam.api.run.RunStatus;
import org.overparam.engine.internal.checkpoint.Checkpoint;
import org.overparam.engine.internal.checkpoint.Checkpoints;
import org.overparam.engine.internal.folder.Events;
import org.overparam.engine.internal.folder.RunLock;
import org.overparam.engine.internal.folder.RunLog;
import org.overparam.engine.internal.swap.RunControl;
import org.overparam.engine.internal.swap.StopPoll;

/**
 * What a run does between two steps, before step t (t steps taken, every row of the steps below t
 * recorded, none of step t): a stop request ({@link StopPoll}) writes a STOPPED checkpoint, removes
 * the request, is logged and sent as a NOTICE, and ends the loop (so does the container going away,
 * {@link RunControl}); otherwise the periodic checkpoint is
 * written when due ({@link Checkpoints}), except at the step the loop started from (a resumed run's
 * checkpoint is already there).
 */
public final class Boundary {
    private final Checkpoints checkpoints;
    private final StopPoll poll;
    private final Path folder;
    private final Events events;
    private final RunLog log;
    private final long start;
    private boolean interrupted;

    /**
     * @param checkpoints writes the run's checkpoints
     * @param folder the run's folder
     * @param events the run's listener
     * @param log the run's log
     * @param start the step the loop starts from
     * @param control the run's control, asked whether the container wants it to stop
     */
    Boundary(Checkpoints checkpoints, Path folder, Events events, RunLog log, long start, RunControl control) {
        this.checkpoints = checkpoints;
        this.poll = new StopPoll(folder, control::shutdownRequested);
        this.folder = folder;
        this.events = events;
        this.log = log;
        this.start = start;
    }

    /**
     * @param t the steps taken
     * @param loss the latest training loss, for the event
     * @param capture the run's state as a checkpoint, given its status and steps
     * @return whether the run stops here
     */
    boolean stopsAt(long t, double loss, BiFunction<RunStatus, Long, Checkpoint> capture) {
        String stop = poll.check();
        if (stop != null) {
            stop(t, loss, capture, stop);
            return true;
        }
        if (t != start && checkpoints.due(t)) {
            checkpoints.write(capture.apply(RunStatus.RUNNING, t));
        }
        return false;
    }

    /** @return why the run should stop now, or {@code null} (looks at the stop request file at most every 100 ms) */
    String stopReason() {
        return poll.check();
    }

    /**
     * Stops the run at this boundary: writes a STOPPED checkpoint, removes the request, logs and notices.
     *
     * @param t the steps taken
     * @param loss the latest training loss, for the event
     * @param capture the run's state as a checkpoint, given its status and steps
     * @param why the reason, from {@link #stopReason()}
     */
    void stop(long t, double loss, BiFunction<RunStatus, Long, Checkpoint> capture, String why) {
        interrupted |= why.equals("interrupted");
        boolean written = checkpoints.write(capture.apply(RunStatus.STOPPED, t));
        RunLock.clearStopRequest(folder);
        String message = "step " + t + ": stopped on request (" + why + ")"
                + (written ? "; checkpoint written" : "; the checkpoint could not be written");
        log.info(message);
        events.notice(t, loss, message);
    }

    /** @return whether the run stopped because its thread was interrupted */
    boolean interrupted() {
        return interrupted;
    }
}

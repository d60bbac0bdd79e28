package org.overparam.engine.internal.loop;

import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.DoubleSupplier;
import org.overparam.api.run.RunStatus;
import org.overparam.engine.internal.checkpoint.Checkpoint;
import org.overparam.engine.internal.checkpoint.Checkpoints;
import org.overparam.engine.internal.folder.Events;
import org.overparam.engine.internal.folder.RunLock;
import org.overparam.engine.internal.folder.RunLog;
import org.overparam.engine.internal.swap.HotSwap;
import org.overparam.engine.internal.swap.RunControl;
import org.overparam.engine.internal.swap.StopPoll;
import org.overparam.engine.internal.swap.StopSignal;

/**
 * What a run does between two steps, before step t (t steps taken, every row of the steps below t
 * recorded, none of step t): a stop request ({@link StopPoll}) writes a STOPPED checkpoint, removes
 * the request, is logged and sent as a NOTICE, and ends the loop (so does the container going away,
 * {@link RunControl}); otherwise the periodic checkpoint is written when due ({@link Checkpoints}),
 * except at the step the loop started from (a resumed run's checkpoint is already there). It is also
 * what {@link HotSwap} asks of the loop while the run waits at the boundary.
 */
final class Boundary implements HotSwap.Loop {
    private final Checkpoints checkpoints;
    private final StopPoll poll;
    private final Path folder;
    private final Events events;
    private final RunLog log;
    private final long start;
    private final BiFunction<RunStatus, Long, Checkpoint> capture;
    private final DoubleSupplier loss;
    private long t;
    private boolean interrupted;

    /**
     * @param checkpoints writes the run's checkpoints
     * @param folder the run's folder
     * @param events the run's listener
     * @param log the run's log
     * @param start the step the loop starts from
     * @param control the run's control, asked whether the container wants it to stop
     * @param capture the run's state as a checkpoint, given its status and steps
     * @param loss the latest training loss, for events
     */
    Boundary(Checkpoints checkpoints, Path folder, Events events, RunLog log, long start, RunControl control,
             BiFunction<RunStatus, Long, Checkpoint> capture, DoubleSupplier loss) {
        this.checkpoints = checkpoints;
        this.poll = new StopPoll(folder, control::shutdownRequested);
        this.folder = folder;
        this.events = events;
        this.log = log;
        this.start = start;
        this.capture = capture;
        this.loss = loss;
        this.t = start;
    }

    /**
     * @param step the steps taken: the boundary the run is at
     * @return whether the run stops here
     */
    boolean stopsAt(long step) {
        t = step;
        String stop = poll.check();
        if (stop != null) {
            stop(stop);
            return true;
        }
        if (t != start && checkpoints.due(t)) {
            checkpoints.write(capture.apply(RunStatus.RUNNING, t));
        }
        return false;
    }

    /**
     * @param step the boundary of the final evaluation (the step budget)
     * @return this
     */
    Boundary at(long step) {
        t = step;
        return this;
    }

    @Override
    public boolean checkpointPaused() {
        return checkpoints.write(capture.apply(RunStatus.PAUSED, t));
    }

    @Override
    public void stopIfAsked() {
        String why = poll.check();
        if (why != null) {
            stop(why);
            throw new StopSignal("stopped on request after " + t + " steps");
        }
    }

    @Override
    public void notice(String message) {
        log.info(message);
        events.notice(t, loss.getAsDouble(), message);
    }

    @Override
    public void notice(String logged, String sent) {
        log.info(logged);
        events.notice(t, loss.getAsDouble(), sent);
    }

    /** Stops the run at this boundary: writes a STOPPED checkpoint, removes the request, logs and notices. */
    private void stop(String why) {
        interrupted |= why.equals("interrupted");
        boolean written = checkpoints.write(capture.apply(RunStatus.STOPPED, t));
        RunLock.clearStopRequest(folder);
        String message = "step " + t + ": stopped on request (" + why + ")"
                + (written ? "; checkpoint written" : "; the checkpoint could not be written");
        log.info(message);
        events.notice(t, loss.getAsDouble(), message);
    }

    /** @return whether the run stopped because its thread was interrupted */
    boolean interrupted() {
        return interrupted;
    }
}

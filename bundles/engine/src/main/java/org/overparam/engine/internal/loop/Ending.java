package org.overparam.engine.internal.loop;

import java.util.Locale;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.RunStatus;
import org.overparam.api.run.StopRule;
import org.overparam.engine.internal.folder.RunLog;
import org.overparam.engine.internal.registry.ComponentFailure;
import org.overparam.engine.internal.swap.StopSignal;

/**
 * How and where a run's loop ends, with the message its result carries; the factories are the stop
 * rule:
 * <ul>
 * <li>a non-finite loss at step t: DIVERGED after t steps (the point goes back to x_t);</li>
 * <li>loss at most the target (when the target is positive): CONVERGED after t steps, the point goes
 * back to x_t and the step's update is dropped, so the run ends at the point whose loss met the
 * target;</li>
 * <li>otherwise, after the analyses at t, non-finite parameters: DIVERGED after t + 1 steps;</li>
 * <li>after maxSteps steps the loss at the final point decides CONVERGED, DIVERGED or COMPLETED.</li>
 * </ul>
 *
 * @param status how it ended
 * @param steps the steps taken
 * @param message why, as result.json says it
 */
record Ending(RunStatus status, long steps, String message) {
    /**
     * @param rule the spec's stop rule
     * @param t the step just taken
     * @param loss the loss the optimizer returned for it
     * @return DIVERGED or CONVERGED at t, or {@code null} to go on
     */
    static Ending afterStep(StopRule rule, long t, double loss) {
        if (!Double.isFinite(loss)) {
            return new Ending(RunStatus.DIVERGED, t, "diverged: the loss is " + number(loss) + " at step " + t);
        }
        if (converged(rule, loss)) {
            return new Ending(RunStatus.CONVERGED, t, "converged: loss " + number(loss) + " <= target "
                    + number(rule.targetLoss()) + " at step " + t);
        }
        return null;
    }

    /**
     * @param t the step taken
     * @param finite whether the point after it is finite
     * @return DIVERGED when it is not, else {@code null}
     */
    static Ending afterAnalyses(long t, boolean finite) {
        return finite ? null
                : new Ending(RunStatus.DIVERGED, t + 1, "diverged: the parameters are not finite after step " + t);
    }

    /**
     * @param rule the spec's stop rule
     * @param max its step budget
     * @param loss the loss at the final point
     * @return CONVERGED, DIVERGED or COMPLETED after max steps
     */
    static Ending atEnd(StopRule rule, long max, double loss) {
        if (!Double.isFinite(loss)) {
            return new Ending(RunStatus.DIVERGED, max, "diverged: the loss is " + number(loss)
                    + " after the last step");
        }
        if (converged(rule, loss)) {
            return new Ending(RunStatus.CONVERGED, max, "converged: loss " + number(loss) + " <= target "
                    + number(rule.targetLoss()) + " at step " + max);
        }
        return new Ending(RunStatus.COMPLETED, max, "completed " + max + " steps; loss " + number(loss));
    }

    /**
     * @param t the boundary
     * @return STOPPED there, on request
     */
    static Ending stopped(long t) {
        return new Ending(RunStatus.STOPPED, t, "stopped on request after " + t + " steps");
    }

    /**
     * @param step the step under way
     * @param e what was thrown: a stop request while the run waited, a component's failure, its invalid
     *     input, or an engine error
     * @param log the run log, where a failure goes with its stack trace
     * @return STOPPED for the stop request; otherwise FAILED, the message naming the component when one threw
     */
    static Ending caught(long step, Throwable e, RunLog log) {
        if (e instanceof StopSignal) {
            return new Ending(RunStatus.STOPPED, step, e.getMessage());
        }
        String message = e instanceof ComponentFailure ? e.getMessage()
                : e instanceof InvalidInputException i ? i.oneLine()
                : e instanceof OutOfMemoryError o ? OutOfMemory.message(step, o)
                : "engine error: " + e;
        log.error("step " + step + ": " + message, e);
        return new Ending(RunStatus.FAILED, step, message);
    }

    private static boolean converged(StopRule rule, double loss) {
        return rule.targetLoss() > 0 && loss <= rule.targetLoss();
    }

    /**
     * @param v a loss or target
     * @return it as the shell prints losses, {@code %.3e} ({@code 9.796e-08}); NaN and infinities as words
     */
    static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3e", v) : Double.toString(v);
    }
}

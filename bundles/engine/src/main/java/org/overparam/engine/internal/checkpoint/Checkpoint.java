package org.overparam.engine.internal.checkpoint;

import java.util.List;
import java.util.Map;
import org.overparam.api.Params;
import org.overparam.api.State;
import org.overparam.api.run.RunStatus;
import org.overparam.engine.internal.folder.MetricStore;
import org.overparam.engine.internal.folder.Series;

/**
 * Everything a run needs to continue from a step boundary as if it had never stopped: the point,
 * the optimizer's and analyzers' {@link State}s and random positions, the oracle's count, the
 * optimizer and schedule in effect after the spec's switches, and where {@code metrics.csv} ended.
 * Written by {@link CheckpointFile} in the format of {@link CheckpointCodec}. The metric histories
 * analyzers read ({@code Snapshot.history}) are not in the file: they are the first
 * {@code metricsBytes} of {@code metrics.csv}, read back by {@link MetricStore#histories} when the run resumes,
 * so a checkpoint's size does not grow with the steps.
 *
 * <p>When the run writes one, the fields hold live references to the run's objects (the write reads
 * them at once, between two steps); when read back, they hold fresh copies.
 *
 * @param specSha the lower-case hexadecimal SHA-256 of the run's {@code spec.yaml} bytes
 * @param status {@code RUNNING} for a periodic checkpoint, {@code STOPPED} for one written on request, or
 *     the final status of a finished run
 * @param steps the steps taken, k: the point is x_k and the next step to take has index k
 * @param metricsBytes the length of {@code metrics.csv} at the checkpoint: exactly the header and the
 *     rows of steps {@code 0 .. k-1}
 * @param sampleGradients the oracle's sample-gradient count after k steps
 * @param optimizer the name of the optimizer in effect for step k-1 (after the switches before k)
 * @param schedule the name of the schedule in effect for step k-1
 * @param scheduleStart the step from which that schedule counts
 * @param loss the latest {@code train.loss} (NaN before the first step)
 * @param providers the bundle and version of every component at the checkpoint
 * @param params the point x_k
 * @param optimizerStream the optimizer's random stream
 * @param analyzerStreams each analyzer's random stream, by label, in the spec's order
 * @param optimizerState the optimizer's state
 * @param analyzerStates the state of each analyzer called so far, by label, in the spec's order
 * @param histories every scalar metric's history, by full name: empty when written and when read from
 *     the file; filled from metrics.csv by {@link #withHistories} before a run resumes
 */
public record Checkpoint(String specSha, RunStatus status, long steps, long metricsBytes, long sampleGradients,
                  String optimizer, String schedule, long scheduleStart, double loss, List<Provider> providers,
                  Params params, Stream optimizerStream, Map<String, Stream> analyzerStreams, State optimizerState,
                  Map<String, State> analyzerStates, Map<String, Series> histories) {
    /**
     * A random stream's whole state.
     *
     * @param seed its seed
     * @param position the values drawn so far
     */
    public record Stream(long seed, long position) {
    }

    /**
     * @param h every metric's history, by full name
     * @return this checkpoint with those histories
     */
    public Checkpoint withHistories(Map<String, Series> h) {
        return new Checkpoint(specSha, status, steps, metricsBytes, sampleGradients, optimizer, schedule, scheduleStart,
                loss, providers, params, optimizerStream, analyzerStreams, optimizerState, analyzerStates, h);
    }

    /**
     * Where a component came from.
     *
     * @param component {@code <kind> <name>}, e.g. {@code optimizer gd}
     * @param bundle the providing bundle's symbolic name
     * @param version that bundle's version
     */
    public record Provider(String component, String bundle, String version) {
    }
}

package org.overparam.engine.internal.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.overparam.api.run.CheckpointRule;
import org.overparam.engine.internal.folder.MetricsWriter;
import org.overparam.engine.internal.folder.RunLog;

/**
 * Writes a run's checkpoints: forces {@code metrics.csv} to disk first (so the rows a checkpoint
 * counts are there whatever happens next), then replaces {@code checkpoint/checkpoint.bin} atomically
 * ({@link CheckpointFile}). A checkpoint that cannot be written is logged and the run goes on: the
 * previous one stays valid.
 */
public final class Checkpoints {
    private final CheckpointRule rule;
    private final Path folder;
    private final String specSha;
    private final List<Checkpoint.Provider> providers;
    private final MetricsWriter writer;
    private final RunLog log;

    /**
     * @param rule when periodic checkpoints are due
     * @param folder the run's folder
     * @param specSha the SHA-256 of the run's spec.yaml
     * @param providers the bundle and version of each of the run's components
     * @param writer the run's metrics.csv
     * @param log the run's log
     */
    public Checkpoints(CheckpointRule rule, Path folder, String specSha, List<Checkpoint.Provider> providers,
                MetricsWriter writer, RunLog log) {
        this.rule = rule;
        this.folder = folder;
        this.specSha = specSha;
        this.providers = List.copyOf(providers);
        this.writer = writer;
        this.log = log;
    }

    /** @return the SHA-256 of the run's spec.yaml */
    public String specSha() {
        return specSha;
    }

    /** @return where the run's components came from */
    public List<Checkpoint.Provider> providers() {
        return providers;
    }

    /**
     * @param steps the steps taken
     * @return whether a periodic checkpoint is due there
     */
    public boolean due(long steps) {
        return rule.due(steps);
    }

    /** @return whether periodic and final checkpoints are written */
    public boolean enabled() {
        return rule.enabled();
    }

    /**
     * @param c the checkpoint, whose {@code metricsBytes} was taken after the last row it counts
     * @return whether it was written
     */
    public boolean write(Checkpoint c) {
        try {
            writer.sync();
            long size = CheckpointFile.write(folder, c);
            log.info("step " + c.steps() + ": checkpoint written (" + c.status() + ", " + size + " bytes)");
            return true;
        } catch (IOException | UncheckedIOException e) {
            log.error("step " + c.steps() + ": the checkpoint could not be written; the previous one stays", e);
            return false;
        }
    }
}

package org.overparam.engine.internal.swap;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the container may ask of one active run from other threads: to stop at its next step
 * boundary because the container or the engine is going away, and which objects it holds now (the
 * service objects it last used and its model, for {@code stale}).
 */
public final class RunControl {
    private final String id;
    private final Path folder;
    private final Supplier<List<Object>> held;
    private volatile String shutdown;

    /**
     * @param id the run's id
     * @param folder its folder
     * @param held the objects the run holds now (read on the caller's thread; weakly kept by the run)
     */
    public RunControl(String id, Path folder, Supplier<List<Object>> held) {
        this.id = id;
        this.folder = folder;
        this.held = held;
    }

    /** @return the run's id */
    String id() {
        return id;
    }

    /** @return the run's folder */
    Path folder() {
        return folder;
    }

    /** @return the objects the run holds now */
    List<Object> held() {
        return held.get();
    }

    /** @param why the reason, e.g. {@code the container is shutting down} */
    void requestShutdown(String why) {
        shutdown = why;
    }

    /** @return why the run must stop, or {@code null} */
    public String shutdownRequested() {
        return shutdown;
    }
}

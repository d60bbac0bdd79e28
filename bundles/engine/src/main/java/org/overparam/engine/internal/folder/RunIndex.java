package org.overparam.engine.internal.folder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRef;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.RunSpec;
import org.overparam.api.store.Provenance;
import org.overparam.api.store.RunRecord;
import org.overparam.api.store.RunStore;
import org.overparam.engine.internal.registry.JarHashes;

/**
 * What a run says about itself outside its metrics: provenance.json (from {@link ProvenanceProbe},
 * kept from before a resume by {@link ResumedProvenance}) and its entry in the {@link RunStore} when
 * one is present ({@link StoreFeed}), with its parameters, its sweep (the runs folder's name when it
 * holds a sweep.yaml) and its provenance; both are written again after each swap.
 */
public final class RunIndex {
    private final RunFolder folder;
    private final RunLog log;
    private final ResumedProvenance resumed;
    private Provenance provenance = Provenance.unknown();
    private List<String> resumes = List.of();
    private RunRecord record;
    private StoreFeed feed = StoreFeed.NONE;

    /**
     * @param folder the run's folder
     * @param log its run.log
     * @param resumed what it keeps from before a resume ({@link ResumedProvenance#NONE} for a new run)
     */
    public RunIndex(RunFolder folder, RunLog log, ResumedProvenance resumed) {
        this.folder = folder;
        this.log = log;
        this.resumed = resumed;
    }

    /**
     * Writes provenance.json and registers the run in the store (when there is one).
     *
     * @param registry the components installed now
     * @param spec the experiment
     * @param infos the run's components, or empty when setup failed
     * @param specSha the SHA-256 of its spec.yaml
     * @param started when it started
     * @param store the run store, or {@code null}
     * @param runsDirectory the runs directory, for a folder without a parent
     * @param hashes the engine's cache of jar hashes
     * @return the run's link to the store ({@link StoreFeed#NONE} without one)
     */
    public StoreFeed begin(ComponentRegistry registry, RunSpec spec, Map<ComponentRef, ComponentInfo> infos,
                           String specSha, LocalDateTime started, RunStore store, Path runsDirectory,
                           JarHashes hashes) {
        provenance = ProvenanceProbe.of(registry, infos, hashes);
        resumes = resumed.resumes(provenance);
        provenance = resumed.provenance(provenance);
        writeProvenance(provenance, resumed.swaps());
        Path parent = folder.path().toAbsolutePath().normalize().getParent();
        boolean inSweep = parent != null && Files.isRegularFile(parent.resolve("sweep.yaml"));
        String sweep = inSweep && parent.getFileName() != null ? parent.getFileName().toString() : "";
        record = new RunRecord(folder.id(), spec.name(), folder.path(), spec.text(), spec.seed(),
                SpecParams.of(spec, infos), Set.of(), sweep, inSweep ? specSha : "",
                started.atZone(ZoneId.systemDefault()).toInstant(), provenance);
        feed = StoreFeed.begin(store, parent == null ? runsDirectory : parent, record, log);
        return feed;
    }

    /** @return the run's provenance as written at its start */
    public Provenance provenance() {
        return provenance;
    }

    /**
     * After a swap: provenance.json rewritten with the swaps, and the run registered again in the store.
     *
     * @param now the provenance with the swapped components
     * @param swaps the swaps so far, as {@link ProvenanceJson} writes them
     */
    public void swapped(Provenance now, List<String> swaps) {
        writeProvenance(now, swaps);
        if (record != null) {
            record = new RunRecord(record.id(), record.name(), record.folder(), record.spec(), record.seed(),
                    record.params(), record.tags(), record.sweep(), record.point(), record.created(), now);
            feed.reregister(record);
        }
    }

    private void writeProvenance(Provenance p, List<String> swaps) {
        try {
            folder.writeText("provenance.json", ProvenanceJson.of(p, swaps, resumes));
        } catch (RuntimeException e) {
            log.error("cannot write provenance.json", e);
        }
    }
}

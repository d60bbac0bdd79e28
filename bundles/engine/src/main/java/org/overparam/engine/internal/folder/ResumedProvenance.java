package org.overparam.engine.internal.folder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.overparam.api.store.Provenance;

/**
 * The provenance a run records when it starts: a new run's is the probe's; a resumed run keeps what its
 * provenance.json held ({@link ProvenanceFile}: components, swaps up to the checkpoint, earlier resumes)
 * and adds one resume ({@link ProvenanceJson#resume}). Without a readable provenance.json, a resumed run
 * records the probe's, with the resume.
 */
public final class ResumedProvenance {
    /** A new run's. */
    public static final ResumedProvenance NONE = new ResumedProvenance(-1, null, List.of());
    private final long step;
    private final ProvenanceFile.Kept kept;
    private final List<String> changes;

    private ResumedProvenance(long step, ProvenanceFile.Kept kept, List<String> changes) {
        this.step = step;
        this.kept = kept;
        this.changes = List.copyOf(changes);
    }

    /**
     * @param folder the run folder
     * @param from the checkpoint's step count, or -1 when the run resumes from its first step
     * @param changes the components whose bundle or version differ from the checkpoint's
     * @param log the run log, which gets one line per change and per swap kept
     * @return what the resumed run keeps
     */
    public static ResumedProvenance of(Path folder, long from, List<String> changes, RunLog log) {
        changes.forEach(change -> log.info("component version differs: " + change));
        ResumedProvenance r = new ResumedProvenance(Math.max(0, from), ProvenanceFile.read(folder, from), changes);
        r.swaps().forEach(w -> log.info("swap kept from before the resume: " + ProvenanceFile.describe(w)));
        return r;
    }

    /** @return the swaps kept, as JSON objects (none for a new run) */
    public List<String> swaps() {
        return kept == null ? List.of() : kept.swaps();
    }

    /**
     * @param fresh the provenance probed now
     * @return the provenance to record
     */
    public Provenance provenance(Provenance fresh) {
        return kept == null ? fresh : kept.provenance();
    }

    /**
     * @param fresh the provenance probed now (the resuming process's)
     * @return the resumes to record
     */
    public List<String> resumes(Provenance fresh) {
        if (step < 0) {
            return List.of();
        }
        List<String> all = new ArrayList<>(kept == null ? List.of() : kept.resumes());
        all.add(ProvenanceJson.resume(step, fresh, changes));
        return List.copyOf(all);
    }
}

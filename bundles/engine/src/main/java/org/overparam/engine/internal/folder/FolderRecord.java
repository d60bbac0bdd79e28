package org.overparam.engine.internal.folder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRef;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.RunStatus;
import org.overparam.api.run.SweepPoint;
import org.overparam.api.store.ArtifactRecord;
import org.overparam.api.store.MetricRow;
import org.overparam.api.store.Provenance;
import org.overparam.api.store.RunOutcome;
import org.overparam.api.store.RunRecord;
import org.overparam.api.store.RunStore;
import org.overparam.engine.internal.registry.JarHashes;
import org.overparam.engine.runfolder.MetricsCsv;
import org.overparam.engine.runfolder.ResultJson;
import org.overparam.engine.runfolder.RunFileNames;

/**
 * Records a finished run folder that another process wrote (a member of a clustered sweep) in this
 * container's run store, as the engine would have recorded it while the run ran here: the record (its
 * parameters as {@link SpecParams} flattens them, the provenance of its provenance.json, which names the
 * member's host and JVM), every row of metrics.csv, the files under artifacts/ and checkpoint/, and the
 * outcome of result.json (the final value of every metric is its last row). The store replaces a run
 * registered again under the same id, so recording a folder twice stores it once.
 */
public final class FolderRecord {
    private static final int BATCH = 10_000;

    private FolderRecord() {
    }

    /**
     * What {@link #progress} recorded of a run folder's metrics.csv, so that the next shipment reads only
     * the rows after it.
     *
     * @param rows how many rows
     * @param bytes the byte offset after them
     * @param last the last value of each metric in them
     */
    public record Recorded(long rows, long bytes, Map<String, Double> last) {
        /** Nothing recorded yet. */
        public static final Recorded NONE = new Recorded(0, 0, Map.of());

        /** Copies the map. */
        public Recorded {
            last = Map.copyOf(last);
        }
    }

    /**
     * @param store the store
     * @param registry the components installed here (for the parameters' defaults)
     * @param folder the run folder
     * @param readSpec reads its spec.yaml
     * @param tags the run's tags
     * @param recorded what {@link #progress} recorded of this folder before ({@link Recorded#NONE}: nothing);
     *     when its metrics.csv has at least those bytes, only the rows after them are read and recorded (the
     *     earlier ones are the same rows of the same run), else the stored rows are replaced by the folder's
     * @throws InvalidInputException if the folder holds no finished run
     */
    public static void record(RunStore store, ComponentRegistry registry, Path folder, Function<Path, RunSpec> readSpec,
                              Collection<String> tags, Recorded recorded) {
        String json;
        try {
            json = ResultJson.read(folder);
        } catch (IOException e) {
            throw new InvalidInputException(folder.toString(), "not a finished run folder (no readable result.json)");
        }
        String statusText = ResultJson.status(json);
        RunStatus status;
        try {
            status = RunStatus.valueOf(statusText == null ? "" : statusText);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(folder.resolve(RunFileNames.RESULT).toString(), "no run status in it");
        }
        Path runs = folder.toAbsolutePath().normalize().getParent();
        String id = folder.getFileName().toString();
        store.begin(runs, runRecord(registry, folder, readSpec, tags));
        Path metrics = folder.resolve(RunFileNames.METRICS);
        Recorded from = recorded.rows() > 0 && size(metrics) >= recorded.bytes() ? recorded : Recorded.NONE;
        if (from.rows() == 0) {
            store.truncateAfter(runs, id, -1);
        }
        Map<String, Double> last = new TreeMap<>(from.last());
        append(store, runs, id, metrics, from, last);
        for (String dir : StoreFeed.ARTIFACT_FOLDERS) {
            artifacts(store, runs, id, folder, folder.resolve(dir));
        }
        Instant finished;
        try {
            finished = Files.getLastModifiedTime(folder.resolve(RunFileNames.RESULT)).toInstant();
        } catch (IOException e) {
            finished = Instant.now();
        }
        store.finish(runs, id, new RunOutcome(status, Math.max(0, ResultJson.steps(json)), ResultJson.loss(json),
                ResultJson.message(json), finished, Map.of(), last));
    }

    /**
     * Records the progress of a run that runs in another process, from a copy of its folder without
     * result.json: registers it (RUNNING) the first time, then appends the rows of its metrics.csv after
     * the first {@code recorded} ones (all of them again when the file has fewer rows: the run was
     * continued from an earlier checkpoint elsewhere). A row whose step is stored already replaces the
     * stored one, so a row recorded twice is stored once; {@link #record} records the run whole at its end.
     *
     * @param store the store
     * @param registry the components installed here
     * @param folder the run folder, its metrics.csv cut at a row's end
     * @param readSpec reads its spec.yaml
     * @param tags the run's tags
     * @param recorded what was recorded of this folder before ({@link Recorded#NONE} the first time); only
     *     the rows after it are read, unless metrics.csv has fewer bytes now
     * @return what is recorded of metrics.csv now (the next call's {@code recorded})
     */
    public static Recorded progress(RunStore store, ComponentRegistry registry, Path folder,
                                    Function<Path, RunSpec> readSpec, Collection<String> tags, Recorded recorded) {
        Path runs = folder.toAbsolutePath().normalize().getParent();
        String id = folder.getFileName().toString();
        Path metrics = folder.resolve(RunFileNames.METRICS);
        if (recorded.rows() == 0) {
            store.begin(runs, runRecord(registry, folder, readSpec, tags));
        }
        Recorded from = size(metrics) < recorded.bytes() ? Recorded.NONE : recorded;
        Map<String, Double> last = new TreeMap<>(from.last());
        return append(store, runs, id, metrics, from, last);
    }

    /**
     * Appends the rows of metrics.csv after {@code from} to the store, {@value #BATCH} at a time, and puts
     * the last value of each metric into {@code last}.
     *
     * @return what is recorded of it now
     */
    private static Recorded append(RunStore store, Path runs, String id, Path metrics, Recorded from,
                                   Map<String, Double> last) {
        if (!Files.isRegularFile(metrics)) {
            return from;
        }
        List<MetricRow> rows = new ArrayList<>();
        long end = MetricsCsv.readFrom(metrics, from.bytes(), from.rows() + 2, (step, name, value) -> {
            rows.add(new MetricRow(step, name, value));
            last.put(name, value);
        });
        for (int i = 0; i < rows.size(); i += BATCH) {
            store.appendMetrics(runs, id, List.copyOf(rows.subList(i, Math.min(rows.size(), i + BATCH))));
        }
        return new Recorded(from.rows() + rows.size(), end, last);
    }

    /** @return the file's size in bytes, 0 without it */
    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The record of a run folder: its spec, parameters, provenance, sweep and key, as the engine registers it. */
    private static RunRecord runRecord(ComponentRegistry registry, Path folder, Function<Path, RunSpec> readSpec,
                                       Collection<String> tags) {
        Path specFile = folder.resolve(RunFileNames.SPEC);
        RunSpec spec = readSpec.apply(specFile);
        String specSha;
        try {
            specSha = SweepPoint.key(Files.readString(specFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidInputException(specFile.toString(), "cannot read: " + e.getMessage());
        }
        Path runs = folder.toAbsolutePath().normalize().getParent();
        boolean inSweep = runs != null && Files.isRegularFile(runs.resolve("sweep.yaml"));
        ProvenanceFile.Kept kept = ProvenanceFile.read(folder, Long.MAX_VALUE);
        Provenance provenance = kept == null ? Provenance.unknown() : kept.provenance();
        return new RunRecord(folder.getFileName().toString(), spec.name(), folder, spec.text(), spec.seed(),
                SpecParams.of(spec, infos(registry, spec)), new TreeSet<>(tags), inSweep && runs.getFileName() != null
                ? runs.getFileName().toString() : "", inSweep ? specSha : "", created(folder), provenance);
    }

    private static Map<ComponentRef, ComponentInfo> infos(ComponentRegistry registry, RunSpec spec) {
        Map<ComponentRef, ComponentInfo> out = new HashMap<>();
        for (ComponentRef r : spec.componentRefs()) {
            registry.find(r.kind(), r.name()).ifPresent(i -> out.put(r, i));
        }
        return out;
    }

    private static Instant created(Path folder) {
        try {
            return Files.getLastModifiedTime(folder.resolve(RunFileNames.SPEC)).toInstant();
        } catch (IOException e) {
            return Instant.now();
        }
    }

    private static void artifacts(RunStore store, Path runs, String id, Path folder, Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new InvalidInputException(dir.toString(), "cannot list: " + e.getMessage());
        }
        for (Path f : files) {
            try {
                String name = folder.relativize(f).toString().replace('\\', '/');
                store.addArtifact(runs, id, new ArtifactRecord(name, f.toAbsolutePath().normalize().toString(),
                        Files.size(f), JarHashes.digest(f)));
            } catch (IOException e) {
                throw new InvalidInputException(f.toString(), "cannot read the artifact: " + e.getMessage());
            }
        }
    }
}

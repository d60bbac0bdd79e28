package org.overparam.api.store;

import org.overparam.api.run.RunStatus;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.overparam.api.InvalidInputException;

/**
 * The run store: an index of runs, their parameters, provenance, per-step metrics and artifacts,
 * queried by front ends. The run folders stay the portable record (see {@code docs/runs.md}); the
 * store indexes them so that thousands of runs can be searched, compared and aggregated quickly.
 *
 * <p><b>Where.</b> Every method names a runs folder. Its store is the database
 * {@value #DATABASE_NAME} in that folder (an embedded H2 database, created on the first
 * {@link #begin}); a sweep folder (one holding {@code sweep.yaml}) shares the store of the folder it
 * sits in. When the system property or configuration {@value #URL_PROPERTY} gives a JDBC URL, that
 * database holds the runs of every folder instead. Several processes may use one store at a time:
 * a run writing while a {@code runs} command reads.
 *
 * <p><b>Opening.</b> A store opens on its first use in a process; {@link #open} opens it ahead of that,
 * for a caller that knows a folder's writes are coming and should not wait for the open (a clustered
 * sweep's coordinator, which records its members' runs).
 *
 * <p><b>Write side</b>, used by the engine: {@link #begin} when a run starts, {@link #appendMetrics}
 * with each flush of its {@code metrics.csv}, {@link #addArtifact}, {@link #setStatus} and
 * {@link #finish}. A resumed run calls {@link #truncateAfter} with its checkpoint's step, then
 * {@link #begin} again and appends from the step after it, so that no row is lost or duplicated.
 * Write methods commit before they return: what they wrote survives the end of the process, also a
 * kill.
 *
 * <p><b>Read side</b>, used by front ends: {@link #runs} (filters, order and pages),
 * {@link #run}, {@link #metrics}, {@link #compare}, {@link #aggregate} and the exports.
 *
 * <p>Reading a folder that has no store throws {@link InvalidInputException} and creates nothing.
 */
@ProviderType
public interface RunStore {
    /** System property or configuration property: a JDBC URL for the store instead of the runs folder's. */
    String URL_PROPERTY = "overparam.store.url";

    /** The store's database name in a runs folder (H2 adds {@code .mv.db}). */
    String DATABASE_NAME = "overparam-store";

    /**
     * Opens the store of a runs folder, creating it when missing, as the first {@link #begin} would;
     * the writes that follow do not wait for the open.
     *
     * @param runs the runs folder
     * @throws InvalidInputException if the store cannot be opened or created
     * @since 1.2
     */
    void open(Path runs);

    /**
     * Registers a run that starts, or starts again: its record replaces any earlier one of the same
     * id (description, parameters, tags, provenance; the first creation time is kept), its status
     * becomes RUNNING, its result and final metrics are cleared, and its metric rows and artifacts are
     * kept.
     *
     * @param runs the runs folder
     * @param run the run
     * @throws InvalidInputException if the store cannot be opened or written
     */
    void begin(Path runs, RunRecord run);

    /**
     * Appends metric rows, in one transaction. A row whose run, metric and step are already stored
     * replaces the stored one.
     *
     * @param runs the runs folder
     * @param runId a run registered with {@link #begin}
     * @param rows the rows, in recording order
     * @throws InvalidInputException if the run is unknown or the store cannot be written
     */
    void appendMetrics(Path runs, String runId, List<MetricRow> rows);

    /**
     * Records or replaces (same name) an artifact of a run.
     *
     * @param runs the runs folder
     * @param runId the run
     * @param artifact the artifact
     * @throws InvalidInputException if the run is unknown or the store cannot be written
     */
    void addArtifact(Path runs, String runId, ArtifactRecord artifact);

    /**
     * Sets a run's status without a result: PAUSED, RUNNING again, or STOPPED.
     *
     * @param runs the runs folder
     * @param runId the run
     * @param status its status now
     * @param message a line for humans (may be empty)
     * @throws InvalidInputException if the run is unknown or the store cannot be written
     */
    void setStatus(Path runs, String runId, RunStatus status, String message);

    /**
     * Records how a run ended: status, steps, loss, message, timings and final metrics.
     *
     * @param runs the runs folder
     * @param runId the run
     * @param outcome how it ended
     * @throws InvalidInputException if the run is unknown or the store cannot be written
     */
    void finish(Path runs, String runId, RunOutcome outcome);

    /**
     * Deletes a run's metric rows with a step above {@code step}, and its final metrics and
     * result (the run goes on from a checkpoint taken at {@code step}); its status is left as it is.
     * Rows at {@code step} and below are kept.
     *
     * @param runs the runs folder
     * @param runId the run
     * @param step the checkpoint's step
     * @return the number of metric rows deleted
     * @throws InvalidInputException if the run is unknown or the store cannot be written
     */
    long truncateAfter(Path runs, String runId, long step);

    /**
     * Adds and removes tags of a run.
     *
     * @param runs the runs folder
     * @param runId the run
     * @param add tags to add
     * @param remove tags to remove
     * @throws InvalidInputException if the run is unknown, a tag is blank, or the store cannot be written
     */
    void tag(Path runs, String runId, Collection<String> add, Collection<String> remove);

    /**
     * @param runs the runs folder
     * @param query filters, order and page
     * @return the page of matching runs and how many match in all
     * @throws InvalidInputException if the folder has no store or the order is unknown
     */
    RunPage runs(Path runs, RunQuery query);

    /**
     * @param runs the runs folder
     * @param idOrPrefix a run's id, or the start of exactly one run's id
     * @return the run's full id
     * @throws InvalidInputException if no run or several runs match (naming a few, or the closest id)
     */
    String resolve(Path runs, String idOrPrefix);

    /**
     * @param runs the runs folder
     * @param runId a run's full id
     * @return everything the store knows of it, if it is there
     * @throws InvalidInputException if the folder has no store
     */
    Optional<RunDetails> run(Path runs, String runId);

    /**
     * @param runs the runs folder
     * @param query runs, metrics, step range and downsampling
     * @return one series per run and metric with at least one row in the range, by run in the
     *     query's order, then by metric name
     * @throws InvalidInputException if the folder has no store or a run is unknown
     */
    List<MetricSeries> metrics(Path runs, MetricQuery query);

    /**
     * @param runs the runs folder
     * @param runIds the runs' full ids, at least one
     * @return the runs side by side: differing parameters and final metrics
     * @throws InvalidInputException if the folder has no store or a run is unknown
     */
    Comparison compare(Path runs, List<String> runIds);

    /**
     * Groups a sweep's runs by every parameter but the seed and aggregates each group's final
     * metrics over its seeds. Runs that have not ended with a result (see
     * {@link RunStatus#isFinished()}) are left out.
     *
     * @param runs the runs folder
     * @param sweep the sweep's id
     * @return the groups, ordered by their parameters (numerically where the values are numbers)
     * @throws InvalidInputException if the folder has no store or the sweep has no finished run
     */
    List<SeedAggregate> aggregate(Path runs, String sweep);

    /**
     * Writes the runs a query lists, one per row (CSV) or object (JSON array), with their listing
     * fields, every parameter as {@code param:<key>} and every final metric as {@code metric:<name>}
     * (JSON: nested objects {@code params} and {@code metrics}).
     *
     * @param runs the runs folder
     * @param query which runs
     * @param format CSV or JSON
     * @param out where to write (not closed)
     * @throws IOException if writing fails
     * @throws InvalidInputException if the folder has no store or the order is unknown
     */
    void exportRuns(Path runs, RunQuery query, ExportFormat format, Writer out) throws IOException;

    /**
     * Writes metric rows in long form: {@code run,step,metric,value} (CSV), or an array of
     * {@code {"run", "metric", "steps", "values"}} objects, one per series (JSON).
     *
     * @param runs the runs folder
     * @param query which rows
     * @param format CSV or JSON
     * @param out where to write (not closed)
     * @throws IOException if writing fails
     * @throws InvalidInputException if the folder has no store or a run is unknown
     */
    void exportMetrics(Path runs, MetricQuery query, ExportFormat format, Writer out) throws IOException;

    /**
     * Writes one run's details as a JSON object: its listing fields, {@code folder}, {@code spec},
     * {@code point}, {@code message}, {@code params}, {@code timings}, {@code metrics},
     * {@code artifacts} and {@code provenance}.
     *
     * @param runs the runs folder
     * @param runId the run's full id
     * @param out where to write (not closed)
     * @throws IOException if writing fails
     * @throws InvalidInputException if the folder has no store or the run is unknown
     */
    void exportRun(Path runs, String runId, Writer out) throws IOException;

    /**
     * Writes a {@link #compare comparison}: CSV with one row per parameter and metric
     * ({@code kind,key,<run id>...}), or JSON {@code {"runs": [...], "parameters": {...}, "metrics": {...}}}.
     *
     * @param runs the runs folder
     * @param runIds the runs' full ids
     * @param format CSV or JSON
     * @param out where to write (not closed)
     * @throws IOException if writing fails
     * @throws InvalidInputException if the folder has no store or a run is unknown
     */
    void exportComparison(Path runs, List<String> runIds, ExportFormat format, Writer out) throws IOException;
}

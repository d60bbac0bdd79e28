package org.overparam.store.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.Driver;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.RunStatus;
import org.overparam.api.store.ArtifactRecord;
import org.overparam.api.store.Comparison;
import org.overparam.api.store.ExportFormat;
import org.overparam.api.store.MetricQuery;
import org.overparam.api.store.MetricRow;
import org.overparam.api.store.MetricSeries;
import org.overparam.api.store.RunDetails;
import org.overparam.api.store.RunOutcome;
import org.overparam.api.store.RunPage;
import org.overparam.api.store.RunQuery;
import org.overparam.api.store.RunRecord;
import org.overparam.api.store.RunStore;
import org.overparam.api.store.SeedAggregate;

/**
 * The container's {@link RunStore} on H2 (see {@link StoreLocation} for where each folder's database
 * is and how processes share it, {@link Schema} for the tables). Databases are opened on first use
 * and stay open until the service goes away. The H2 driver is taken from {@code org.h2.Driver}
 * directly, which works inside the container without the JDBC service registry.
 *
 * <p>Configuration (PID {@code org.overparam.store}): {@value RunStore#URL_PROPERTY}, a JDBC URL
 * for all runs; when it is empty, the system property of the same name; when that is unset, the
 * database in each runs folder.
 */
@Component(service = RunStore.class, configurationPid = "org.overparam.store")
public final class H2RunStore implements RunStore, AutoCloseable {
    /** The store's configuration. */
    public @interface Config {
        /** @return a JDBC URL for the store of every runs folder; empty for the database in each folder */
        String overparam_store_url() default "";
    }

    private final String url;
    private final Driver driver;
    private final Map<String, Database> open = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** @param config the configuration */
    @Activate
    public H2RunStore(Config config) {
        this(config.overparam_store_url().isBlank() ? System.getProperty(URL_PROPERTY) : config.overparam_store_url(),
                org.h2.Driver.load());
    }

    /**
     * @param url a JDBC URL for every folder, or {@code null} for the database in each runs folder
     * @param driver the JDBC driver
     */
    H2RunStore(String url, Driver driver) {
        this.url = url;
        this.driver = Objects.requireNonNull(driver, "driver");
    }

    /** Closes every database this store opened. */
    @Deactivate
    @Override
    public void close() {
        closed = true;
        open.values().forEach(Database::close);
        open.clear();
    }

    @Override
    public void open(Path runs) {
        database(runs, true);
    }

    @Override
    public void begin(Path runs, RunRecord run) {
        Writes.begin(database(runs, true), run);
    }

    @Override
    public void appendMetrics(Path runs, String runId, List<MetricRow> rows) {
        Writes.appendMetrics(database(runs, false), runId, rows);
    }

    @Override
    public void addArtifact(Path runs, String runId, ArtifactRecord artifact) {
        Writes.addArtifact(database(runs, false), runId, artifact);
    }

    @Override
    public void setStatus(Path runs, String runId, RunStatus status, String message) {
        Writes.setStatus(database(runs, false), runId, status, message);
    }

    @Override
    public void finish(Path runs, String runId, RunOutcome outcome) {
        Writes.finish(database(runs, false), runId, outcome);
    }

    @Override
    public long truncateAfter(Path runs, String runId, long step) {
        return Writes.truncateAfter(database(runs, false), runId, step);
    }

    @Override
    public void tag(Path runs, String runId, Collection<String> add, Collection<String> remove) {
        Writes.tag(database(runs, false), runId, add, remove);
    }

    @Override
    public RunPage runs(Path runs, RunQuery query) {
        Database db = database(runs, false);
        RunListing.Page page = db.transaction("cannot list runs", c -> RunListing.page(db, c, query));
        return new RunPage(page.rows().stream().map(RunListing.Row::summary).toList(), page.total(), query.offset(),
                query.limit());
    }

    @Override
    public String resolve(Path runs, String idOrPrefix) {
        Database db = database(runs, false);
        return db.transaction("cannot look runs up", c -> RunReads.resolve(db, c, idOrPrefix));
    }

    @Override
    public Optional<RunDetails> run(Path runs, String runId) {
        Database db = database(runs, false);
        return db.transaction("cannot read run " + runId, c -> RunReads.details(db, c, runId));
    }

    @Override
    public List<MetricSeries> metrics(Path runs, MetricQuery query) {
        Database db = database(runs, false);
        return db.transaction("cannot read metrics", c -> MetricReads.list(db, c, query));
    }

    @Override
    public Comparison compare(Path runs, List<String> runIds) {
        if (runIds.isEmpty()) {
            throw new InvalidInputException("compare", "name at least one run");
        }
        Database db = database(runs, false);
        return db.transaction("cannot compare runs", c -> Comparisons.compare(db, c, runIds));
    }

    @Override
    public List<SeedAggregate> aggregate(Path runs, String sweep) {
        Database db = database(runs, false);
        return db.transaction("cannot aggregate sweep " + sweep, c -> Aggregation.aggregate(db, c, sweep));
    }

    @Override
    public void exportRuns(Path runs, RunQuery query, ExportFormat format, Writer out) throws IOException {
        Database db = database(runs, false);
        unwrap(() -> db.streamed("cannot export runs", c -> {
            io(() -> Exports.runs(db, c, query, format, out));
            return null;
        }));
    }

    @Override
    public void exportMetrics(Path runs, MetricQuery query, ExportFormat format, Writer out) throws IOException {
        Database db = database(runs, false);
        unwrap(() -> db.streamed("cannot export metrics", c -> {
            io(() -> Exports.metrics(db, c, query, format, out));
            return null;
        }));
    }

    @Override
    public void exportRun(Path runs, String runId, Writer out) throws IOException {
        RunDetails d = run(runs, runId).orElseThrow(() -> new InvalidInputException(runId, "no run '" + runId
                + "' in the run store " + StoreLocation.of(runs, url).label()));
        Exports.run(d, out);
    }

    @Override
    public void exportComparison(Path runs, List<String> runIds, ExportFormat format, Writer out) throws IOException {
        Exports.comparison(compare(runs, runIds), format, out);
    }

    /**
     * @param runs a runs folder
     * @return its open database (created if missing), for tools in this package
     */
    Database database(Path runs) {
        return database(runs, true);
    }

    private Database database(Path runs, boolean create) {
        Objects.requireNonNull(runs, "runs");
        if (closed) {
            throw new IllegalStateException("the run store service has stopped");
        }
        StoreLocation at = StoreLocation.of(runs, url);
        Database db = open.get(at.url());
        if (db != null) {
            return db;
        }
        if (!create && !at.exists()) {
            throw new InvalidInputException(runs.toString(), "no run store here: " + at.file() + " does not exist"
                    + " (runs are recorded there while the store bundle is installed)");
        }
        return open.computeIfAbsent(at.url(), u -> new Database(at, driver));
    }

    /** Work that writes. */
    @FunctionalInterface
    private interface Io {
        void run() throws IOException, java.sql.SQLException;
    }

    private static void io(Io work) throws java.sql.SQLException {
        try {
            work.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void unwrap(Runnable work) throws IOException {
        try {
            work.run();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

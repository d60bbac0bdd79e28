package org.overparam.engine.runfolder;

/**
 * The names of the files in a run folder (docs/runs.md), the one place that spells them.
 */
public final class RunFileNames {
    /** The run's spec, as resolved: the text the run was started from. */
    public static final String SPEC = "spec.yaml";
    /** Every scalar the run recorded, in long format ({@link MetricsCsv}). */
    public static final String METRICS = "metrics.csv";
    /** How the run ended ({@link ResultJson}); absent while it runs. */
    public static final String RESULT = "result.json";
    /** The machine, JVM, kernels and component jars the run used, its swaps and resumes. */
    public static final String PROVENANCE = "provenance.json";
    /** The run's log. */
    public static final String LOG = "run.log";
    /** The folder of the analyzers' series files. */
    public static final String SERIES = "series";

    private RunFileNames() {
    }
}

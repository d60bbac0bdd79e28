/**
 * What a run writes, and reads back, in its run folder: the folder and its name ({@code RunFolder}),
 * its lock and stop request ({@code RunLock}), run.log ({@code RunLog}) and the listener's events
 * ({@code Events}), the metrics in memory ({@code MetricStore}) and in metrics.csv
 * ({@code MetricsWriter}, read back by {@code MetricStore.histories}), result.json ({@code Run}),
 * provenance.json ({@code ProvenanceProbe}, {@code ProvenanceJson}, {@code ProvenanceFile},
 * {@code ResumedProvenance}) and the run's link to the run store ({@code StoreFeed}). It knows no step
 * and no component: the loop and the swap code write through it. The formats of metrics.csv and
 * result.json are the exported {@code org.overparam.engine.runfolder}'s. Private to the engine bundle.
 */
package org.overparam.engine.internal.folder;

/**
 * The run folder's file formats, in one place: the names of its files ({@link RunFileNames}),
 * metrics.csv ({@link MetricsCsv}: written row by row by the engine, read back by the engine on a
 * resume and by reports) and result.json ({@link ResultJson}: written by the engine, read by the
 * engine, the shell and reports). Exported by the engine bundle for the front ends that read run
 * folders (report, shell, SDK); it depends on nothing but the API's {@code InvalidInputException}.
 * Plugins never need it: they record metrics through the API and never see a run folder.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.overparam.engine.runfolder;

package org.overparam.report.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ReportWriter;

/**
 * The {@link ReportWriter} service: a run folder (it holds {@code metrics.csv}) gets a run report;
 * any other folder is a sweep, whose run folders (its sub-folders holding {@code metrics.csv}, one
 * or two levels down) each get a run report (redrawn only when a file of the run is newer than its
 * report), and the sweep a report of its own that aggregates the seeds. A reproduction suite (a folder
 * with {@code checks/}, written by {@code overparam reproduce}) gets its verdicts instead:
 * {@link ReproductionReport}. Plots are drawn off-screen with AWT, headless (see the constructor).
 */
@Component(service = ReportWriter.class)
public final class ReportService implements ReportWriter {

    /**
     * Makes AWT headless unless the JVM was told otherwise: the plots are drawn off-screen, and a
     * {@code DISPLAY} that cannot be reached would otherwise fail the first plot.
     */
    public ReportService() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    @Override
    public Path report(Path runOrSweepFolder) {
        Path folder = runOrSweepFolder.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException(runOrSweepFolder.toString(), "no such folder");
        }
        if (RunReader.isRun(folder)) {
            return RunReport.write(RunReader.read(folder));
        }
        List<Path> found = SweepFinder.runs(folder);
        if (ReproductionReport.isSuite(folder)) {
            List<RunData> runs = new ArrayList<>();
            for (Path p : found) {
                runs.add(RunReader.read(p));
            }
            return ReproductionReport.write(folder, runs);
        }
        if (found.isEmpty()) {
            throw new InvalidInputException(runOrSweepFolder.toString(), "neither a run folder (no "
                    + RunReader.METRICS + ") nor a sweep folder (no run folder inside)");
        }
        List<RunData> runs = new ArrayList<>();
        for (Path p : found) {
            RunData run = RunReader.read(p);
            if (!RunReport.upToDate(p)) {
                RunReport.write(run);
            }
            runs.add(run);
        }
        return SweepReport.write(folder, runs);
    }
}

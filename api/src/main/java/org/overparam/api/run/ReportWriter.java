package org.overparam.api.run;

import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;
import org.overparam.api.InvalidInputException;

/**
 * Writes the report of a run or of a sweep: plots as PNG and SVG beside a self-contained
 * {@code report.html} that shows them with the spec, the provenance and the final metrics.
 *
 * <p>A run folder is one the {@link ExperimentRunner} wrote (it holds {@code metrics.csv} and
 * {@code spec.yaml}); a sweep folder is a folder whose sub-folders include run folders. The report
 * goes into the folder itself: {@code report.html} and {@code plots/*.png|svg}, replacing a previous
 * report there. Reading the folder never changes the run's own files.
 */
@ProviderType
public interface ReportWriter {
    /**
     * @param runOrSweepFolder a run folder, or a sweep folder holding run folders
     * @return the written {@code report.html}
     * @throws InvalidInputException if the folder does not exist, holds no run, or a run's files
     *     cannot be read (naming the file and, where it applies, the line)
     */
    Path report(Path runOrSweepFolder);
}

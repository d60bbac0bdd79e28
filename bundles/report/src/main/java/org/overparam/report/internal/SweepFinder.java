package org.overparam.report.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.overparam.api.InvalidInputException;

/**
 * Finds the run folders of a sweep: its sub-folders holding {@code metrics.csv}, and those of its
 * sub-folders that are not runs themselves (one more level, e.g. {@code sweep/runs/<run>}), sorted
 * by path.
 */
final class SweepFinder {
    private SweepFinder() {
    }

    /**
     * @param sweep a folder
     * @return its run folders, sorted; empty if it has none
     * @throws InvalidInputException if it cannot be listed
     */
    static List<Path> runs(Path sweep) {
        List<Path> out = new ArrayList<>();
        for (Path child : folders(sweep)) {
            if (RunReader.isRun(child)) {
                out.add(child);
            } else {
                folders(child).stream().filter(RunReader::isRun).forEach(out::add);
            }
        }
        out.sort(null);
        return out;
    }

    private static List<Path> folders(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new InvalidInputException(dir.toString(), "cannot list: " + e.getMessage());
        }
    }
}

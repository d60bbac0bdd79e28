package org.overparam.report.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.overparam.api.InvalidInputException;
import org.overparam.engine.runfolder.RunFileNames;

/**
 * Reads a run folder as the engine writes it (docs/runs.md): {@code metrics.csv}, {@code spec.yaml},
 * {@code result.json}, {@code provenance.json}, {@code run.log} and {@code series/}. Only {@code metrics.csv} is required;
 * the others may be missing (a run still going has no result). Nothing is written.
 */
final class RunReader {
    static final String METRICS = RunFileNames.METRICS;
    static final String SPEC = RunFileNames.SPEC;
    static final String RESULT = RunFileNames.RESULT;
    static final String LOG = RunFileNames.LOG;
    static final String PROVENANCE = RunFileNames.PROVENANCE;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RunReader() {
    }

    /**
     * @param folder a folder
     * @return whether it looks like a run folder (it holds {@code metrics.csv})
     */
    static boolean isRun(Path folder) {
        return Files.isRegularFile(folder.resolve(METRICS));
    }

    /**
     * @param folder a run folder
     * @return its contents
     * @throws InvalidInputException if it is not a run folder or a file is malformed
     */
    static RunData read(Path folder) {
        if (!isRun(folder)) {
            throw new InvalidInputException(folder.toString(), "not a run folder (it has no " + METRICS + ")");
        }
        Path specFile = folder.resolve(SPEC);
        String specText = text(specFile);
        JsonNode spec = specText.isEmpty() ? MissingNode.getInstance() : tree(YAML, specFile, specText);
        Path resultFile = folder.resolve(RESULT);
        JsonNode result = json(resultFile);
        JsonNode provenance = json(folder.resolve(PROVENANCE));
        String log = text(folder.resolve(LOG));
        return new RunData(folder, specText, spec, result, provenance, log.isEmpty() ? List.of() : log.lines().toList(),
                Metrics.read(folder.resolve(METRICS)), series(folder.resolve(RunFileNames.SERIES)));
    }

    private static JsonNode json(Path file) {
        String text = text(file);
        return text.isEmpty() ? MissingNode.getInstance() : tree(JSON, file, text);
    }

    private static List<SeriesFile> series(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<SeriesFile> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(SeriesFile::parse).filter(s -> s != null).forEach(out::add);
        } catch (IOException e) {
            throw new InvalidInputException(dir.toString(), "cannot list the series: " + e.getMessage());
        }
        out.sort(Comparator.comparing(SeriesFile::metric).thenComparingLong(SeriesFile::step));
        return out;
    }

    private static String text(Path file) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "cannot read: " + e.getMessage());
        }
    }

    private static JsonNode tree(ObjectMapper mapper, Path file, String text) {
        try {
            JsonNode n = mapper.readTree(text);
            return n == null ? MissingNode.getInstance() : n;
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InvalidInputException(line > 0 ? file + ":" + line : file.toString(),
                    "malformed: " + e.getOriginalMessage());
        }
    }
}

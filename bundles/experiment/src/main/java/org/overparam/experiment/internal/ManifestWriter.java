package org.overparam.experiment.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.overparam.api.run.SweepPoint;

/**
 * Renders a sweep's manifest, stored as {@code sweep.yaml} in the sweep folder:
 * <pre>
 * # Overparam sweep manifest: ...
 * sweep: width                          the sweep's name
 * source: examples/sweep-width.yaml     the experiment file
 * arguments: [seeds=3]                  the command line's overrides and sweep arguments
 * axes: [architecture.width, seed]      the swept keys, the last varying fastest
 * runs:
 * - index: 1                            from 1
 *   key: 3fa2...                        SHA-256 of spec (64 hex digits)
 *   values: {architecture.width: '128', seed: '0'}
 *   spec: |                             the run's full resolved text, pins included
 *     ...
 * </pre>
 * The text is deterministic: the same sweep gives the same bytes.
 */
final class ManifestWriter {
    static final String HEADER = "# Overparam sweep manifest: the runs of this sweep as they were expanded, validated\n"
            + "# and pinned when it was created. A run folder in this folder belongs to the run whose key is\n"
            + "# the SHA-256 of its spec.yaml. Do not edit: `overparam sweep --resume` checks every key.\n";
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build();

    private ManifestWriter() {
    }

    /**
     * @param name the sweep's name
     * @param source the experiment file
     * @param arguments the command line's arguments
     * @param axes the swept keys
     * @param points the runs
     * @return the manifest's text
     */
    static String write(String name, String source, List<String> arguments, List<String> axes,
                        List<SweepPoint> points) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("sweep", name);
            g.writeStringField("source", source);
            strings(g, "arguments", arguments);
            strings(g, "axes", axes);
            g.writeArrayFieldStart("runs");
            for (SweepPoint p : points) {
                g.writeStartObject();
                g.writeNumberField("index", p.index());
                g.writeStringField("key", p.key());
                g.writeObjectFieldStart("values");
                for (Map.Entry<String, String> e : p.values().entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
                g.writeStringField("spec", p.spec().text());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HEADER + out;
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}

package org.overparam.experiment.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.overparam.api.ComponentKind;
import org.overparam.api.run.AnalyzerRef;
import org.overparam.api.run.CheckpointRule;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRef;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.Switch;

/**
 * Renders a resolved {@link RunSpec} as the YAML text stored with a run: every key in file order,
 * every component as a mapping with its {@code name} and all its parameters (defaults included),
 * every analyzer with its {@code label} and {@code every}, and the switches (only when there are
 * some, so specs without switches read as before), the checkpoint interval (only when it is not the
 * default {@value org.overparam.api.run.CheckpointRule#DEFAULT_EVERY}, for the same reason), and the
 * {@code pinned} mapping of the bundle
 * and version that provide each component ({@link Pins}). Reading the text again gives the same spec and the same
 * text.
 */
final class SpecWriter {
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();

    private SpecWriter() {
    }

    /**
     * @param spec the resolved spec
     * @param used the metadata of the components it uses, for the pins
     * @return the YAML text
     */
    static String write(RunSpec spec, List<ComponentInfo> used) {
        String header = "# Resolved experiment: every parameter, defaults included; pinned: the bundle@version "
                + "of each component.\n";
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("name", spec.name());
            g.writeNumberField("seed", spec.seed());
            for (ComponentKind kind : SpecResolver.SINGLE) {
                g.writeFieldName(kind.key());
                component(g, spec.component(kind), null);
            }
            g.writeArrayFieldStart("constraints");
            for (ComponentRef c : spec.constraints()) {
                component(g, c, null);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("analyzers");
            for (AnalyzerRef a : spec.analyzers()) {
                component(g, a.component(), a);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("stop");
            g.writeNumberField("maxSteps", spec.stop().maxSteps());
            g.writeNumberField("targetLoss", spec.stop().targetLoss());
            g.writeEndObject();
            g.writeArrayFieldStart("freeze");
            for (String f : spec.freeze()) {
                g.writeString(f);
            }
            g.writeEndArray();
            if (!spec.switches().isEmpty()) {
                g.writeArrayFieldStart("switch");
                for (Switch s : spec.switches()) {
                    g.writeStartObject();
                    g.writeNumberField("at", s.at());
                    if (s.optimizer() != null) {
                        g.writeFieldName("optimizer");
                        component(g, s.optimizer(), null);
                    }
                    if (s.schedule() != null) {
                        g.writeFieldName("schedule");
                        component(g, s.schedule(), null);
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            if (!spec.checkpoint().equals(CheckpointRule.DEFAULT)) {
                g.writeObjectFieldStart("checkpoint");
                g.writeNumberField("every", spec.checkpoint().every());
                g.writeEndObject();
            }
            g.writeObjectFieldStart("pinned");
            for (Map.Entry<String, String> e : Pins.of(used).entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return header + out.toString();
    }

    /**
     * @param spec a spec
     * @param text its resolved text
     * @param source where it came from
     * @return a copy of the spec, every field kept, with that text and source
     */
    static RunSpec withText(RunSpec spec, String text, String source) {
        return new RunSpec(spec.name(), spec.seed(), spec.components(), spec.constraints(), spec.analyzers(),
                spec.stop(), spec.freeze(), spec.switches(), spec.checkpoint(), text, source);
    }

    private static void component(JsonGenerator g, ComponentRef c, AnalyzerRef schedule) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", c.name());
        if (schedule != null) {
            g.writeStringField("label", schedule.label());
            g.writeNumberField("every", schedule.every());
        }
        for (Map.Entry<String, Object> e : c.config().values().entrySet()) {
            g.writeFieldName(e.getKey());
            value(g, e.getValue());
        }
        g.writeEndObject();
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                value(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Number n) {
            g.writeNumber(n.longValue());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(String.valueOf(v));
        }
    }
}

package org.overparam.plugin.serial.internal;

import org.overparam.api.ComponentProperties;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.overparam.api.Architecture;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Model;
import org.overparam.api.Param;
import org.overparam.api.Shape;
import org.overparam.api.run.ParamSpec;
import org.overparam.nn.BoundLayer;
import org.overparam.nn.Layer;
import org.overparam.nn.LayerType;
import org.overparam.nn.Layers;
import org.overparam.nn.Network;

/**
 * The architecture {@code serial}: a network written in the experiment file as a list of layers,
 * neural-tangents' {@code stax.serial} without code ({@code layers: [{dense: 512}, relu, {dense:
 * 512}, relu]}), followed by a dense readout with one unit per output of the data. The layers are
 * the {@link LayerType} services present now: the shipped ones (registered by this bundle) and any
 * other bundle's, tracked dynamically. Blocks are named by position ({@code 0.weight},
 * {@code 3.1.0.weight} inside a combinator, the readout {@code N.weight}); see docs/nn.md.
 */
@Component(service = Architecture.class, property = {
    ComponentProperties.NAME + "=serial",
    ComponentProperties.DESCRIPTION + "=A network composed in the experiment file from named layers (dense, conv, relu, residual, ...)"})
public final class SerialArchitecture implements Architecture {

    /** The parameters of {@code serial}. */
    public @interface Settings {
        /** @return the layers as written */
        @Param(value = "the layers in order: names (relu) and one-key mappings ({dense: 512}, "
                + "{conv: {channels: 16, kernel: [3, 3]}}); 'overparam describe architecture serial' lists them",
                structure = true)
        String[] layers();

        /** @return whether a readout is appended */
        @Param("append a dense readout with one unit per output of the data (no bias); false: the last "
                + "layer must give them")
        boolean readout() default true;
    }

    @Reference(service = LayerType.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<LayerType> types = List.of();

    /** For Declarative Services: the layer types arrive through the reference. */
    public SerialArchitecture() {
    }

    /** @param types the layer types to know (tests) */
    SerialArchitecture(List<LayerType> types) {
        this.types = List.copyOf(types);
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    /**
     * @throws InvalidInputException naming the layer's path ({@code layers[2]}) for an unknown
     *     layer or parameter, and the layer's index and shapes when a layer cannot read its input
     */
    @Override
    public Model build(org.overparam.api.Config config, Shape inputShape, int outputs) {
        if (outputs < 1) {
            throw new InvalidInputException("outputs", "a network needs at least one output, got " + outputs);
        }
        List<Layer> layers = new ArrayList<>(new LayerParser(types).layers(config.get("layers"), "layers"));
        if (layers.isEmpty()) {
            throw new InvalidInputException("layers", "no layers given");
        }
        boolean readout = config.as(Settings.class).readout();
        if (readout) {
            layers.add(Layers.dense(outputs));
        }
        Shape shape = inputShape;
        for (int i = 0; i < layers.size(); i++) {
            String what = readout && i == layers.size() - 1 ? "the readout (layer " + i + ", dense " + outputs + ")"
                    : "layer " + i;
            try {
                BoundLayer bound = layers.get(i).bind(shape, String.valueOf(i));
                shape = bound.outputShape();
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(readout && i == layers.size() - 1 ? "readout" : "layers[" + i + "]",
                        what + " cannot read its input of shape " + shape + ": " + e.getMessage());
            }
        }
        if (!shape.equals(Shape.of(outputs))) {
            throw new InvalidInputException("layers", "the last layer gives shape " + shape + " but the data have "
                    + outputs + " output" + (outputs == 1 ? "" : "s") + " (end with {dense: " + outputs
                    + "} or set readout: true)");
        }
        return Network.of(inputShape, layers.toArray(Layer[]::new));
    }

    /** @return one line per layer type known now: its name, shorthand, description and parameters */
    @Override
    public List<String> help() {
        List<LayerType> sorted = new ArrayList<>(types);
        sorted.sort(Comparator.comparing(LayerType::name));
        List<String> out = new ArrayList<>();
        out.add("layers (" + sorted.size() + " available now):");
        for (LayerType t : sorted) {
            out.add("  " + t.name() + " - " + t.description());
            for (ParamSpec p : ParamSpec.of(t.configType())) {
                String range = p.options().isEmpty() ? p.range() : "one of " + String.join(", ", p.options());
                out.add("      " + p.name() + (p.name().equals(t.shorthand()) ? " (the single value)" : "") + ": "
                        + p.typeName() + ", " + (p.required() ? "required" : "default " + p.defaultText())
                        + (range.isEmpty() ? "" : ", " + range) + " - " + p.description());
            }
        }
        return out;
    }
}

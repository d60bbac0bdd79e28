package org.overparam.plugin.serial.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.Names;
import org.overparam.api.run.ParamSpec;
import org.overparam.nn.Layer;
import org.overparam.nn.LayerBuilder;
import org.overparam.nn.LayerType;
import org.overparam.nn.Layers;

/**
 * Turns a layer list as written ({@code [{dense: 512}, relu, {residual: {branch: [...]}}]}) into
 * {@link Layer}s: each entry is a {@link LayerType}'s name, a one-key mapping from the name to its
 * parameters, or to one value of its {@linkplain LayerType#shorthand() shorthand}; an entry that
 * is a list is the serial composition of its entries. Parameters are checked against the type's
 * schema (unknown names and values out of range refused, defaults filled in), an unknown layer
 * name suggests the nearest. Errors name the entry's path, e.g. {@code layers[2].residual.branch[0]}.
 */
final class LayerParser {
    private final List<LayerType> types;

    /** @param types the layer types known now */
    LayerParser(List<LayerType> types) {
        this.types = List.copyOf(types);
    }

    /**
     * @param entries the list as written
     * @param path its path, e.g. {@code layers}
     * @return one layer per entry
     * @throws InvalidInputException naming the entry's path
     */
    List<Layer> layers(Object entries, String path) {
        if (!(entries instanceof List<?> list)) {
            throw new InvalidInputException(path, "expected a list of layers, got " + entries);
        }
        List<Layer> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(layer(list.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    /**
     * @param entry one entry as written
     * @param path its path
     * @return its layer
     */
    Layer layer(Object entry, String path) {
        if (entry instanceof List<?> list) {
            if (list.isEmpty()) {
                throw new InvalidInputException(path, "an empty list of layers");
            }
            return Layers.serial(layers(list, path).toArray(Layer[]::new));
        }
        String name;
        Object value;
        if (entry instanceof String s) {
            name = s.strip();
            value = null;
        } else if (entry instanceof Map<?, ?> m && m.size() == 1) {
            Map.Entry<?, ?> e = m.entrySet().iterator().next();
            name = String.valueOf(e.getKey());
            value = e.getValue();
        } else {
            throw new InvalidInputException(path, "expected a layer's name (relu) or a mapping with one layer's name "
                    + "({dense: 512}), got " + entry);
        }
        LayerType type = type(name, path);
        String at = path + "." + name;
        Config config = config(type, value, at);
        try {
            return type.create(config, new Builder(config, at));
        } catch (InvalidInputException e) {
            throw e.where().startsWith(path) ? e : new InvalidInputException(at + (e.where().isEmpty() ? ""
                    : "." + e.where()), e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(at, e.getMessage());
        }
    }

    private LayerType type(String name, String path) {
        List<String> names = new ArrayList<>();
        for (LayerType t : types) {
            if (t.name().equals(name)) {
                return t;
            }
            names.add(t.name());
        }
        throw new InvalidInputException(path, "unknown layer '" + name + "'" + Names.suggestion(name, names)
                + "; layers: " + String.join(", ", names.stream().sorted().toList()));
    }

    /** @return the entry's parameters, checked, with every default */
    private static Config config(LayerType type, Object value, String at) {
        List<ParamSpec> specs = ParamSpec.of(type.configType());
        Map<String, Object> given = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> given.put(String.valueOf(k), v));
        } else if (value != null) {
            if (type.shorthand().isEmpty()) {
                throw new InvalidInputException(at, "expected a mapping of its parameters, got " + value
                        + "; its parameters: " + names(specs));
            }
            given.put(type.shorthand(), value);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : given.entrySet()) {
            ParamSpec p = spec(specs, e.getKey());
            if (p == null) {
                throw new InvalidInputException(at, "unknown parameter '" + e.getKey() + "' of layer " + type.name()
                        + Names.suggestion(e.getKey(), names(specs)) + "; its parameters: " + names(specs));
            }
            if (e.getValue() == null) {
                throw new InvalidInputException(at + "." + e.getKey(), "no value given");
            }
            out.put(e.getKey(), p.check(at + "." + e.getKey(), e.getValue()));
        }
        for (ParamSpec p : specs) {
            if (!out.containsKey(p.name())) {
                if (p.required()) {
                    throw new InvalidInputException(at, "layer " + type.name() + " needs parameter '" + p.name()
                            + "' (" + p.description() + ")");
                }
                out.put(p.name(), p.check(at + "." + p.name(), p.defaultValue()));
            }
        }
        return Config.of(out);
    }

    private static ParamSpec spec(List<ParamSpec> specs, String name) {
        for (ParamSpec p : specs) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    private static List<String> names(List<ParamSpec> specs) {
        return specs.stream().map(ParamSpec::name).toList();
    }

    /** Builds an entry's structure parameters by this parser's rules. */
    private final class Builder implements LayerBuilder {
        private final Config config;
        private final String at;

        Builder(Config config, String at) {
            this.config = config;
            this.at = at;
        }

        @Override
        public List<Layer> layers(String param) {
            Object v = config.get(param);
            if (v == null) {
                throw new IllegalArgumentException("layer parameter '" + param + "' is not set");
            }
            return LayerParser.this.layers(v, at + "." + param);
        }
    }
}

package org.overparam.plugin.safetensors.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.overparam.api.BlockScale;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;

/**
 * The {@code __metadata__} entries Overparam writes into a weights file and reads back. All values
 * are strings (the format allows nothing else); numbers are written with {@link Double#toString},
 * which reads back to the same double.
 *
 * <pre>
 * format                                 pt (what PyTorch's safetensors writer puts there)
 * overparam.values                       effective | raw | gradient (save-weights), hvp, direction (hvp)
 * overparam.step                         the step the weights are from (0: initialization)
 * overparam.loss                         the training loss at that point (gradient and hvp files)
 * overparam.architecture                 the architecture's name, e.g. fc
 * overparam.architecture.&lt;param&gt;        each parameter the run set, e.g. overparam.architecture.width = 1024
 * overparam.initializer[.&lt;param&gt;]       likewise for the initializer
 * overparam.multiplier.&lt;block&gt;           the block's scalar multiplier
 * overparam.multiplier.&lt;block&gt;.per_input  comma-separated per-input multipliers, if the block has them
 * </pre>
 *
 * A block's effective value is {@code scalar * per_input[j] * raw[i, j, ...]}.
 */
final class Metadata {
    static final String FORMAT = "format";
    static final String VALUES = "overparam.values";
    static final String STEP = "overparam.step";
    static final String MULTIPLIER = "overparam.multiplier.";
    static final String PER_INPUT = ".per_input";
    static final String EFFECTIVE = "effective";
    static final String RAW = "raw";
    static final String GRADIENT = "gradient";
    static final String LOSS = "overparam.loss";

    private Metadata() {
    }

    /**
     * @param out receives {@code prefix = name} and {@code prefix.<param> = value} for each parameter set
     * @param prefix e.g. {@code overparam.architecture}
     * @param name the component's name, or {@code null} (then nothing is written)
     * @param config its parameters
     */
    static void component(Map<String, String> out, String prefix, String name, Config config) {
        if (name == null) {
            return;
        }
        out.put(prefix, name);
        for (Map.Entry<String, Object> e : config.values().entrySet()) {
            out.put(prefix + "." + e.getKey(), e.getValue() instanceof List<?> l ? l.toString() : String.valueOf(e.getValue()));
        }
    }

    /**
     * @param out receives the block's multiplier entries
     * @param block its name
     * @param s its multiplier
     */
    static void multiplier(Map<String, String> out, String block, BlockScale s) {
        out.put(MULTIPLIER + block, Double.toString(s.scalar()));
        if (s.perInput() != null) {
            StringBuilder b = new StringBuilder();
            for (int j = 0; j < s.perInput().length; j++) {
                b.append(j == 0 ? "" : ",").append(s.perInput()[j]);
            }
            out.put(MULTIPLIER + block + PER_INPUT, b.toString());
        }
    }

    /**
     * @param metadata a file's metadata
     * @param block a block name
     * @param file the file, named at the start of error messages
     * @return the block's multiplier, or {@code null} if the file records none
     * @throws InvalidInputException naming the parameter {@code file} if an entry is not a number or a
     *     list of numbers
     */
    static BlockScale multiplier(Map<String, String> metadata, String block, String file) {
        String scalar = metadata.get(MULTIPLIER + block);
        if (scalar == null) {
            return null;
        }
        double c = number(scalar, MULTIPLIER + block, file);
        String per = metadata.get(MULTIPLIER + block + PER_INPUT);
        if (per == null) {
            return BlockScale.of(c);
        }
        String[] parts = per.split(",");
        double[] p = new double[parts.length];
        for (int j = 0; j < p.length; j++) {
            p[j] = number(parts[j].strip(), MULTIPLIER + block + PER_INPUT + "[" + j + "]", file);
        }
        return new BlockScale(c, p);
    }

    /** @return a fresh ordered map with the {@code format} entry PyTorch's writer puts first */
    static Map<String, String> start() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(FORMAT, "pt");
        return m;
    }

    private static double number(String s, String key, String file) {
        try {
            double v = Double.parseDouble(s);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("file", file + ": metadata entry " + key + " = '" + s + "' is not a finite number");
    }
}

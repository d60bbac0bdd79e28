package org.overparam.plugin.safetensors.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.overparam.api.BlockScale;
import org.overparam.api.BlockSpec;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Config;
import org.overparam.api.Initialization;
import org.overparam.api.Initializer;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Layout;
import org.overparam.api.Param;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Scaling;
import org.overparam.linalg.io.Safetensors;
import org.overparam.linalg.io.SafetensorsException;
import org.overparam.linalg.io.Tensor;
import org.overparam.linalg.io.TensorFile;

/**
 * The initializer {@code from-file}: the initial point comes from a safetensors file, one tensor
 * per block of the model's layout, found by the block's name and required to have the block's
 * shape (PyTorch's layouts: a dense weight {@code [out, in]}, a bias {@code [out]}, a convolution
 * weight {@code [out, in, k...]}; see docs/weights.md for each architecture's names).
 *
 * <p>{@code scaling: identity} (the default) takes the file's values as the EFFECTIVE weights the
 * network computes with, which is what a PyTorch state_dict holds and what {@code save-weights}
 * writes by default, and sets every multiplier to 1: the run computes the same function as the
 * network that was saved. {@code scaling: file} restores the multipliers {@code save-weights}
 * recorded in the metadata and divides them out ({@code raw = effective / multiplier}, exact up to
 * one rounding; a file saved with {@code values: raw} is taken as it is), so a run resumes in the
 * same parameterization (same NTK, same learning-rate scale), not only with the same function.
 * With {@code scaling: identity} on a file whose metadata records multipliers other than 1, the run
 * trains another parameterization than the one the file was saved in; {@link #notices} says so.
 *
 * <p>Blocks tied to another block ({@link BlockSpec#tiedTo()}) are copied from it by the engine, so
 * their tensors may be missing. Nothing is drawn from the random stream.
 */
@Component(service = Initializer.class, property = {
    ComponentProperties.NAME + "=from-file",
    ComponentProperties.DESCRIPTION + "=Start from weights in a safetensors file (block names, PyTorch layouts)"})
public final class FromFileInitializer implements Initializer {

    /** The parameters of {@code from-file}. */
    public @interface Settings {
        /** @return the file */
        @Param("safetensors file with one tensor per block (a relative path starts at the experiment file's folder)")
        String file();

        /** @return whether extra tensors are ignored */
        @Param("ignore tensors the model has no block for (e.g. the rest of a state_dict) instead of failing")
        boolean allowExtra() default false;

        /** @return how multipliers are set */
        @Param(value = "identity: the file holds the effective weights, all multipliers 1 (PyTorch's view); file:"
                + " restore the multipliers save-weights recorded, so the run keeps its parameterization",
                options = {"identity", "file"})
        String scaling() default "identity";
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    @Override
    public Initialization initialize(Config config, Layout layout, RandomStream random) {
        Settings c = config.as(Settings.class);
        boolean fromFile = switch (c.scaling()) {
            case "identity" -> false;
            case "file" -> true;
            default -> throw new InvalidInputException("scaling", "unknown scaling '" + c.scaling()
                    + "'; choose identity or file");
        };
        Path path = path(c.file());
        TensorFile file = read(path);
        Located where = new Located(path);
        Map<String, Tensor> tensors = file.tensors();
        List<String> missing = new ArrayList<>();
        for (BlockSpec b : layout.blocks()) {
            Tensor t = tensors.get(b.name());
            if (t == null) {
                if (b.tiedTo() == null) {
                    missing.add(b.name() + " " + dims(b.shape().dims()));
                }
                continue;
            }
            if (!Arrays.equals(t.shape(), b.shape().dims())) {
                throw where.error("tensor '" + b.name() + "' has shape " + t.shapeText()
                        + " but the model's block " + b.name() + " is " + dims(b.shape().dims()));
            }
            if (!t.dtype().isFloat()) {
                throw where.error("tensor '" + b.name() + "' has dtype " + t.dtype()
                        + "; weights must be F64, F32, F16 or BF16");
            }
        }
        if (!missing.isEmpty()) {
            throw where.error("missing tensor" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing) + "; the file has " + list(tensors) + " (names per architecture:"
                    + " docs/weights.md)");
        }
        List<String> extra = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            if (!layout.has(e.getKey())) {
                extra.add(e.getKey() + " " + e.getValue().shapeText());
            }
        }
        if (!extra.isEmpty() && !c.allowExtra()) {
            throw where.error("the model has no block for tensor" + (extra.size() == 1 ? " " : "s ")
                    + String.join(", ", extra) + "; its blocks are " + blocks(layout) + "; rename them (docs/weights.md) or"
                    + " set allowExtra: true");
        }
        String values = file.metadata().getOrDefault(Metadata.VALUES, Metadata.EFFECTIVE);
        if (!values.equals(Metadata.EFFECTIVE) && !values.equals(Metadata.RAW)) {
            throw where.error("metadata " + Metadata.VALUES + " is '" + values
                    + "'; expected effective or raw");
        }
        if (!fromFile && values.equals(Metadata.RAW)) {
            throw where.error("holds raw values (saved with values: raw), which mean nothing"
                    + " without their multipliers; use scaling: file");
        }
        Params params = Params.zeros(layout);
        List<BlockScale> scales = new ArrayList<>();
        for (int i = 0; i < layout.count(); i++) {
            BlockSpec b = layout.block(i);
            Tensor t = tensors.get(b.name());
            BlockScale s = fromFile ? Metadata.multiplier(file.metadata(), b.name(), where.prefix()) : BlockScale.ONE;
            if (s == null) {
                if (b.tiedTo() == null) {
                    throw where.error("has no multiplier for block " + b.name() + " (metadata "
                            + Metadata.MULTIPLIER + b.name() + "): it was not written by save-weights; use scaling: identity");
                }
                s = BlockScale.ONE;
            }
            scales.add(s);
            if (t != null) {
                copy(b, t, s, values.equals(Metadata.EFFECTIVE), params.block(i), where);
            }
        }
        Scaling scaling;
        try {
            scaling = new Scaling(layout, scales);
        } catch (IllegalArgumentException e) {
            throw where.error("its multipliers do not fit the model: " + e.getMessage());
        }
        return new Initialization(params, scaling, Set.of());
    }

    /**
     * With {@code scaling: identity}, a file whose metadata records multipliers other than 1 (saved
     * by {@code save-weights} from a parameterized net, e.g. NTK or asymmetric) is trained in
     * another parameterization than the one it was saved in: says so in one line, with the
     * multipliers in force (all 1) and the recorded ones.
     */
    @Override
    public List<String> notices(Config config, Layout layout) {
        Settings c = config.as(Settings.class);
        if (!c.scaling().equals("identity")) {
            return List.of();
        }
        Path path = path(c.file());
        TensorFile file = read(path);
        List<String> recorded = new ArrayList<>();
        for (BlockSpec b : layout.blocks()) {
            BlockScale s = Metadata.multiplier(file.metadata(), b.name(), path.toString());
            if (s != null && !s.isIdentity()) {
                recorded.add(b.name() + " " + text(s));
            }
        }
        if (recorded.isEmpty()) {
            return List.of();
        }
        return List.of("from-file: scaling: identity loads " + path.getFileName() + " as EFFECTIVE weights with"
                + " every multiplier 1 (in force: 1 on all blocks), but it was saved with multipliers "
                + String.join(", ", recorded) + ": same function, other parameterization (NTK, learning-rate"
                + " scale); scaling: file trains the RAW weights under the saved multipliers (docs/weights.md)");
    }

    /** @return e.g. {@code 0.02236} or {@code 1 x per-input [0.0054, 0.137]} */
    private static String text(BlockScale s) {
        String scalar = String.format(Locale.ROOT, "%.4g", s.scalar());
        if (s.perInput() == null) {
            return scalar;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double m : s.perInput()) {
            lo = Math.min(lo, m);
            hi = Math.max(hi, m);
        }
        return String.format(Locale.ROOT, "%s x per-input in [%.4g, %.4g]", scalar, lo, hi);
    }

    /** Copies a tensor into a block, dividing out the multiplier if the values are effective. */
    private static void copy(BlockSpec b, Tensor t, BlockScale s, boolean effective, double[] out, Located where) {
        double[] v = t.values();
        int in = b.shape().rank() >= 2 ? b.shape().dim(1) : 1;
        int inner = b.shape().rank() >= 2 ? b.size() / (b.shape().dim(0) * in) : 1;
        if (s.perInput() != null && s.perInput().length != in) {
            throw where.error("block " + b.name() + " has " + in + " inputs but the file records "
                    + s.perInput().length + " per-input multipliers for it");
        }
        for (int j = 0; j < v.length; j++) {
            if (!Double.isFinite(v[j])) {
                throw where.error("tensor '" + b.name() + "' holds " + v[j] + " at index " + j);
            }
            double m = s.scalar() * (s.perInput() == null ? 1.0 : s.perInput()[(j / inner) % in]);
            if (!effective || s.isIdentity()) {
                out[j] = v[j];
            } else if (m == 0) {
                throw where.error("block " + b.name() + " has multiplier 0 at index " + j
                        + ", so its raw value cannot be recovered from the effective one; save with values: raw");
            } else {
                out[j] = v[j] / m;
            }
        }
    }

    private static TensorFile read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException("file", path + (Files.exists(path) ? " is not a file" : " does not exist")
                    + " (a relative path in an experiment file starts at that file's folder)");
        }
        try {
            return Safetensors.read(path);
        } catch (SafetensorsException e) {
            throw new InvalidInputException("file", e.getMessage());
        } catch (IOException e) {
            throw new InvalidInputException("file", path + " cannot be read: " + e);
        }
    }

    private static Path path(String file) {
        if (file.isBlank()) {
            throw new InvalidInputException("file", "is empty; name a safetensors file");
        }
        try {
            return Path.of(file);
        } catch (InvalidPathException e) {
            throw new InvalidInputException("file", "'" + file + "' is not a valid path: " + e.getReason());
        }
    }

    /** Errors about the file's content: located at the parameter {@code file}, the message starting with the path. */
    private record Located(Path path) {
        InvalidInputException error(String message) {
            return new InvalidInputException("file", path + ": " + message);
        }

        String prefix() {
            return path.toString();
        }
    }

    private static String blocks(Layout layout) {
        List<String> s = new ArrayList<>();
        for (BlockSpec b : layout.blocks()) {
            s.add(b.name() + " " + dims(b.shape().dims()));
        }
        return "[" + String.join(", ", s) + "]";
    }

    private static String dims(int[] d) {
        return Arrays.toString(d);
    }

    private static String list(Map<String, Tensor> tensors) {
        List<String> s = new ArrayList<>();
        tensors.forEach((k, v) -> s.add(k + " " + v.shapeText()));
        return s.isEmpty() ? "no tensors" : String.join(", ", s);
    }
}

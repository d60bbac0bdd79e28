package org.overparam.plugin.safetensors.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.overparam.api.Analyzer;
import org.overparam.api.BlockScale;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Config;
import org.overparam.api.DataSize;
import org.overparam.api.GradientOracle;
import org.overparam.api.InvalidInputException;
import org.overparam.api.MetricSink;
import org.overparam.api.Model;
import org.overparam.api.Param;
import org.overparam.api.Params;
import org.overparam.api.Scaling;
import org.overparam.api.Snapshot;
import org.overparam.linalg.io.DType;

/**
 * The analyzer {@code hvp}: the Hessian of the full-batch training loss times a fixed direction,
 * {@code H v}, written as a safetensors artifact at each analysis ({@code <filePrefix>-init},
 * {@code -step<k>}, {@code -final}.safetensors; {@link ArtifactNames}) in RAW coordinates, one tensor
 * per block with the block names and shapes of {@code save-weights} (zero in frozen blocks); with
 * {@code coordinates: effective}, v and H v are in the effective weights' coordinates instead
 * ({@code H_eff v = M^-1 H_raw M^-1 v} for multipliers M), what autograd computes on a PyTorch copy
 * of the net. The
 * products are the run's own (its {@link GradientOracle}; exact for every architecture that provides
 * second derivatives), so a user can hold them against autograd's {@code torch.autograd.functional.hvp}.
 *
 * <p>{@code v} comes from the file {@code direction} ({@link Direction}), or is a random unit vector
 * drawn from the analyzer's stream (the same at every step of the run, and the same for the same
 * seed and label), written once as {@code <filePrefix>-direction.safetensors} at step 0. With
 * {@code steps} set it writes only at those of its scheduled analyses. It records the scalars
 * {@code vhv} (the curvature {@code v.Hv}) and {@code hv_norm} ({@code |Hv|}).
 */
@Component(service = Analyzer.class, property = {
    ComponentProperties.NAME + "=hvp",
    ComponentProperties.DESCRIPTION + "=Hessian-vector products H v of the training loss as safetensors"})
public final class HvpAnalyzer implements Analyzer {
    static final String HVP = "hvp";
    static final String DIRECTION = "direction";

    /** The parameters of {@code hvp}. */
    public @interface Settings {
        /** @return the direction file, or empty */
        @Param("a safetensors file holding v, one tensor per trained block (in the chosen coordinates, block names"
                + " and shapes as save-weights writes them); empty: a seeded random unit vector, saved as"
                + " <filePrefix>-direction.safetensors")
        String directionFile() default "";

        /** @return the element type */
        @Param(value = "element type of the files: F64 (exact) or F32", options = {"F64", "F32"})
        String dtype() default "F64";

        /** @return the file names' prefix */
        @Param("files <filePrefix>-init.safetensors, -step<k>.safetensors, -final.safetensors (and"
                + " -direction.safetensors); every file-writing analyzer of a run needs its own")
        String filePrefix() default "hvp";

        /** @return raw or effective */
        @Param(value = "raw: v and H v in Overparam's raw coordinates; effective: in the effective weights' (what"
                + " torch.autograd.functional.hvp on a PyTorch copy of the net computes)", options = {"raw", "effective"})
        String coordinates() default "raw";

        /** @return the steps to write at, or none for every scheduled analysis */
        @Param(value = "write H v only at these steps (with an every that reaches them, e.g. every: 1); empty: at"
                + " every scheduled analysis", min = 0)
        long[] steps() default {};
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    /** Checks the direction file, if one is given, against the model's blocks before the run starts. */
    @Override
    public List<String> adjustments(Config config, Model model, DataSize data) {
        String direction = config.as(Settings.class).directionFile();
        if (!direction.isBlank()) {
            Direction.check(direction, model.layout());
        }
        ArtifactNames.prefix(config.as(Settings.class).filePrefix());
        return List.of();
    }

    @Override
    public void analyze(Snapshot snapshot, MetricSink out) {
        Settings c = snapshot.config().as(Settings.class);
        DType dtype = BlockFile.dtype(c.dtype());
        String prefix = ArtifactNames.prefix(c.filePrefix());
        boolean effective = switch (c.coordinates()) {
            case "raw" -> false;
            case "effective" -> true;
            default -> throw new InvalidInputException("coordinates", "unknown coordinates '"
                    + c.coordinates() + "'; choose raw or effective");
        };
        boolean random = c.directionFile().isBlank();
        boolean due = c.steps().length == 0 || Arrays.stream(c.steps()).anyMatch(s -> s == snapshot.step());
        if (!due && !(random && snapshot.step() == 0)) {
            return;
        }
        GradientOracle oracle = snapshot.oracle();
        Params v = random ? Direction.random(snapshot.random().derive(DIRECTION), oracle.layout(), oracle::trainable)
                : Direction.read(c.directionFile(), oracle.layout(), oracle::trainable);
        if (random && snapshot.step() == 0) {
            Map<String, String> vMeta = BlockFile.metadata(snapshot, DIRECTION);
            vMeta.put("overparam.coordinates", c.coordinates());
            out.artifact(prefix + "-direction.safetensors", BlockFile.encode(snapshot, v, vMeta, dtype));
        }
        if (!due) {
            return;
        }
        Params at = snapshot.params();
        Params hv = Params.zeros(oracle.layout());
        Scaling inverse = effective ? inverse(snapshot.scaling()) : null;
        oracle.hessianVector(at, null, effective ? inverse.multiplyInPlace(v.copy()) : v, hv);
        if (effective) {
            inverse.multiplyInPlace(hv);
        }
        Map<String, String> meta = BlockFile.metadata(snapshot, HVP);
        meta.put(Metadata.LOSS, Double.toString(oracle.loss(at, null)));
        meta.put("overparam.direction", random ? prefix + "-direction.safetensors" : c.directionFile());
        meta.put("overparam.coordinates", c.coordinates());
        byte[] file = BlockFile.encode(snapshot, hv, meta, dtype);
        for (String name : ArtifactNames.at(prefix, snapshot.step(), snapshot.isFinal(), "safetensors")) {
            out.artifact(name, file);
        }
        out.scalar("vhv", v.dot(hv));
        out.scalar("hv_norm", hv.norm());
    }

    /**
     * @param scaling the run's multipliers M
     * @return the multipliers 1 / M, per block and per input
     * @throws InvalidInputException naming {@code coordinates} if a multiplier is 0
     */
    static Scaling inverse(Scaling scaling) {
        List<BlockScale> out = new ArrayList<>();
        for (int i = 0; i < scaling.layout().count(); i++) {
            BlockScale s = scaling.scale(i);
            double[] per = s.perInput() == null ? null : s.perInput().clone();
            boolean zero = s.scalar() == 0;
            if (per != null) {
                for (int j = 0; j < per.length; j++) {
                    zero |= per[j] == 0;
                    per[j] = 1.0 / per[j];
                }
            }
            if (zero) {
                throw new InvalidInputException("coordinates", "block " + scaling.layout().block(i).name()
                        + " has a multiplier 0, so its effective coordinates do not determine the raw ones; use raw");
            }
            out.add(new BlockScale(1.0 / s.scalar(), per));
        }
        return new Scaling(scaling.layout(), out);
    }
}

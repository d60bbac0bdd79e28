package org.overparam.plugin.safetensors.internal;

import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.overparam.api.Analyzer;
import org.overparam.api.Data;
import org.overparam.api.GradientOracle;
import org.overparam.api.Layout;
import org.overparam.api.MetricSink;
import org.overparam.api.Param;
import org.overparam.api.Params;
import org.overparam.api.Snapshot;
import org.overparam.linalg.io.DType;

/**
 * The analyzer {@code hvp}: the Hessian of the full-batch training loss times a fixed direction,
 * {@code H v}, written as a safetensors artifact at each analysis ({@code <filePrefix>-init},
 * {@code -step<k>}, {@code -final}.safetensors; {@link ArtifactNames}) in RAW coordinates, one tensor
 * per block with the block names and shapes of {@code save-weights} (zero in frozen blocks). The
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
    org.overparam.api.Component.NAME + "=hvp",
    org.overparam.api.Component.DESCRIPTION + "=Hessian-vector products H v of the training loss as safetensors"})
public final class HvpAnalyzer implements Analyzer {
    static final String HVP = "hvp";
    static final String DIRECTION = "direction";

    /** The parameters of {@code hvp}. */
    public @interface Config {
        /** @return the direction file, or empty */
        @Param("a safetensors file holding v, one tensor per trained block (raw coordinates, block names and shapes"
                + " as save-weights writes them); empty: a seeded random unit vector, saved as"
                + " <filePrefix>-direction.safetensors")
        String direction() default "";

        /** @return the element type */
        @Param(value = "element type of the files: F64 (exact) or F32", options = {"F64", "F32"})
        String dtype() default "F64";

        /** @return the file names' prefix */
        @Param("files <filePrefix>-init.safetensors, -step<k>.safetensors, -final.safetensors (and"
                + " -direction.safetensors); a second hvp in the same run needs its own")
        String filePrefix() default "hvp";

        /** @return the steps to write at, or none for every scheduled analysis */
        @Param(value = "write H v only at these steps (with an every that reaches them, e.g. every: 1); empty: at"
                + " every scheduled analysis", min = 0)
        long[] steps() default {};
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    /** Checks the direction file, if one is given, against the model's blocks before the run starts. */
    @Override
    public void check(org.overparam.api.Config config, Data data, Layout layout) {
        String direction = config.as(Config.class).direction();
        if (!direction.isBlank()) {
            Direction.check(direction, layout);
        }
        ArtifactNames.prefix(config.as(Config.class).filePrefix());
    }

    @Override
    public void analyze(Snapshot snapshot, MetricSink out) {
        Config c = snapshot.config().as(Config.class);
        DType dtype = BlockFile.dtype(c.dtype());
        String prefix = ArtifactNames.prefix(c.filePrefix());
        GradientOracle oracle = snapshot.oracle();
        boolean random = c.direction().isBlank();
        Params v = random ? Direction.random(snapshot.random().derive(DIRECTION), oracle.layout(), oracle::trainable)
                : Direction.read(c.direction(), oracle.layout(), oracle::trainable);
        if (random && snapshot.step() == 0) {
            out.artifact(prefix + "-direction.safetensors",
                    BlockFile.encode(snapshot, v, BlockFile.metadata(snapshot, DIRECTION), dtype));
        }
        if (c.steps().length > 0 && java.util.Arrays.stream(c.steps()).noneMatch(s -> s == snapshot.step())) {
            return;
        }
        Params at = snapshot.params();
        Params hv = Params.zeros(oracle.layout());
        oracle.hessianVector(at, null, v, hv);
        Map<String, String> meta = BlockFile.metadata(snapshot, HVP);
        meta.put(Metadata.LOSS, Double.toString(oracle.loss(at, null)));
        meta.put("overparam.direction", random ? prefix + "-direction.safetensors" : c.direction());
        byte[] file = BlockFile.encode(snapshot, hv, meta, dtype);
        for (String name : ArtifactNames.at(prefix, snapshot.step(), snapshot.isFinal(), "safetensors")) {
            out.artifact(name, file);
        }
        out.scalar("vhv", v.dot(hv));
        out.scalar("hv_norm", hv.norm());
    }
}

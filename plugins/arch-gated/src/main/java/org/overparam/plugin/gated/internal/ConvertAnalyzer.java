package org.overparam.plugin.gated.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.overparam.api.Analyzer;
import org.overparam.api.Batch;
import org.overparam.api.ComponentKind;
import org.overparam.api.ComponentProperties;
import org.overparam.api.InvalidInputException;
import org.overparam.api.MetricSink;
import org.overparam.api.Param;
import org.overparam.api.Params;
import org.overparam.api.Snapshot;
import org.overparam.linalg.io.DType;
import org.overparam.linalg.io.Safetensors;
import org.overparam.linalg.io.Tensor;

/**
 * The analyzer {@code gated-convert}: at its schedule, converts the run's gated surrogate at the
 * current step into an equivalent plain ReLU network on the training inputs ({@link ReluConversion};
 * check A2 of arXiv 2101.04243: conversion mid-training is exact) and records
 * {@code max_abs_diff} and {@code max_rel_diff} between the two networks' outputs on the inputs
 * that pass the margin condition, {@code error_bound} (the proven rounding bound of that
 * difference, {@link ConversionCheck}), {@code c}, {@code ratio} ({@code min |z0| / |W v|}),
 * {@code margin} (the condition's smallest slack) and {@code failing_inputs} (how many inputs fail
 * it). When some fail: the series {@code failing} (x = input index, y = its smallest relative gate
 * pre-activation) and {@code failing_max_abs_diff}. With {@code save}, the converted weights go to
 * the artifact {@code gated-converted-step<k>.safetensors}: tensors {@code W1 .. WL, W_out} in F64,
 * the block names and shapes ({@code [out, in]}) of an fc network with {@code width = 2m}, the
 * same depth, ReLU and no bias, holding effective weights with multipliers 1, and the metadata
 * {@code save-weights} writes ({@code overparam.values = effective}, {@code overparam.architecture.*},
 * {@code overparam.multiplier.* = 1}) plus {@code overparam.conversion.*}: the file starts an fc run
 * through {@code initializer: from-file} and loads into PyTorch as {@code nn.Linear(bias=False)}
 * weights.
 */
@Component(service = Analyzer.class, property = {
    ComponentProperties.NAME + "=gated-convert",
    ComponentProperties.DESCRIPTION + "=Converts the gated surrogate into an equivalent ReLU network and checks it on the training inputs"})
public final class ConvertAnalyzer implements Analyzer {

    /** The parameters of {@code gated-convert}. */
    public @interface Settings {
        /** @return the safety fraction */
        @Param(value = "c = safety * min |z0| / |W v| over the training inputs and units (smaller: more slack, more rounding)",
                min = 0, max = 1, minExclusive = true, maxExclusive = true)
        double safety() default 0.5;

        /** @return mu */
        @Param(value = "an input fails when a gate pre-activation has |z0| <= mu * sum_k |W0_jk a0_k| (mu relative)", min = 0)
        double mu() default 1e-9;

        /** @return whether to save the weights */
        @Param("save the converted weights as the artifact gated-converted-step<k>.safetensors")
        boolean save() default true;
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    /**
     * @throws InvalidInputException if the run's architecture is not {@code gated}
     */
    @Override
    public void analyze(Snapshot snapshot, MetricSink out) {
        Settings c = snapshot.config().as(Settings.class);
        String arch = snapshot.componentName(ComponentKind.ARCHITECTURE);
        if (!"gated".equals(arch)) {
            throw new InvalidInputException("gated-convert", "converts the gated surrogate; this run's architecture is "
                    + arch);
        }
        Batch train = snapshot.data().train();
        Surrogate model = GatedSurrogate.build(snapshot.componentConfig(ComponentKind.ARCHITECTURE)
                .as(GatedSurrogate.Settings.class), train.inputShape(), train.outputSize());
        Params effective = snapshot.scaling().effective(snapshot.params());
        Conversion conversion = ReluConversion.convert(model, effective, train, c.safety(), c.mu());
        ConversionCheck check = ConversionCheck.of(model, effective, conversion, train);
        out.scalar("max_abs_diff", check.maxAbsDiff());
        out.scalar("max_rel_diff", check.maxRelDiff());
        out.scalar("error_bound", check.errorBound());
        out.scalar("c", conversion.c());
        if (Double.isFinite(conversion.ratio())) {
            out.scalar("ratio", conversion.ratio());
        }
        if (!Double.isNaN(conversion.margin())) {
            out.scalar("margin", conversion.margin());
        }
        int[] failing = conversion.failing();
        out.scalar("failing_inputs", failing.length);
        if (failing.length > 0) {
            double[] x = new double[failing.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = failing[i];
            }
            out.series("failing", x, conversion.failingMargins());
            out.scalar("failing_max_abs_diff", check.failingMaxAbsDiff());
        }
        if (c.save()) {
            out.artifact("gated-converted-step" + snapshot.step() + ".safetensors",
                    safetensors(model, conversion, check, snapshot.step()));
        }
    }

    /**
     * @return the converted weights as F64 safetensors, with metadata saying how to load them
     */
    static byte[] safetensors(Surrogate model, Conversion conversion, ConversionCheck check, long step) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Params p = conversion.params();
        for (int i = 0; i < p.layout().count(); i++) {
            tensors.put(p.layout().block(i).name(), Tensor.of(p.layout().block(i).shape().dims(), p.block(i)));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "pt");
        meta.put("overparam.values", "effective");
        meta.put("overparam.step", Long.toString(step));
        meta.put("overparam.architecture", "fc");
        meta.put("overparam.architecture.width", Integer.toString(2 * model.width()));
        meta.put("overparam.architecture.depth", Integer.toString(model.depth()));
        meta.put("overparam.architecture.activation", "relu");
        meta.put("overparam.architecture.bias", "false");
        for (String name : p.layout().names()) {
            meta.put("overparam.multiplier." + name, "1.0");
        }
        meta.put("overparam.source", "gated-convert: the gated surrogate (arXiv 2101.04243) converted to ReLU");
        meta.put("overparam.conversion.c", Double.toString(conversion.c()));
        meta.put("overparam.conversion.margin", Double.toString(conversion.margin()));
        meta.put("overparam.conversion.failing_inputs", java.util.Arrays.toString(conversion.failing()));
        meta.put("overparam.conversion.max_abs_diff", Double.toString(check.maxAbsDiff()));
        meta.put("overparam.conversion.error_bound", Double.toString(check.errorBound()));
        return Safetensors.toBytes(tensors, DType.F64, meta);
    }
}

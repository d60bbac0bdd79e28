package org.overparam.plugin.resnet.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Shape;
import org.overparam.api.Sizes;
import org.overparam.linalg.ConvMap;
import org.overparam.linalg.DenseMap;
import org.overparam.linalg.LinearMap;
import org.overparam.nn.Layer;
import org.overparam.nn.Layers;
import org.overparam.nn.Network;

/**
 * The checked structure of a {@code resnet}: the input layer A, the residual blocks' map (all
 * {@code W_l} have the same shape), the pooling before the output layer B, tau and which blocks
 * are trained. Dense blocks flatten the samples; conv blocks read {@code [c, h, w]} (2-D),
 * {@code [c, l]} or {@code [d]} as {@code [1, d]} (1-D) with same-padding, stride-1 convolutions,
 * so every feature map has the input's spatial size. The {@code inputShape} parameter makes conv
 * blocks read the samples as another shape with as many values (row-major, as {@code torch.reshape}).
 *
 * @param dataShape the data's sample shape
 * @param conv whether the blocks are convolutions
 * @param twoD whether the convolutions are 2-D
 * @param a the input layer's map
 * @param hidden every residual block's map
 * @param avgpool whether B reads the last feature map average-pooled per channel (else flattened;
 *     always flattened, the m values, for dense blocks)
 * @param channels channels (conv) or width m (dense) of the feature maps
 * @param positions positions per channel (1 for dense)
 * @param depth L
 * @param tau the residual scale
 * @param trainAll whether A and B are trained too
 * @param outputs k
 */
record ResNetPlan(Shape dataShape, boolean conv, boolean twoD, LinearMap a, LinearMap hidden, boolean avgpool,
                  int channels, int positions, int depth, double tau, boolean trainAll, int outputs) {

    /**
     * @param c the parameters
     * @param dataShape the data's sample shape
     * @param outputs k
     * @return the checked plan
     * @throws InvalidInputException naming the parameter (and the layer and shapes) when they do not fit
     *     together or the data; single-parameter ranges are checked from {@code @Param} before this runs
     */
    static ResNetPlan of(ResidualNet.Settings c, Shape dataShape, int outputs) {
        if (outputs < 1) {
            throw new InvalidInputException("outputs", "a network needs at least one output, got " + outputs);
        }
        double tau = tau(c.tau(), c.depth());
        boolean trainAll = switch (c.train()) {
            case "all" -> true;
            case "hidden" -> false;
            default -> throw new InvalidInputException("train", "unknown value '" + c.train() + "'; choose hidden or all");
        };
        switch (c.block()) {
            case "dense" -> {
                if (c.inputShape().length > 0) {
                    throw new InvalidInputException("inputShape", "only conv blocks read a shape; dense blocks flatten"
                            + " every sample (drop inputShape or set block: conv)");
                }
                int m = c.width();
                return new ResNetPlan(dataShape, false, false, new DenseMap(dataShape.size(), m), new DenseMap(m, m),
                        false, m, 1, c.depth(), tau, trainAll, outputs);
            }
            case "conv" -> {
                return convolutional(c, dataShape, tau, trainAll, outputs);
            }
            default -> throw new InvalidInputException("block", "unknown block '" + c.block() + "'; choose dense or conv");
        }
    }

    /** @return B's input features per sample */
    int features() {
        return avgpool ? channels : channels * positions;
    }

    /**
     * @return the composition of org.overparam.nn: {@code (flatten | reshape), A, relu h0,
     *     residual(tau, W_l, relu h_l) x L, (globalAvgPool | flatten), B}, A and B {@code frozen}
     *     unless {@code train = all}; blocks {@code A, W1 .. WL, B} (dense) or
     *     {@code A.weight, W1.weight .. WL.weight, B.weight} (conv); the layers give the passes,
     *     exact Hessian-vector products and, with dense blocks, the NTK pieces, and
     *     {@link #forwardValues} the memory estimate
     */
    Network network() {
        List<Layer> layers = new ArrayList<>();
        if (!conv) {
            layers.add(Layers.flatten());
        } else {
            ConvMap first = (ConvMap) a;
            Shape read = twoD ? Shape.of(first.c(), first.h(), first.w()) : Shape.of(first.c(), first.w());
            if (!read.equals(dataShape)) {
                layers.add(Layers.reshape(read.dims()));
            }
        }
        String suffix = conv ? ".weight" : "";
        Layer in = layer(a, "A" + suffix);
        layers.add(trainAll ? in : Layers.frozen(in));
        layers.add(Layers.named("h0", Layers.relu()));
        for (int l = 1; l <= depth; l++) {
            layers.add(Layers.residual(tau, layer(hidden, "W" + l + suffix), Layers.named("h" + l, Layers.relu())));
        }
        if (conv) {
            layers.add(avgpool ? Layers.globalAvgPool() : Layers.flatten());
        }
        Layer out = Layers.dense(outputs).named("B" + suffix, null);
        layers.add(trainAll ? out : Layers.frozen(out));
        return Network.of(dataShape, layers.toArray(new Layer[0])).withForwardValues(this::forwardValues);
    }

    private Layer layer(LinearMap m, String name) {
        if (m instanceof ConvMap c) {
            return twoD ? Layers.conv2d(c.out(), c.kh(), c.kw()).padding(c.ph(), c.pw()).named(name, null)
                    : Layers.conv1d(c.out(), c.kw()).padding(c.pw()).named(name, null);
        }
        return Layers.dense(m.outSize()).named(name, null);
    }

    /**
     * Per sample, in maps of the blocks' size: the input block's pre-activations and state (2); per
     * residual block its pre-activations, ReLU map, scaled branch and sum in the forward pass and
     * three signals in the backward pass (7); two more for the head's signals and temporaries; plus
     * the pooled features and the outputs. Measured on the composition: 7L + 3 maps (dense blocks),
     * 7.4L + 3 (conv blocks, with im2col's patches).
     *
     * @param samples the batch size
     * @return the doubles a forward and backward pass keep
     */
    long forwardValues(long samples) {
        long size = hidden.outSize();
        long maps = Sizes.sum(Sizes.product(7, depth), 4);
        return Sizes.product(samples, Sizes.sum(Sizes.product(maps, size), features(), outputs));
    }

    private static ResNetPlan convolutional(ResidualNet.Settings c, Shape dataShape, double tau, boolean trainAll,
                                            int outputs) {
        Shape data = readShape(c.inputShape(), dataShape);
        boolean twoD = data.rank() == 3;
        int in = data.rank() == 1 ? 1 : data.dim(0);
        int h = twoD ? data.dim(1) : 1;
        int w = data.dim(data.rank() - 1);
        int ch = c.channels();
        int k = c.kernel();
        if (k % 2 == 0) {
            throw new InvalidInputException("kernel", "kernel " + k + " must be odd (same padding (k-1)/2)");
        }
        if (k > w || (twoD && k > h)) {
            throw new InvalidInputException("kernel", "layer A: kernel " + k + " is larger than its input "
                    + (twoD ? h + "x" + w : Integer.toString(w)) + " (shape " + data + ")");
        }
        if (!c.head().equals("avgpool") && !c.head().equals("flatten")) {
            throw new InvalidInputException("head", "unknown head '" + c.head() + "'; choose avgpool or flatten");
        }
        int p = (k - 1) / 2;
        ConvMap a = twoD ? new ConvMap(in, h, w, ch, k, k, 1, 1, p, p) : new ConvMap(in, 1, w, ch, 1, k, 1, 1, 0, p);
        ConvMap hidden = twoD ? new ConvMap(ch, h, w, ch, k, k, 1, 1, p, p) : new ConvMap(ch, 1, w, ch, 1, k, 1, 1, 0, p);
        return new ResNetPlan(dataShape, true, twoD, a, hidden, c.head().equals("avgpool"), ch, h * w, c.depth(), tau,
                trainAll, outputs);
    }

    /**
     * @param override the {@code inputShape} parameter, or empty
     * @param data the data's sample shape
     * @return the shape the conv blocks read: the override, or the data's
     * @throws InvalidInputException naming {@code inputShape} (or {@code block} for data of rank above 3
     *     without one) when it does not fit
     */
    private static Shape readShape(int[] override, Shape data) {
        if (override.length == 0) {
            if (data.rank() > 3) {
                throw new InvalidInputException("block", "conv blocks read samples of shape [d], [c, l] or [c, h, w];"
                        + " the data's are " + data + "; set inputShape to read them as one of those");
            }
            return data;
        }
        if (override.length < 2 || override.length > 3) {
            throw new InvalidInputException("inputShape", "give [c, l] or [c, h, w], got " + override.length + " sizes");
        }
        long size = 1;
        for (int s : override) {
            size *= s;
        }
        if (size != data.size()) {
            throw new InvalidInputException("inputShape", "inputShape " + Shape.of(override) + " has " + size
                    + " values but the data's samples have " + data.size() + " (shape " + data + ")");
        }
        return Shape.of(override);
    }

    /**
     * @param text a number, {@code 1/L} or {@code 1/sqrt(L)}
     * @param depth L
     * @return tau
     * @throws InvalidInputException naming {@code tau} if the text is none of those or negative
     */
    static double tau(String text, int depth) {
        String t = text.trim().replace(" ", "").toLowerCase(Locale.ROOT);
        if (t.equals("1/l")) {
            return 1.0 / depth;
        }
        if (t.equals("1/sqrt(l)")) {
            return 1.0 / Math.sqrt(depth);
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("tau", "expected a number at least 0, 1/L or 1/sqrt(L), got '" + text + "'");
        }
        if (!Double.isFinite(v) || v < 0) {
            throw new InvalidInputException("tau", "tau " + text.trim() + " must be a finite number at least 0");
        }
        return v;
    }
}

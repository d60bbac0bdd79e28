package org.overparam.plugin.resnet.internal;

import java.util.Locale;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Shape;
import org.overparam.linalg.ConvMap;
import org.overparam.linalg.DenseMap;
import org.overparam.linalg.LinearMap;
import org.overparam.linalg.Pooling;

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
 * @param pooling how the last feature map becomes B's input (FLATTEN of m values for dense blocks)
 * @param channels channels (conv) or width m (dense) of the feature maps
 * @param positions positions per channel (1 for dense)
 * @param depth L
 * @param tau the residual scale
 * @param trainAll whether A and B are trained too
 * @param outputs k
 */
record ResNetPlan(Shape dataShape, boolean conv, boolean twoD, LinearMap a, LinearMap hidden, Pooling pooling,
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
                        Pooling.FLATTEN, m, 1, c.depth(), tau, trainAll, outputs);
            }
            case "conv" -> {
                return convolutional(c, dataShape, tau, trainAll, outputs);
            }
            default -> throw new InvalidInputException("block", "unknown block '" + c.block() + "'; choose dense or conv");
        }
    }

    /** @return B's input features per sample */
    int features() {
        return pooling.features(channels, positions);
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
        Pooling pooling = Pooling.of(c.head()).orElseThrow(() -> new InvalidInputException("head",
                "unknown head '" + c.head() + "'; choose avgpool or flatten"));
        int p = (k - 1) / 2;
        ConvMap a = twoD ? new ConvMap(in, h, w, ch, k, k, 1, 1, p, p) : new ConvMap(in, 1, w, ch, 1, k, 1, 1, 0, p);
        ConvMap hidden = twoD ? new ConvMap(ch, h, w, ch, k, k, 1, 1, p, p) : new ConvMap(ch, 1, w, ch, 1, k, 1, 1, 0, p);
        return new ResNetPlan(dataShape, true, twoD, a, hidden, pooling, ch, h * w, c.depth(), tau, trainAll, outputs);
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

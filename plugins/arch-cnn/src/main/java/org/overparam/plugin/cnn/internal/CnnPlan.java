package org.overparam.plugin.cnn.internal;

import java.util.ArrayList;
import java.util.List;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Shape;
import org.overparam.api.Sizes;
import org.overparam.linalg.ConvMap;
import org.overparam.nn.Conv;
import org.overparam.nn.Dense;
import org.overparam.nn.Layer;
import org.overparam.nn.Layers;
import org.overparam.nn.Network;

/**
 * The checked geometry of a {@code cnn}: its parameters read against the data's sample shape, layer
 * by layer. A sample {@code [d]} is read as {@code [1, d]}, {@code [c, l]} is 1-D and
 * {@code [c, h, w]} 2-D (square kernels, equal strides and paddings along both axes); the
 * {@code inputShape} parameter reads the samples as another shape with as many values.
 *
 * @param dataShape the data's sample shape (what batches hold)
 * @param readShape the shape samples are read as ({@code [c, l]} or {@code [c, h, w]})
 * @param twoD whether the convolutions are 2-D
 * @param convs the conv layers, first to last
 * @param avgpool whether the head reads the last feature map average-pooled per channel (else flattened)
 * @param outputs k
 * @param bias whether every layer has a bias
 */
record CnnPlan(Shape dataShape, Shape readShape, boolean twoD, List<ConvMap> convs, boolean avgpool, int outputs,
               boolean bias) {

    /**
     * @param c the parameters
     * @param dataShape the data's sample shape
     * @param outputs k
     * @return the checked plan
     * @throws InvalidInputException naming the parameter, the layer and the shapes when they do not fit
     *     together or the data; each value's range is checked from {@code @Param} before this runs
     */
    static CnnPlan of(ConvolutionalNet.Settings c, Shape dataShape, int outputs) {
        if (outputs < 1) {
            throw new InvalidInputException("outputs", "a network needs at least one output, got " + outputs);
        }
        int[] shape = readShape(c.inputShape(), dataShape);
        boolean twoD = shape.length == 3;
        int[] channels = c.channels();
        int layers = channels.length;
        if (layers == 0) {
            throw new InvalidInputException("channels", "give at least one conv layer, e.g. [16, 16]");
        }
        int[] kernel = perLayer("kernel", c.kernel(), layers);
        int[] stride = perLayer("stride", c.stride(), layers);
        int[] padding = perLayer("padding", c.padding(), layers);
        if (!c.head().equals("avgpool") && !c.head().equals("flatten")) {
            throw new InvalidInputException("head", "unknown head '" + c.head() + "'; choose avgpool or flatten");
        }
        int ch = shape[0];
        int h = twoD ? shape[1] : 1;
        int w = shape[shape.length - 1];
        List<ConvMap> convs = new ArrayList<>(layers);
        for (int l = 0; l < layers; l++) {
            String layer = "layer conv" + (l + 1) + ": ";
            int k = kernel[l];
            int p = padding[l];
            int padH = twoD ? h + 2 * p : 1;
            int padW = w + 2 * p;
            if (k > padW || (twoD && k > padH)) {
                throw new InvalidInputException("kernel", layer + "kernel " + k + " is larger than its padded input "
                        + (twoD ? padH + "x" + padW : Integer.toString(padW)) + " (input "
                        + (twoD ? ch + "x" + h + "x" + w : ch + "x" + w) + ", padding " + p + ")");
            }
            ConvMap m = twoD
                    ? new ConvMap(ch, h, w, channels[l], k, k, stride[l], stride[l], p, p)
                    : new ConvMap(ch, 1, w, channels[l], 1, k, 1, stride[l], 0, p);
            convs.add(m);
            ch = m.out();
            h = m.oh();
            w = m.ow();
        }
        return new CnnPlan(dataShape, Shape.of(shape), twoD, List.copyOf(convs), c.head().equals("avgpool"), outputs,
                c.bias());
    }

    /** @return the head's input features per sample */
    int features() {
        ConvMap last = convs.get(convs.size() - 1);
        return avgpool ? last.out() : last.outSize();
    }

    /**
     * @return the composition {@code (reshape), conv1, relu, ..., convL, relu, globalAvgPool | flatten,
     *     dense head} of org.overparam.nn, blocks {@code convN.weight}, {@code convN.bias},
     *     {@code head.weight}, {@code head.bias} and activations {@code conv1 .. convL}; the layers
     *     give the passes, exact Hessian-vector products and no dense-layer NTK pieces (a
     *     convolution's per-sample gradient is not an outer product: analyzers use per-sample
     *     gradients), and {@link #forwardValues} the memory estimate
     */
    Network network() {
        List<Layer> layers = new ArrayList<>();
        if (!readShape.equals(dataShape)) {
            layers.add(Layers.reshape(readShape.dims()));
        }
        for (int l = 0; l < convs.size(); l++) {
            ConvMap m = convs.get(l);
            Conv conv = twoD ? Layers.conv2d(m.out(), m.kh(), m.kw()).stride(m.sh(), m.sw()).padding(m.ph(), m.pw())
                    : Layers.conv1d(m.out(), m.kw()).stride(m.sw()).padding(m.pw());
            String name = "conv" + (l + 1);
            conv = conv.named(name + ".weight", name + ".bias");
            layers.add(bias ? conv.withBias(1.0) : conv);
            layers.add(Layers.named(name, Layers.relu()));
        }
        layers.add(avgpool ? Layers.globalAvgPool() : Layers.flatten());
        Dense head = Layers.dense(outputs).named("head.weight", "head.bias");
        layers.add(bias ? head.withBias(1.0) : head);
        return Network.of(dataShape, layers.toArray(new Layer[0])).withForwardValues(this::forwardValues);
    }

    /**
     * Per sample: each conv layer's pre-activations and ReLU map ({@code 2 out oh ow}), the head's
     * features and outputs, and in the backward pass two signals and one temporary of the largest
     * feature map (the patch matrices of im2col are per sample and small next to them).
     *
     * @param samples the batch size
     * @return the doubles a forward and backward pass keep
     */
    long forwardValues(long samples) {
        long kept = Sizes.sum(features(), outputs);
        long widest = features();
        for (ConvMap m : convs) {
            kept = Sizes.sum(kept, Sizes.product(2, m.outSize()));
            widest = Math.max(widest, Math.max(m.inSize(), m.outSize()));
        }
        return Sizes.product(samples, Sizes.sum(kept, Sizes.product(3, widest)));
    }

    private static int[] readShape(int[] override, Shape dataShape) {
        if (override.length == 0) {
            if (dataShape.rank() == 1) {
                return new int[] {1, dataShape.dim(0)};
            }
            if (dataShape.rank() == 2 || dataShape.rank() == 3) {
                return dataShape.dims();
            }
            throw new InvalidInputException("inputShape", "the cnn reads samples of shape [d], [c, l] or [c, h, w];"
                    + " the data's are " + dataShape + "; set inputShape to read them as one of those");
        }
        if (override.length < 2 || override.length > 3) {
            throw new InvalidInputException("inputShape", "give [c, l] or [c, h, w], got " + override.length
                    + " sizes");
        }
        long size = 1;
        for (int s : override) {
            size *= s;
        }
        if (size != dataShape.size()) {
            throw new InvalidInputException("inputShape", "inputShape " + Shape.of(override) + " has " + size
                    + " values but the data's samples have " + dataShape.size() + " (shape " + dataShape + ")");
        }
        return override.clone();
    }

    private static int[] perLayer(String name, int[] values, int layers) {
        if (values.length == 1) {
            int[] out = new int[layers];
            java.util.Arrays.fill(out, values[0]);
            return out;
        }
        if (values.length != layers) {
            throw new InvalidInputException(name, values.length + " values for " + layers
                    + " conv layers; give one value or one per layer");
        }
        return values.clone();
    }
}

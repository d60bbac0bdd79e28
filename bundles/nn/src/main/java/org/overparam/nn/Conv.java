package org.overparam.nn;

import java.util.Arrays;
import org.overparam.api.Shape;
import org.overparam.nn.internal.ConvLayer;

/**
 * A 1-D or 2-D convolution (a cross-correlation, as in PyTorch) over {@code [c, l]} or
 * {@code [c, h, w]} inputs with zero padding, weights {@code [channels, c, k...]} and an optional
 * bias per output channel. The kernel map assumes effective weights of variance
 * {@code weightVariance / (c k...)} and a bias of variance {@code biasVariance}. Block names
 * default to {@code NAME.weight} and {@code NAME.bias}.
 *
 * @param channels output channels, at least 1
 * @param kernel the kernel size per spatial axis (1 entry for 1-D, 2 for 2-D)
 * @param stride the stride per axis
 * @param padding the zero padding on each side, per axis
 * @param bias whether the layer has a bias
 * @param weightVariance {@code sigma_w^2}, for the kernel map
 * @param biasVariance {@code sigma_b^2}, for the kernel map
 * @param weightName the weight block's name, or {@code null} for the default
 * @param biasName the bias block's name, or {@code null} for the default
 */
public record Conv(int channels, int[] kernel, int[] stride, int[] padding, boolean bias, double weightVariance,
                   double biasVariance, String weightName, String biasName) implements Layer {
    /** Checks and copies the fields. */
    public Conv {
        if (channels < 1) {
            throw new IllegalArgumentException("conv: channels " + channels + " is below 1");
        }
        if (kernel.length < 1 || kernel.length > 2 || stride.length != kernel.length || padding.length != kernel.length) {
            throw new IllegalArgumentException("conv: kernel " + Arrays.toString(kernel) + ", stride "
                    + Arrays.toString(stride) + " and padding " + Arrays.toString(padding)
                    + " need one entry per spatial axis (1 or 2)");
        }
        kernel = kernel.clone();
        stride = stride.clone();
        padding = padding.clone();
    }

    /**
     * @param s the stride per axis
     * @return this convolution with that stride
     */
    public Conv stride(int... s) {
        return new Conv(channels, kernel, s, padding, bias, weightVariance, biasVariance, weightName, biasName);
    }

    /**
     * @param p the zero padding per axis
     * @return this convolution with that padding
     */
    public Conv padding(int... p) {
        return new Conv(channels, kernel, stride, p, bias, weightVariance, biasVariance, weightName, biasName);
    }

    /**
     * @param variance {@code sigma_b^2}
     * @return this convolution with a bias
     */
    public Conv withBias(double variance) {
        return new Conv(channels, kernel, stride, padding, true, weightVariance, variance, weightName, biasName);
    }

    /**
     * @param variance {@code sigma_w^2}
     * @return this convolution with that weight variance
     */
    public Conv weightVariance(double variance) {
        return new Conv(channels, kernel, stride, padding, bias, variance, biasVariance, weightName, biasName);
    }

    /**
     * @param weight the weight block's name
     * @param biasBlock the bias block's name
     * @return renamed
     */
    public Conv named(String weight, String biasBlock) {
        return new Conv(channels, kernel, stride, padding, bias, weightVariance, biasVariance, weight, biasBlock);
    }

    @Override
    public BoundLayer bind(Shape input, String name) {
        if (input.rank() != kernel.length + 1) {
            throw new IllegalArgumentException("a " + kernel.length + "-D convolution reads [c, "
                    + (kernel.length == 1 ? "l" : "h, w") + "], got shape " + input);
        }
        return new ConvLayer(name, input, this);
    }
}

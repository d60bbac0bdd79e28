package org.overparam.nn;

import org.overparam.api.Shape;
import org.overparam.nn.internal.DenseLayer;

/**
 * A dense layer {@code y = W x + b} on vectors ({@code [in] -> [width]}), weights {@code [width, in]}
 * (PyTorch's layout), bias {@code [width]} when present. The kernel map assumes effective weights of
 * variance {@code weightVariance / in} and a bias of variance {@code biasVariance}
 * ({@code sigma_w^2}, {@code sigma_b^2}). Block names default to {@code NAME.weight} and
 * {@code NAME.bias}, NAME the layer's position (PyTorch's {@code nn.Sequential}).
 *
 * @param width output units, at least 1
 * @param bias whether the layer has a bias
 * @param weightVariance {@code sigma_w^2}, for the kernel map
 * @param biasVariance {@code sigma_b^2}, for the kernel map (ignored without a bias)
 * @param weightName the weight block's name, or {@code null} for the default
 * @param biasName the bias block's name, or {@code null} for the default
 */
public record Dense(int width, boolean bias, double weightVariance, double biasVariance, String weightName,
                    String biasName) implements Layer {
    /** Checks the fields. */
    public Dense {
        if (width < 1) {
            throw new IllegalArgumentException("dense: width " + width + " is below 1");
        }
        if (!(weightVariance >= 0) || !(biasVariance >= 0)) {
            throw new IllegalArgumentException("dense: variances must be at least 0");
        }
    }

    /**
     * @param variance {@code sigma_b^2}
     * @return this layer with a bias
     */
    public Dense withBias(double variance) {
        return new Dense(width, true, weightVariance, variance, weightName, biasName);
    }

    /**
     * @param variance {@code sigma_w^2}
     * @return this layer with that weight variance
     */
    public Dense weightVariance(double variance) {
        return new Dense(width, bias, variance, biasVariance, weightName, biasName);
    }

    /**
     * @param weight the weight block's name
     * @param biasBlock the bias block's name (ignored without a bias)
     * @return this layer with those block names (e.g. fc's {@code W1}, {@code b1})
     */
    public Dense named(String weight, String biasBlock) {
        return new Dense(width, bias, weightVariance, biasVariance, weight, biasBlock);
    }

    @Override
    public BoundLayer bind(Shape input, String name) {
        if (input.rank() != 1) {
            throw new IllegalArgumentException("dense reads vectors, got shape " + input + " (put flatten before it)");
        }
        return new DenseLayer(name, input.dim(0), this);
    }
}

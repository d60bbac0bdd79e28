package org.overparam.plugin.cnn.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.Architecture;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Model;
import org.overparam.api.Param;
import org.overparam.api.Shape;

/**
 * The architecture {@code cnn}: 1-D or 2-D convolutions with ReLU, then global average pooling or
 * flattening and a linear head ({@link CnnPlan#network()}, a composition of org.overparam.nn); the CNN family of arXiv 1811.03962. Samples
 * {@code [c, h, w]} get 2-D convolutions, {@code [c, l]} and {@code [d]} (read as {@code [1, d]})
 * 1-D ones. Multipliers of a parameterization (NTK, standard) are applied around the model by the
 * run, per block, with fan-in {@code c_in k(k)} for a convolution.
 */
@Component(service = Architecture.class, property = {
    ComponentProperties.NAME + "=cnn",
    ComponentProperties.DESCRIPTION + "=Convolutional ReLU network (1-D or 2-D, avgpool or flatten head), exact gradients and Hessian-vector products"})
public final class ConvolutionalNet implements Architecture {

    /** The parameters of {@code cnn}. */
    public @interface Settings {
        /** @return the output channels of each conv layer */
        @Param(value = "output channels of each conv layer, one entry per layer", min = 1)
        int[] channels() default {16, 16};

        /** @return kernel sizes */
        @Param(value = "kernel size k (k x k in 2-D): one value for every layer or one per layer", min = 1)
        int[] kernel() default {3};

        /** @return strides */
        @Param(value = "stride: one value for every layer or one per layer", min = 1)
        int[] stride() default {1};

        /** @return paddings */
        @Param(value = "zero padding on each side: one value for every layer or one per layer", min = 0)
        int[] padding() default {1};

        /** @return the head's pooling */
        @Param(value = "the linear head reads the last feature map average-pooled per channel, or flattened",
                options = {"avgpool", "flatten"})
        String head() default "avgpool";

        /** @return whether layers have biases */
        @Param("whether every layer has a bias (blocks convN.bias, head.bias)")
        boolean bias() default false;

        /** @return the shape samples are read as, or empty */
        @Param(value = "read each sample as [c, l] or [c, h, w] with as many values as the data's;"
                + " empty: the data's own shape ([d] is read as [1, d])", min = 1)
        int[] inputShape() default {};
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    /**
     * @throws InvalidInputException naming {@code channels}, {@code kernel}, {@code stride},
     *     {@code padding}, {@code head} or {@code inputShape}, with the layer and the shapes, when
     *     they do not fit the data
     */
    @Override
    public Model build(Config config, Shape inputShape, int outputs) {
        return CnnPlan.of(config.as(Settings.class), inputShape, outputs).network();
    }
}

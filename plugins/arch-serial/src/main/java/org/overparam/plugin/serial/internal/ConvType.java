package org.overparam.plugin.serial.internal;

import java.util.Arrays;
import org.osgi.service.component.annotations.Component;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Param;
import org.overparam.nn.Conv;
import org.overparam.nn.Layer;
import org.overparam.nn.LayerBuilder;
import org.overparam.nn.LayerType;
import org.overparam.nn.Layers;

/**
 * The layer {@code conv}: a 1-D ({@code kernel: [k]}, input {@code [c, l]}) or 2-D
 * ({@code kernel: [kh, kw]}, input {@code [c, h, w]}) convolution with stride and zero padding,
 * weights {@code [channels, c, k...]}.
 */
@Component(service = LayerType.class)
public final class ConvType extends ShippedType {
    /** The parameters of {@code conv}. */
    public @interface Settings {
        /** @return output channels */
        @Param(value = "output channels", min = 1)
        int channels();

        /** @return the kernel */
        @Param(value = "kernel size per spatial axis: [k] (1-D) or [kh, kw] (2-D)", min = 1)
        int[] kernel();

        /** @return the stride */
        @Param(value = "stride per axis; [] = 1", min = 1)
        int[] stride() default {};

        /** @return the padding */
        @Param(value = "zero padding on each side, per axis; [] = 0", min = 0)
        int[] padding() default {};

        /** @return whether there is a bias */
        @Param("whether the layer has a bias per output channel")
        boolean bias() default false;

        /** @return sigma_w^2 */
        @Param(value = "sigma_w^2 of the infinite-width kernel map", min = 0)
        double weightVariance() default 1.0;

        /** @return sigma_b^2 */
        @Param(value = "sigma_b^2 of the infinite-width kernel map (with a bias)", min = 0)
        double biasVariance() default 0.0;
    }

    /** Registered by Declarative Services. */
    public ConvType() {
        super("conv", "a 1-D or 2-D convolution, [c, l] -> [channels, l'] or [c, h, w] -> [channels, h', w']",
                Settings.class, "channels");
    }

    @Override
    public Layer create(org.overparam.api.Config config, LayerBuilder builder) {
        Settings c = config.as(Settings.class);
        int[] k = c.kernel();
        if (k.length < 1 || k.length > 2) {
            throw new InvalidInputException("kernel", "expected 1 (1-D) or 2 (2-D) sizes, got " + Arrays.toString(k));
        }
        Conv conv = k.length == 1 ? Layers.conv1d(c.channels(), k[0]) : Layers.conv2d(c.channels(), k[0], k[1]);
        conv = conv.stride(perAxis("stride", c.stride(), k.length, 1)).padding(perAxis("padding", c.padding(), k.length, 0))
                .weightVariance(c.weightVariance());
        return c.bias() ? conv.withBias(c.biasVariance()) : conv;
    }

    private static int[] perAxis(String name, int[] given, int axes, int dflt) {
        if (given.length == 0) {
            int[] out = new int[axes];
            Arrays.fill(out, dflt);
            return out;
        }
        if (given.length != axes) {
            throw new InvalidInputException(name, Arrays.toString(given) + " has " + given.length
                    + " entries but the kernel has " + axes);
        }
        return given;
    }
}

package org.overparam.plugin.resnet.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.Architecture;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Model;
import org.overparam.api.Param;
import org.overparam.api.Shape;

/**
 * The architecture {@code resnet}: the residual network of arXiv 1811.03962 (Allen-Zhu, Li, Song),
 * {@code h_0 = ReLU(A x)}, {@code h_l = h_{l-1} + tau ReLU(W_l h_{l-1})} for {@code l = 1..L},
 * {@code f = B h_L} ({@link ResNetPlan#network()}, a composition of org.overparam.nn), with dense blocks of width m or same-padding
 * convolutional blocks (reading the samples as {@code inputShape} if given, like {@code cnn}). By default only the {@code W_l} are trained, as in the paper; {@code A} and
 * {@code B} keep their initial values ({@link org.overparam.api.BlockSpec#trainable()} false).
 */
@Component(service = Architecture.class, property = {
    ComponentProperties.NAME + "=resnet",
    ComponentProperties.DESCRIPTION + "=Residual ReLU network h_l = h_{l-1} + tau ReLU(W_l h_{l-1}) (arXiv 1811.03962), dense or conv blocks"})
public final class ResidualNet implements Architecture {

    /** The parameters of {@code resnet}. */
    public @interface Settings {
        /** @return dense or conv */
        @Param(value = "block type: dense (inputs flattened, width m) or conv (same-padding convolutions over [c, h, w] or [c, l])",
                options = {"dense", "conv"})
        String block() default "dense";

        /** @return m */
        @Param(value = "hidden units per layer m (dense blocks)", min = 1)
        int width() default 256;

        /** @return L */
        @Param(value = "number of residual blocks L", min = 1)
        int depth() default 2;

        /** @return tau's text */
        @Param("residual scale tau: a number at least 0, or 1/L or 1/sqrt(L) (arXiv 1811.03962 suggests both)")
        String tau() default "1/L";

        /** @return which blocks are trained */
        @Param(value = "trained blocks: hidden (only W1..WL, as in arXiv 1811.03962) or all (A and B too)",
                options = {"hidden", "all"})
        String train() default "hidden";

        /** @return the conv blocks' channels */
        @Param(value = "channels of every feature map (conv blocks)", min = 1)
        int channels() default 16;

        /** @return the conv blocks' kernel size */
        @Param(value = "kernel size k of the conv blocks, odd (same padding (k-1)/2, stride 1)", min = 1)
        int kernel() default 3;

        /** @return the conv head's pooling */
        @Param(value = "conv blocks: B reads the last feature map average-pooled per channel, or flattened",
                options = {"avgpool", "flatten"})
        String head() default "avgpool";

        /** @return the shape conv blocks read samples as, or empty */
        @Param(value = "conv blocks: read each sample as [c, l] or [c, h, w] with as many values as the data's (e.g."
                + " 196 CSV columns as [1, 14, 14]); empty: the data's own shape ([d] is read as [1, d])", min = 1)
        int[] inputShape() default {};
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    /**
     * Checks what the {@code @Param} ranges cannot say: {@code tau} (a number or 1/L, 1/sqrt(L)),
     * {@code kernel} odd and no larger than its input, {@code inputShape} only with conv blocks and
     * holding as many values as the data's samples, and {@code outputs} (from the data) at least 1.
     *
     * @throws InvalidInputException naming {@code block}, {@code tau}, {@code train}, {@code kernel},
     *     {@code head}, {@code inputShape} or {@code outputs} when one does not fit the others or the data
     */
    @Override
    public Model build(Config config, Shape inputShape, int outputs) {
        return ResNetPlan.of(config.as(Settings.class), inputShape, outputs).network();
    }
}

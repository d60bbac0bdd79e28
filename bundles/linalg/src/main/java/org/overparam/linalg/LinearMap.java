package org.overparam.linalg;

/**
 * A linear map with a weight block, applied to each sample of a batch: {@code y_i = W(x_i)}, with
 * {@code x} an {@code n x inSize()} and {@code y} an {@code n x outSize()} row-major array. Besides
 * the map, the two adjoints back-propagation needs: the weight gradient
 * {@code sum_i d<dy_i, W(x_i)>/dW} and the input gradient {@code W^T(dy_i)}. All three are
 * bilinear in the weights and the input, so the R-operator of a network of such maps is a sum of
 * the same three operations with the direction's weights in place of the weights.
 *
 * <p>Implementations are immutable and allocate their scratch per call (thread-safe). The
 * architectures built of dense and convolutional layers (the cnn and resnet plugins) share them.
 */
public interface LinearMap {
    /** @return values per sample read */
    int inSize();

    /** @return values per sample written */
    int outSize();

    /**
     * {@code y_i (+)= W(x_i)}.
     *
     * @param n samples
     * @param w the weights; not modified
     * @param x {@code n x inSize()} inputs; not modified
     * @param y {@code n x outSize()} outputs
     * @param add whether to add to y (otherwise y is overwritten)
     */
    void apply(int n, double[] w, double[] x, double[] y, boolean add);

    /**
     * {@code gw (+)= sum_i d<dy_i, W(x_i)>/dW}.
     *
     * @param n samples
     * @param x {@code n x inSize()} inputs; not modified
     * @param dy {@code n x outSize()} output signals; not modified
     * @param gw the weight gradient
     * @param add whether to add to gw (otherwise gw is overwritten)
     */
    void weightGradient(int n, double[] x, double[] dy, double[] gw, boolean add);

    /**
     * {@code dx_i (+)= W^T(dy_i)}.
     *
     * @param n samples
     * @param w the weights; not modified
     * @param dy {@code n x outSize()} output signals; not modified
     * @param dx {@code n x inSize()} input signals
     * @param add whether to add to dx (otherwise dx is overwritten)
     */
    void inputGradient(int n, double[] w, double[] dy, double[] dx, boolean add);
}

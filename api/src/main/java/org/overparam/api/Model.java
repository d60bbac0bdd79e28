package org.overparam.api;

import java.util.List;
import java.util.Optional;

/**
 * A network of a fixed shape, built by an {@link Architecture}. A model holds no parameter values:
 * every call receives the run's {@link Params}. Models are immutable and safe to call from several
 * threads at once.
 *
 * <p>A model computes with the values it is given. Forward multipliers of a parameterization
 * (NTK, mean-field, asymmetrical node scaling) are applied around it by {@link Scaling#wrap}, so an
 * architecture never deals with them.
 */
public interface Model {
    /** @return the parameter blocks this model reads */
    Layout layout();

    /** @return the shape of one input */
    Shape inputShape();

    /** @return the number of outputs per sample (k) */
    int outputSize();

    /**
     * The {@code double} values one {@link #forward} and {@link #backward} pass over {@code samples}
     * samples allocate at most at once, for the run's memory estimate before anything is allocated.
     * The default suits dense layers: each weight block {@code [out, ...]} keeps its pre-activations
     * and activations ({@code 2 out} per sample), and the backward pass two signals of the widest
     * layer and one temporary of its size (the activation's derivative). Models whose layers keep more per sample (convolutions: channels times positions)
     * override it.
     *
     * @param samples the batch size
     * @return a number of values
     * @throws ArithmeticException if the count exceeds {@code 2^63-1}
     */
    default long forwardValues(long samples) {
        long kept = 0;
        long widest = outputSize();
        for (BlockSpec b : layout().blocks()) {
            if (b.role() != BlockRole.BIAS) {
                kept = Sizes.sum(kept, Sizes.product(2, b.shape().dim(0)));
                widest = Math.max(widest, b.shape().dim(0));
            }
        }
        return Sizes.product(samples, Sizes.sum(kept, Sizes.product(3, widest)));
    }

    /**
     * @param params values of {@link #layout()}; not modified
     * @param batch the samples (only inputs are read)
     * @return the outputs and what the backward pass needs
     */
    Forward forward(Params params, Batch batch);

    /**
     * {@link #forward(Params, Batch)} that may write its values into the arrays of an earlier pass
     * the caller no longer needs, instead of fresh ones: the way of
     * {@link Scaling#effective(Params, Params)}, a workspace the caller keeps from one call to the
     * next (e.g. a run, from step to step) and never shares between threads. The results are the same
     * bits as {@code forward(params, batch)}. {@code reuse} is invalid afterwards, and so is a
     * {@link #backward} on it; arrays of a size that does not fit (another batch size) are allocated
     * anew. The default ignores {@code reuse}.
     *
     * @param params values of {@link #layout()}; not modified
     * @param batch the samples (only inputs are read)
     * @param reuse an earlier pass of this model whose arrays may be overwritten, or {@code null}
     *     (a pass of another model is ignored)
     * @return the outputs and what the backward pass needs; a {@link #backward} on it may reuse the
     *     input-gradient arrays of {@code reuse}'s backward pass too
     * @since 1.5
     */
    default Forward forward(Params params, Batch batch, Forward reuse) {
        return forward(params, batch);
    }

    /**
     * Back-propagates: {@code gradient = sum over samples of (dLoss/dOutputs)^T dOutputs/dParams}.
     *
     * @param forward a pass of this model
     * @param dOutputs {@code n x k} derivative of the loss in the outputs; not modified
     * @param gradient receives the gradient (overwritten, every block)
     */
    void backward(Forward forward, double[] dOutputs, Params gradient);

    /**
     * {@link #backward(Forward, double[], Params) backward} when only some blocks' gradients are
     * needed (a run's frozen blocks are not trained): {@code gradient} receives the gradient in the
     * blocks marked in {@code wanted} and zero in the others, which a model may then leave out of its
     * backward pass. The wanted blocks' values are those of the full backward pass, bit for bit. This
     * default computes every block, then zeroes the others.
     *
     * @param forward a pass of this model
     * @param dOutputs {@code n x k} derivative of the loss in the outputs; not modified
     * @param gradient receives the gradient (overwritten, every block)
     * @param wanted per block of the layout, whether its gradient is needed; not modified
     * @since 1.6
     */
    default void backward(Forward forward, double[] dOutputs, Params gradient, boolean[] wanted) {
        backward(forward, dOutputs, gradient);
        for (int i = 0; i < wanted.length; i++) {
            if (!wanted[i]) {
                java.util.Arrays.fill(gradient.block(i), 0.0);
            }
        }
    }

    /**
     * The Hessian of {@code loss(f(params))} times {@code direction}. Architectures that can should
     * override this with an exact R-operator pass (Pearlmutter 1994). This default is the documented
     * fallback: a central difference of gradients,
     * {@code (g(p + h v) - g(p - h v)) / (2h)} with {@code h = cbrt(eps) * max(1, |p|) / |v|},
     * accurate to about 1e-6 relative.
     *
     * @param params the point; not modified
     * @param batch the samples
     * @param loss the loss on this batch's targets
     * @param direction the vector v; not modified
     * @param result receives H v
     */
    default void hessianVector(Params params, Batch batch, OutputLoss loss, Params direction, Params result) {
        double vn = direction.norm();
        if (vn == 0) {
            result.scale(0);
            return;
        }
        double h = Math.cbrt(Math.ulp(1.0)) * Math.max(1.0, params.norm()) / vn;
        double[] dOut = new double[batch.n() * outputSize()];
        Params probe = params.copy().axpy(h, direction);
        loss.evaluate(forward(probe, batch).output(), dOut);
        Params gPlus = params.zerosLike();
        backward(forward(probe, batch), dOut, gPlus);
        probe.set(params).axpy(-h, direction);
        Forward minus = forward(probe, batch);
        loss.evaluate(minus.output(), dOut);
        backward(minus, dOut, result);
        result.scale(-1).axpy(1, gPlus).scale(0.5 / h);
    }

    /**
     * The per-layer pieces of the empirical NTK for output coordinate {@code output}, when the model
     * is made of dense layers (fully connected, ResNet with dense blocks, gated surrogate). Models
     * with other layers (convolutions) return empty and analyzers fall back to per-sample gradients.
     *
     * @param params the point
     * @param batch the samples
     * @param output an output index in {@code [0, k)}
     * @return one piece per dense layer, or empty
     */
    default Optional<List<DenseLayerPiece>> denseLayerPieces(Params params, Batch batch, int output) {
        return Optional.empty();
    }
}

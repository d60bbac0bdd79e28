package org.overparam.engine.internal.loop;

import java.util.Optional;
import java.util.function.Supplier;
import org.overparam.api.Batch;
import org.overparam.api.Forward;
import org.overparam.api.GradientOracle;
import org.overparam.api.Layout;
import org.overparam.api.Loss;
import org.overparam.api.LossScale;
import org.overparam.api.Model;
import org.overparam.api.OutputLoss;
import org.overparam.api.Params;
import org.overparam.api.Scaling;
import org.overparam.api.run.ComponentRef;
import org.overparam.engine.internal.registry.Guard;

/**
 * The run's {@link GradientOracle}: the training loss {@code L(p) = loss(f_p(X), Y)} of the run's
 * {@link Loss} service over the model's outputs on all training rows or a subset
 * ({@link Batch#select}), its gradient by the model's backward pass and its Hessian-vector product by
 * {@link Model#hessianVector}. Gradients and products are zero in frozen blocks; a product is that
 * of the Hessian restricted to the trainable blocks ({@code P H P v}, P the projection onto them).
 *
 * <p>Every gradient call adds its number of rows to {@link #sampleGradients()}; loss values and
 * Hessian-vector products are not counted. The loss service comes from the step's bindings at each
 * call, the model from the run (rebuilt when the architecture is swapped).
 */
public final class Oracle implements GradientOracle {
    private final Batch train;
    private final boolean[] trainable;
    /** Whether a block is frozen: its gradient is then left out of the backward pass. */
    private final boolean anyFrozen;
    private final Supplier<Model> model;
    private final Supplier<Loss> loss;
    private final ComponentRef lossRef;
    private final ComponentRef archRef;
    private long sampleGradients;
    /** The effective weights of the latest forward pass of a scaled model, reused from call to call. */
    private Params effective;
    /**
     * The latest forward pass, whose arrays (layer outputs, and the input signals of its backward
     * pass) the next one writes into ({@link Model#forward(Params, Batch, Forward)}); dropped by
     * nobody else, since no pass leaves this oracle.
     */
    private Forward previous;

    /**
     * @param train the training samples
     * @param trainable per block of the layout, whether it is trained
     * @param model the run's current model (scaling applied)
     * @param loss the current loss service
     * @param lossRef the run's loss, for its config and for blame
     * @param archRef the run's architecture, for blame
     */
    public Oracle(Batch train, boolean[] trainable, Supplier<Model> model, Supplier<Loss> loss, ComponentRef lossRef,
           ComponentRef archRef) {
        this.train = train;
        this.trainable = trainable.clone();
        this.anyFrozen = anyFalse(this.trainable);
        this.model = model;
        this.loss = loss;
        this.lossRef = lossRef;
        this.archRef = archRef;
    }

    @Override
    public int sampleCount() {
        return train.n();
    }

    @Override
    public Layout layout() {
        return model.get().layout();
    }

    @Override
    public double loss(Params at, int[] rows) {
        Batch b = rows(rows);
        Model m = model.get();
        Forward f = forward(m, at, b);
        return bound(b).evaluate(f.output(), null);
    }

    @Override
    public double gradient(Params at, int[] rows, Params gradient) {
        Batch b = rows(rows);
        Model m = model.get();
        Forward f = forward(m, at, b);
        double[] dOut = new double[b.n() * b.outputSize()];
        double value = bound(b).evaluate(f.output(), dOut);
        Optional<Scaling> scaling = Scaling.of(m);
        if (scaling.isPresent()) {
            Model inner = Scaling.unwrap(m);
            Guard.run(archRef, () -> backward(inner, f, dOut, gradient));
            scaling.get().multiplyInPlace(gradient);
        } else {
            Guard.run(archRef, () -> backward(m, f, dOut, gradient));
        }
        zeroFrozen(gradient);
        sampleGradients += b.n();
        return value;
    }

    /** The backward pass, leaving the frozen blocks' gradients out when there are any (they are zeroed anyway). */
    private void backward(Model m, Forward f, double[] dOut, Params gradient) {
        if (anyFrozen) {
            m.backward(f, dOut, gradient, trainable);
        } else {
            m.backward(f, dOut, gradient);
        }
    }

    /**
     * The model's forward pass at {@code at}, into this oracle's workspaces instead of fresh arrays:
     * for a scaled model the effective weights (the wrapped model's own {@code forward} allocates
     * them on every call), and the layers' outputs and input signals into those of the previous pass
     * ({@link Model#forward(Params, Batch, Forward)}). The same products, so the same results. The
     * pass it returns is used and dropped within the caller, before the workspaces are written again;
     * the oracle belongs to one run and is called from its thread only.
     */
    private Forward forward(Model m, Params at, Batch b) {
        Forward reuse = previous;
        previous = null;
        Optional<Scaling> scaling = Scaling.of(m);
        Forward f;
        if (scaling.isEmpty()) {
            f = Guard.call(archRef, () -> m.forward(at, b, reuse));
        } else {
            Scaling s = scaling.get();
            if (effective == null || !effective.layout().equals(s.layout())) {
                effective = Params.zeros(s.layout());
            }
            Params eff = s.effective(at, effective);
            Model inner = Scaling.unwrap(m);
            f = Guard.call(archRef, () -> inner.forward(eff, b, reuse));
        }
        previous = f;
        return f;
    }

    @Override
    public void hessianVector(Params at, int[] rows, Params direction, Params result) {
        Batch b = rows(rows);
        Model m = model.get();
        Params v = direction;
        if (anyFrozen) {
            v = direction.copy();
            zeroFrozen(v);
        }
        Params dir = v;
        OutputLoss l = bound(b);
        Guard.run(archRef, () -> m.hessianVector(at, b, l, dir, result));
        zeroFrozen(result);
    }

    @Override
    public boolean trainable(int block) {
        return trainable[block];
    }

    @Override
    public long sampleGradients() {
        return sampleGradients;
    }

    /** @param count the sample-gradient count of a checkpoint, from which counting goes on */
    void restoreSampleGradients(long count) {
        sampleGradients = count;
    }

    /**
     * @return the scale of the run's loss, as the loss itself declares it for its parameters
     *     ({@link Loss#scale}); a throw is blamed on the loss
     */
    public LossScale lossScale() {
        Loss service = loss.get();
        return Guard.call(lossRef, () -> service.scale(lossRef.config()));
    }

    /**
     * @param batch samples
     * @return the loss bound to their targets; its calls are blamed on the loss
     */
    OutputLoss bound(Batch batch) {
        Loss service = loss.get();
        OutputLoss inner = Guard.call(lossRef, () -> service.bind(lossRef.config(), batch));
        return new OutputLoss() {
            @Override
            public double evaluate(double[] outputs, double[] dOutputs) {
                return Guard.call(lossRef, () -> inner.evaluate(outputs, dOutputs));
            }

            @Override
            public void hessianVector(double[] outputs, double[] direction, double[] result) {
                Guard.run(lossRef, () -> inner.hessianVector(outputs, direction, result));
            }
        };
    }

    private Batch rows(int[] rows) {
        return rows == null ? train : train.select(rows);
    }

    private static boolean anyFalse(boolean[] flags) {
        for (boolean f : flags) {
            if (!f) {
                return true;
            }
        }
        return false;
    }

    private void zeroFrozen(Params p) {
        for (int i = 0; i < trainable.length; i++) {
            if (!trainable[i]) {
                java.util.Arrays.fill(p.block(i), 0.0);
            }
        }
    }
}

package org.overparam.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A model seen as a function of raw parameters: see {@link Scaling}. Made by {@link Scaling#wrap}. */
final class ScaledModel implements Model {
    private final Model inner;
    private final Scaling scaling;

    ScaledModel(Model inner, Scaling scaling) {
        this.inner = inner;
        this.scaling = scaling;
    }

    /** @return the multipliers */
    Scaling scaling() {
        return scaling;
    }

    /** @return the wrapped model */
    Model inner() {
        return inner;
    }

    @Override
    public Layout layout() {
        return inner.layout();
    }

    @Override
    public Shape inputShape() {
        return inner.inputShape();
    }

    @Override
    public int outputSize() {
        return inner.outputSize();
    }

    @Override
    public long forwardValues(long samples) {
        return inner.forwardValues(samples);
    }

    @Override
    public Forward forward(Params params, Batch batch) {
        return inner.forward(scaling.effective(params), batch);
    }

    @Override
    public Forward forward(Params params, Batch batch, Forward reuse) {
        return inner.forward(scaling.effective(params), batch, reuse);
    }

    @Override
    public void backward(Forward forward, double[] dOutputs, Params gradient) {
        inner.backward(forward, dOutputs, gradient);
        scaling.multiplyInPlace(gradient);
    }

    @Override
    public void hessianVector(Params params, Batch batch, OutputLoss loss, Params direction, Params result) {
        Params v = scaling.multiplyInPlace(direction.copy());
        inner.hessianVector(scaling.effective(params), batch, loss, v, result);
        scaling.multiplyInPlace(result);
    }

    @Override
    public Optional<List<DenseLayerPiece>> denseLayerPieces(Params params, Batch batch, int output) {
        Optional<List<DenseLayerPiece>> pieces = inner.denseLayerPieces(scaling.effective(params), batch, output);
        if (pieces.isEmpty()) {
            return pieces;
        }
        Layout layout = inner.layout();
        List<DenseLayerPiece> out = new ArrayList<>();
        for (DenseLayerPiece p : pieces.get()) {
            int w = layout.indexOf(p.weightBlock());
            double[] x = p.inputs().clone();
            Optional<double[]> cols = scaling.columnMultipliers(w);
            double c = scaling.scale(w).scalar();
            for (int r = 0; r < p.n(); r++) {
                for (int j = 0; j < p.in(); j++) {
                    x[r * p.in() + j] *= cols.isPresent() ? cols.get()[j] : c;
                }
            }
            double biasScale = p.biasBlock() == null ? p.biasScale()
                    : p.biasScale() * scaling.scale(layout.indexOf(p.biasBlock())).scalar();
            out.add(new DenseLayerPiece(p.weightBlock(), p.biasBlock(), p.n(), p.in(), p.out(), x, p.signals(), biasScale));
        }
        return Optional.of(out);
    }
}

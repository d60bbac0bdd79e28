package org.overparam.plugin.resnet.internal;

import java.util.List;
import java.util.Optional;
import org.overparam.api.Batch;
import org.overparam.api.DenseLayerPiece;
import org.overparam.api.Forward;
import org.overparam.api.Layout;
import org.overparam.api.Model;
import org.overparam.api.OutputLoss;
import org.overparam.api.Params;
import org.overparam.api.Shape;
import org.overparam.nn.Network;

/**
 * A {@code resnet}: its plan's composition ({@link ResNetPlan#network()}), whose layers give the
 * passes, exact Hessian-vector products (their R-operator rules) and, with dense blocks, the NTK
 * pieces (conv blocks have none: analyzers use per-sample gradients), with the plan's count of what
 * a pass keeps for the run's memory guard.
 */
final class ResNetNetwork implements Model {
    private final ResNetPlan plan;
    private final Network net;

    /** @param plan the checked geometry */
    ResNetNetwork(ResNetPlan plan) {
        this.plan = plan;
        this.net = plan.network();
    }

    /** @return the plan */
    ResNetPlan plan() {
        return plan;
    }

    @Override
    public Layout layout() {
        return net.layout();
    }

    @Override
    public Shape inputShape() {
        return net.inputShape();
    }

    @Override
    public int outputSize() {
        return net.outputSize();
    }

    @Override
    public long forwardValues(long samples) {
        return plan.forwardValues(samples);
    }

    @Override
    public Forward forward(Params params, Batch batch) {
        return net.forward(params, batch);
    }

    @Override
    public void backward(Forward forward, double[] dOutputs, Params gradient) {
        net.backward(forward, dOutputs, gradient);
    }

    @Override
    public void hessianVector(Params params, Batch batch, OutputLoss loss, Params direction, Params result) {
        net.hessianVector(params, batch, loss, direction, result);
    }

    @Override
    public Optional<List<DenseLayerPiece>> denseLayerPieces(Params params, Batch batch, int output) {
        return net.denseLayerPieces(params, batch, output);
    }
}

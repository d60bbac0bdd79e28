package org.overparam.plugin.sgd.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.ComponentProperties;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Optimizer;
import org.overparam.api.Param;
import org.overparam.api.Params;
import org.overparam.api.StepContext;

/**
 * The optimizer {@code sgd}: mini-batch stochastic gradient descent
 * {@code w <- w - lr * schedule * g_B}, with {@code g_B} an unbiased estimate of the full-batch
 * gradient from the b rows of {@link Batches}. The oracle applies the run's loss to the batch with the
 * loss's own reduction, so: a mean ({@code reduction: mean}) is used as it is, a sum (any other loss)
 * is multiplied by {@code n / b}. With a full batch (b >= n without replacement) the step is exactly
 * {@code gd}'s, bit for bit. Reports {@code grad_norm} (of {@code g_B}) and, without replacement,
 * {@code epoch}. Cost: b sample-gradients per step (the run's {@code train.sample_gradients} counts
 * them, so methods compare at equal gradient evaluations); with {@code reportLoss: full} the engine
 * also evaluates the full training loss at the step's starting point (a forward pass, not a gradient).
 */
@Component(service = Optimizer.class, property = {
    ComponentProperties.NAME + "=sgd",
    ComponentProperties.DESCRIPTION + "=Mini-batch SGD, with or without replacement (epochs), seeded from the run"})
public final class StochasticGradientDescent implements Optimizer {

    /** The parameters of {@code sgd}. */
    public @interface Settings {
        /** @return the learning rate */
        @Param(value = "learning rate (step size eta), multiplied by the schedule's factor", min = 0, minExclusive = true)
        double lr() default 0.1;

        /** @return b */
        @Param(value = "samples per step b (b >= n without replacement: the full batch, i.e. gd)", min = 1)
        int batchSize() default 32;

        /** @return whether to sample with replacement */
        @Param("draw each batch's rows independently with replacement; false: epochs of a reshuffled permutation")
        boolean replacement() default false;

        /** @return which loss to record */
        @Param(value = "train.loss of a step: full (the engine evaluates the training loss at the step's start)"
                + " or batch (the batch's estimate of it, no extra forward pass)", options = {"full", "batch"})
        String reportLoss() default "full";
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    /**
     * @return the full-batch loss when the step used the full batch; otherwise NaN (the engine
     *     evaluates it) or the batch's estimate, as {@code reportLoss} says
     */
    @Override
    public double step(StepContext ctx) {
        Settings c = ctx.config().as(Settings.class);
        double lr = c.lr();
        boolean batchLoss = switch (c.reportLoss()) {
            case "full" -> false;
            case "batch" -> true;
            default -> throw new InvalidInputException("reportLoss", "'" + c.reportLoss() + "' is not full or batch");
        };
        int n = ctx.oracle().sampleCount();
        int[] rows = Batches.next(ctx, c.batchSize(), c.replacement());
        Params w = ctx.params();
        Params g = w.zerosLike();
        double loss = ctx.oracle().gradient(w, rows, g);
        boolean mean = ctx.lossScale().mean();
        double scale = rows == null || mean ? 1.0 : (double) n / rows.length;
        w.axpy(-lr * ctx.schedule() * scale, g);
        ctx.report("grad_norm", scale * g.norm());
        if (!c.replacement() && rows != null) {
            ctx.report("epoch", ctx.state().scalar(Batches.EPOCH, 1));
        }
        if (rows == null) {
            return loss;
        }
        return batchLoss ? scale * loss : Double.NaN;
    }
}

package org.overparam.plugin.landscape.internal;

import org.overparam.api.Params;
import org.overparam.linalg.SymmetricOperator;

/**
 * The Hessian of an {@link Objective} at a point, restricted to a {@link BlockSet}:
 * {@code x -> H_SS x}, computed as one Hessian-vector product with the direction zero outside the
 * set, reading only the set's blocks of the product. For the set of all trained blocks this is the
 * whole net's Hessian; for one block, that layer's diagonal block of the Hessian (what per-layer
 * figures in PyHessian's sense show). Counts its products. Not thread-safe (it reuses buffers).
 */
final class HessianOperator implements SymmetricOperator {
    private final Objective objective;
    private final Params at;
    private final BlockSet set;
    private final Params direction;
    private final Params result;
    private long products;

    /**
     * @param objective the function
     * @param at the point; kept, must not change while this operator is used
     * @param set the blocks
     */
    HessianOperator(Objective objective, Params at, BlockSet set) {
        this.objective = objective;
        this.at = at;
        this.set = set;
        this.direction = at.zerosLike();
        this.result = at.zerosLike();
    }

    /** @return the operator's order */
    int order() {
        return set.size();
    }

    /** @return the Hessian-vector products computed so far */
    long products() {
        return products;
    }

    @Override
    public void apply(double[] x, double[] y) {
        set.scatter(x, direction);
        objective.hessianVector(at, direction, result);
        set.gather(result, y);
        products++;
    }
}

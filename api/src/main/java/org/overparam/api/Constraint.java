package org.overparam.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A closed convex feasible set for projected methods (a ball around a reference point, per-neuron
 * norm bounds). The engine intersects the sets a run names.
 */
@ConsumerType
public interface Constraint extends Component {
    /**
     * Replaces {@code point} by its Euclidean projection onto the set, in the trainable blocks.
     *
     * @param config the set's parameters
     * @param reference the run's reference point (its initialization); not modified
     * @param trainable {@code trainable[i]} says whether block i may be changed
     * @param point the point to project, in place
     */
    void project(Config config, Params reference, boolean[] trainable, Params point);
}

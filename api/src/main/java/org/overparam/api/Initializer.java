package org.overparam.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A parameterization: initial values AND forward multipliers, per layer and per node (standard,
 * NTK {@code 1/sqrt(fan-in)}, mean-field, asymmetrical node scaling {@code sqrt(lambda_j)}).
 * Blocks tied to another block ({@link BlockSpec#tiedTo()}) are overwritten by the engine with a
 * copy of that block's values and multiplier, whatever the initializer put there.
 */
@ConsumerType
public interface Initializer extends Component {
    /**
     * @param config this initializer's parameters
     * @param layout the model's blocks
     * @param random this component's stream for the run
     * @return the initial point and multipliers
     */
    Initialization initialize(Config config, Layout layout, RandomStream random);
}

package org.overparam.api;

import java.util.List;
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

    /**
     * Lines the run writes to run.log and the terminal before the first step, for a choice the user
     * should know about but that is not an error (e.g. {@code from-file} with {@code scaling: identity}
     * on a file saved with multipliers trains another parameterization). Called after
     * {@link #initialize} with the same arguments; the default has nothing to say.
     *
     * @param config this initializer's parameters
     * @param layout the model's blocks
     * @return one line per notice; empty when there is nothing to say
     * @since 1.2
     */
    default List<String> notices(Config config, Layout layout) {
        return List.of();
    }
}

package org.overparam.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A family of networks (fully connected, CNN, ResNet, gated surrogate). Builds a {@link Model} for
 * a data set's input shape and output count. Registered as a service with {@link Component#NAME}.
 */
@ConsumerType
public interface Architecture extends Component {
    /**
     * @param config this architecture's parameters (width, depth, ...)
     * @param inputShape the shape of one input sample
     * @param outputs the number of outputs per sample
     * @return the model
     * @throws InvalidInputException if the parameters do not fit the shape (e.g. a kernel larger
     *     than the input), naming the layer and the shapes
     */
    Model build(Config config, Shape inputShape, int outputs);
}

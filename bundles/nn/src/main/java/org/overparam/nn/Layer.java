package org.overparam.nn;

import org.osgi.annotation.versioning.ConsumerType;
import org.overparam.api.Shape;

/**
 * A layer as written in a composition, before it knows its input: {@code Layers.dense(512)} reads
 * any vector and writes 512 values. {@link #bind} fixes the input shape and the names of the
 * parameter blocks. Implementations are immutable values.
 */
@ConsumerType
public interface Layer {
    /**
     * @param input the shape of one sample's input
     * @param name the layer's name in the network, the prefix of its block names (e.g. {@code 2}
     *     or {@code 3.branch.0}; PyTorch's {@code nn.Sequential} naming)
     * @return the layer at that shape
     * @throws IllegalArgumentException if the layer cannot read that shape; the message names the
     *     shapes
     */
    BoundLayer bind(Shape input, String name);
}

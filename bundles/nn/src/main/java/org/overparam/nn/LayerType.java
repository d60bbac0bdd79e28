package org.overparam.nn;

import java.lang.annotation.Annotation;
import org.osgi.annotation.versioning.ConsumerType;
import org.overparam.api.Config;

/**
 * A kind of layer usable by name in experiment files ({@code architecture: {name: serial, layers:
 * [{dense: 512}, relu, ...]}}): registered as an OSGi service of this interface by any bundle, it
 * is found by {@link #name()}. The shipped layers are registered the same way by the {@code serial}
 * architecture's bundle; a third-party bundle adds its own, and the {@code serial} architecture
 * sees it as soon as the bundle starts.
 *
 * <p>An entry of a layer list is the type's name alone ({@code relu}: every parameter at its
 * default), a one-key mapping from the name to its parameters ({@code {conv: {channels: 16,
 * kernel: [3, 3]}}}), or to one value of its {@link #shorthand()} parameter ({@code {dense: 512}}).
 * The parameters are declared as for any component (an annotation interface with
 * {@link org.overparam.api.Param}, see {@link org.overparam.api.Component}) and checked before
 * {@link #create} is called. A parameter holding layers (a residual's branch) is a
 * {@linkplain org.overparam.api.Param#structure() structure}; {@link LayerBuilder#layers} builds it.
 *
 * @since 1.1
 */
@ConsumerType
public interface LayerType {
    /** @return the name in experiment files, e.g. {@code dense}; letters, digits, {@code -} and {@code _} */
    String name();

    /** @return one line saying what the layer computes, e.g. {@code y = W x (+ b) on vectors} */
    String description();

    /** @return the annotation interface declaring the layer's parameters */
    Class<? extends Annotation> configType();

    /**
     * @return the parameter a single value sets ({@code width} for {@code {dense: 512}}), or an empty
     *     string when the layer takes no single value
     */
    default String shorthand() {
        return "";
    }

    /**
     * @param config the entry's parameters, checked against {@link #configType()}, defaults filled in
     * @param builder builds the layers of the entry's structure parameters
     * @return the layer
     * @throws org.overparam.api.InvalidInputException naming a parameter whose value the schema
     *     cannot check (e.g. a kernel and a stride of different lengths)
     */
    Layer create(Config config, LayerBuilder builder);
}

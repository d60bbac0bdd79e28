package org.overparam.plugin.scalings.internal;

import java.lang.annotation.Annotation;
import org.overparam.api.Config;
import org.overparam.api.Initialization;
import org.overparam.api.Initializer;
import org.overparam.api.Layout;
import org.overparam.api.RandomStream;

/**
 * An initializer that is one {@link Parameterization} of its parameters, the same rule for every
 * layer of a role ({@code ntk}, {@code standard}, {@code mean-field}); {@link PerLayerInitializer} mixes
 * them.
 *
 * @param <S> the annotation type of its parameters
 */
abstract class SchemeInitializer<S extends Annotation> implements Initializer {
    private final Class<S> settings;

    /** @param settings the annotation type of its parameters */
    SchemeInitializer(Class<S> settings) {
        this.settings = settings;
    }

    @Override
    public final Class<S> configType() {
        return settings;
    }

    @Override
    public final Initialization initialize(Config config, Layout layout, RandomStream random) {
        return parameterization(config.as(settings)).initialize(layout, random);
    }

    /**
     * @param c the parameters
     * @return the parameterization they describe
     */
    abstract Parameterization parameterization(S c);
}

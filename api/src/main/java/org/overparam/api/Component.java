package org.overparam.api;

import java.lang.annotation.Annotation;
import java.util.List;

/**
 * What every Overparam component service has in common. A component is registered as an OSGi
 * service under its kind's interface ({@link Architecture}, {@link Optimizer}, ...) with two
 * service properties, {@link #NAME} and {@link #DESCRIPTION}, and declares its parameters as an
 * annotation interface whose methods carry {@link Param} and defaults:
 *
 * <pre>{@code
 * @Component(property = {Component.NAME + "=gd", Component.DESCRIPTION + "=Full-batch gradient descent"})
 * public final class GradientDescent implements Optimizer {
 *     public @interface Config {
 *         @Param(value = "learning rate", min = 0, minExclusive = true) double lr() default 0.1;
 *     }
 *     public Class<Config> configType() { return Config.class; }
 *     public void step(StepContext ctx) { Config c = ctx.config().as(Config.class); ... }
 * }
 * }</pre>
 *
 * <p>Components are stateless: everything that lasts belongs to the run and is handed to each call.
 * The engine holds a component only for the duration of one call, so an updated bundle can take
 * over between two steps.
 */
public interface Component {
    /** Service property: the component's short name within its kind, e.g. {@code fc}, {@code nesterov}. */
    String NAME = "overparam.name";

    /** Service property: a one-line description shown by {@code overparam list}. */
    String DESCRIPTION = "overparam.description";

    /**
     * @return the annotation interface declaring this component's parameters (its methods' names,
     *     return types, defaults and {@link Param} annotations form the schema)
     */
    Class<? extends Annotation> configType();

    /**
     * @return lines {@code overparam describe} prints after the parameters, for what the schema
     *     cannot say (e.g. the layers the {@code serial} architecture knows now, with their
     *     parameters); empty by default
     * @since 1.3
     */
    default List<String> help() {
        return List.of();
    }
}

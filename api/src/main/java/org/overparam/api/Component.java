package org.overparam.api;

import java.lang.annotation.Annotation;
import java.util.List;

/**
 * What every Overparam component service has in common. A component is registered as an OSGi
 * service under its kind's interface ({@link Architecture}, {@link Optimizer}, ...) with two
 * service properties, {@link ComponentProperties#NAME} and {@link ComponentProperties#DESCRIPTION},
 * and declares its parameters as an annotation interface whose methods carry {@link Param} and
 * defaults (named {@code Settings} by convention, so that it does not hide {@link Config}):
 *
 * <pre>{@code
 * @Component(property = {ComponentProperties.NAME + "=gd", ComponentProperties.DESCRIPTION + "=Full-batch gradient descent"})
 * public final class GradientDescent implements Optimizer {
 *     public @interface Settings {
 *         @Param(value = "learning rate", min = 0, minExclusive = true) double lr() default 0.1;
 *     }
 *     public Class<Settings> configType() { return Settings.class; }
 *     public double step(StepContext ctx) { Settings s = ctx.config().as(Settings.class); ... }
 * }
 * }</pre>
 *
 * <p>Components are stateless: everything that lasts belongs to the run and is handed to each call.
 * The engine holds a component only for the duration of one call, so an updated bundle can take
 * over between two steps.
 */
public interface Component {
    /** Service property: the component's short name; the same as {@link ComponentProperties#NAME}, kept for compatibility. */
    String NAME = ComponentProperties.NAME;

    /** Service property: a one-line description; the same as {@link ComponentProperties#DESCRIPTION}, kept for compatibility. */
    String DESCRIPTION = ComponentProperties.DESCRIPTION;

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

package org.overparam.api;

/**
 * The service properties every Overparam component is registered with. A class of its own so that
 * a plugin, which also imports the DS annotation {@code @Component}, names them without spelling
 * out the package:
 *
 * <pre>{@code
 * @Component(property = {ComponentProperties.NAME + "=gd", ComponentProperties.DESCRIPTION + "=Full-batch gradient descent"})
 * }</pre>
 */
public final class ComponentProperties {
    /** The component's short name within its kind, e.g. {@code fc}, {@code nesterov}. */
    public static final String NAME = "overparam.name";

    /** A one-line description shown by {@code overparam list}. */
    public static final String DESCRIPTION = "overparam.description";

    private ComponentProperties() {
    }
}

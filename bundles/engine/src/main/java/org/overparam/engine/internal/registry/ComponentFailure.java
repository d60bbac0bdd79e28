package org.overparam.engine.internal.registry;

import org.overparam.api.ComponentKind;

/**
 * A component threw during a run: carries which one, with the original exception as the cause. The
 * run ends FAILED with {@link #getMessage()}, e.g. {@code optimizer gd threw IllegalStateException: boom}.
 */
public final class ComponentFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ComponentKind kind;
    private final String name;

    /**
     * @param kind the component's kind
     * @param name the component's name
     * @param cause what it threw
     */
    public ComponentFailure(ComponentKind kind, String name, Throwable cause) {
        this(kind, name, kind.key() + " " + name + " threw " + cause.getClass().getSimpleName() + ": "
                + cause.getMessage(), cause);
    }

    private ComponentFailure(ComponentKind kind, String name, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.name = name;
    }

    /**
     * @param kind the component's kind
     * @param name the component's name
     * @param waitedMillis how long the run waited for it to come back
     * @return the failure of a run whose component was uninstalled and did not come back
     */
    static ComponentFailure missing(ComponentKind kind, String name, long waitedMillis) {
        return new ComponentFailure(kind, name, kind.key() + " " + name + " is no longer installed (waited "
                + waitedMillis + " ms for it to come back)", null);
    }

    /** @return the component's kind */
    ComponentKind kind() {
        return kind;
    }

    /** @return the component's name */
    String name() {
        return name;
    }
}

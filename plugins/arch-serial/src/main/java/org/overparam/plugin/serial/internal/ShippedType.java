package org.overparam.plugin.serial.internal;

import java.lang.annotation.Annotation;
import org.overparam.nn.LayerType;

/** What every shipped {@link LayerType} has: a name, a description, a schema and a shorthand. */
abstract class ShippedType implements LayerType {
    private final String name;
    private final String description;
    private final Class<? extends Annotation> configType;
    private final String shorthand;

    ShippedType(String name, String description, Class<? extends Annotation> configType, String shorthand) {
        this.name = name;
        this.description = description;
        this.configType = configType;
        this.shorthand = shorthand;
    }

    /** A schema without parameters. */
    @interface None {
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Class<? extends Annotation> configType() {
        return configType;
    }

    @Override
    public final String shorthand() {
        return shorthand;
    }
}

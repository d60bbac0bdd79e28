package org.overparam.plugin.serial.internal;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Optional;
import org.overparam.api.Component;
import org.overparam.api.ComponentKind;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Param;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.ParamSpec;

/** The components an experiment file with a {@code serial} net needs, for the experiment reader. */
final class SpecRegistry implements ComponentRegistry {
    /** Points on the sphere. */
    @interface Sphere {
        @Param(value = "training points n", min = 1) int n() default 100;
        @Param(value = "input dimension d", min = 2) int d() default 10;
    }

    /** No parameters. */
    @interface None {
    }

    /** Gradient descent. */
    @interface Gd {
        @Param(value = "learning rate", min = 0, minExclusive = true) double lr() default 0.1;
    }

    private final List<ComponentInfo> infos = List.of(
            info(ComponentKind.DATASET, "sphere", Sphere.class),
            info(ComponentKind.ARCHITECTURE, "serial", SerialArchitecture.Settings.class),
            info(ComponentKind.INITIALIZER, "ntk", None.class),
            info(ComponentKind.LOSS, "squared", None.class),
            info(ComponentKind.OPTIMIZER, "gd", Gd.class),
            info(ComponentKind.SCHEDULE, "constant", None.class));

    private static ComponentInfo info(ComponentKind kind, String name, Class<? extends Annotation> config) {
        return new ComponentInfo(kind, name, name, ParamSpec.of(config), "org.overparam.plugin.test", "1.0.0");
    }

    @Override
    public List<ComponentInfo> list() {
        return infos;
    }

    @Override
    public List<ComponentInfo> list(ComponentKind kind) {
        return infos.stream().filter(i -> i.kind() == kind).toList();
    }

    @Override
    public Optional<ComponentInfo> find(ComponentKind kind, String name) {
        return list(kind).stream().filter(i -> i.name().equals(name)).findFirst();
    }

    @Override
    public ComponentInfo require(ComponentKind kind, String name, String where) {
        return find(kind, name).orElseThrow(() -> new InvalidInputException(where, "no " + kind.key() + " named '"
                + name + "'"));
    }

    @Override
    public <T extends Component> Optional<T> service(ComponentKind kind, String name, Class<T> type) {
        return Optional.empty();
    }
}

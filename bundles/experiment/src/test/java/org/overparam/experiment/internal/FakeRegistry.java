package org.overparam.experiment.internal;

import java.lang.annotation.Annotation;
import java.util.List;
import org.overparam.api.ComponentKind;
import org.overparam.api.Param;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ParamSpec;
import org.overparam.testkit.ListRegistry;

/** A registry of a few fake components whose schemas come from the config annotations below. */
final class FakeRegistry extends ListRegistry {
    /** Data on the sphere. */
    @interface Sphere {
        @Param(value = "samples", min = 1) int n() default 64;
        @Param(value = "input dimension", min = 1) int d() default 10;
        @Param(value = "targets", options = {"teacher", "random"}) String target() default "teacher";
        @Param("a free-form tag") String tag() default "";
    }

    /** A fully connected net. */
    @interface Fc {
        @Param(value = "hidden layers", min = 1) int depth() default 2;
        @Param(value = "units per hidden layer", min = 1) int width() default 512;
        @Param(value = "nonlinearity", options = {"relu", "tanh"}) String activation() default "relu";
    }

    /** The NTK parameterization. */
    @interface Ntk {
        @Param(value = "weight scale", min = 0, minExclusive = true) double sigma() default 1.0;
    }

    /** Samples from a CSV file: path parameters. */
    @interface Csv {
        @Param("the training file") String file();
        @Param("the test file; empty: none") String testFile() default "";
        @Param("a folder") String cacheDir() default "";
    }

    /** No parameters. */
    @interface None {
    }

    /** Gradient descent. */
    @interface Gd {
        @Param(value = "learning rate", min = 0, minExclusive = true) double lr() default 0.1;
    }

    /** Stochastic gradient descent. */
    @interface Sgd {
        @Param(value = "learning rate", min = 0, minExclusive = true) double lr() default 0.1;
        @Param(value = "samples per step", min = 1) int batch() default 32;
    }

    /** A ball around the initialization; its radius is required. */
    @interface Ball {
        @Param(value = "radius", min = 0, minExclusive = true) double radius();
    }

    /** Training dynamics. */
    @interface Dynamics {
        @Param("count flipped ReLU patterns") boolean flips() default true;
        @Param(value = "layers to watch", min = 1) int[] layers() default {1, 2};
    }

    /** An analyzer that writes files. */
    @interface SaveWeights {
        @Param("files' name prefix") String filePrefix() default "weights";
    }

    /** An analyzer that writes files only when asked (as ntk does). */
    @interface Gram {
        @Param("save the Gram") boolean save() default false;
        @Param("files' name prefix") String filePrefix() default "ntk";
    }

    FakeRegistry() {
        super(List.of(
                info(ComponentKind.DATASET, "sphere", Sphere.class),
                info(ComponentKind.DATASET, "csv", Csv.class),
                info(ComponentKind.ARCHITECTURE, "fc", Fc.class),
                info(ComponentKind.INITIALIZER, "ntk", Ntk.class),
                info(ComponentKind.LOSS, "squared", None.class),
                info(ComponentKind.OPTIMIZER, "gd", Gd.class),
                info(ComponentKind.OPTIMIZER, "sgd", Sgd.class),
                info(ComponentKind.SCHEDULE, "constant", None.class),
                info(ComponentKind.CONSTRAINT, "ball", Ball.class),
                info(ComponentKind.ANALYZER, "dynamics", Dynamics.class),
                info(ComponentKind.ANALYZER, "ntk", None.class),
                info(ComponentKind.ANALYZER, "save-weights", SaveWeights.class),
                info(ComponentKind.ANALYZER, "gram", Gram.class)));
    }

    private static ComponentInfo info(ComponentKind kind, String name, Class<? extends Annotation> config) {
        return new ComponentInfo(kind, name, "fake " + name, ParamSpec.of(config), "test.plugins", "1.0.0");
    }
}

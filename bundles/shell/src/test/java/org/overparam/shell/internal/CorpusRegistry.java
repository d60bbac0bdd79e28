package org.overparam.shell.internal;

import java.lang.annotation.Annotation;
import java.util.List;
import org.overparam.api.ComponentKind;
import org.overparam.api.Param;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ParamSpec;
import org.overparam.testkit.ListRegistry;

/** The components the bad-input corpus is checked against: the quickstart's, with their real schemas' shape. */
final class CorpusRegistry extends ListRegistry {
    /** Points on the sphere. */
    @interface Sphere {
        @Param(value = "training points n", min = 1) int n() default 100;
        @Param(value = "input dimension d", min = 2) int d() default 10;
        @Param(value = "targets", options = {"teacher", "sine", "linear"}) String target() default "teacher";
    }

    /** A fully connected net. */
    @interface Fc {
        @Param(value = "hidden units per layer (m)", min = 1) int width() default 256;
        @Param(value = "number of hidden layers (L)", min = 1) int depth() default 1;
        @Param(value = "hidden activation", options = {"relu", "softplus", "tanh"}) String activation() default "relu";
    }

    /** A network written as a list of layers. */
    @interface Serial {
        @Param(value = "the layers in order", structure = true) String[] layers();
        @Param("append a dense readout") boolean readout() default true;
    }

    /** Rows of a CSV file: path parameters. */
    @interface Csv {
        @Param("the CSV file of training rows") String file();
        @Param("a CSV file of test rows; empty: none") String testFile() default "";
    }

    /** Weights from a safetensors file. */
    @interface FromFile {
        @Param("safetensors file with one tensor per block") String file();
        @Param(value = "multipliers", options = {"identity", "file"}) String scaling() default "identity";
    }

    /** Asymmetrical node scaling, with the authors' arrays. */
    @interface Asymmetric {
        @Param(value = "symmetric share", min = 0, max = 1) double a() default 0.5;
        @Param(value = "lambda's indexing", options = {"overparam", "authors"}) String indexing() default "overparam";
        @Param("hidden weights file") String hiddenFile() default "";
        @Param("signs file") String signsFile() default "";
        @Param("node weights file") String lambdaFile() default "";
    }

    /** The NTK parameterization. */
    @interface Ntk {
        @Param(value = "weight scale", min = 0, minExclusive = true) double sigma() default 1.0;
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

    /** Nesterov's method. */
    @interface Nesterov {
        @Param(value = "learning rate", min = 0, minExclusive = true) double lr() default 0.1;
        @Param(value = "momentum beta", min = 0, max = 1, maxExclusive = true) double momentum() default 0.9;
    }

    /** A ball around the initialization. */
    @interface Ball {
        @Param(value = "radius", min = 0, minExclusive = true) double radius();
    }

    /** Training dynamics. */
    @interface Dynamics {
        @Param(value = "layers to watch", min = 1) int[] layers() default {1, 2};
    }

    /** No parameters. */
    @interface None {
    }

    /** Weights (or the gradient) as safetensors. */
    @interface SaveWeights {
        @Param(value = "element type", options = {"F64", "F32"}) String dtype() default "F64";
        @Param(value = "which values", options = {"effective", "raw", "gradient"}) String values() default "effective";
        @Param("files' name prefix") String filePrefix() default "weights";
    }

    /** Hessian-vector products. */
    @interface Hvp {
        @Param("direction file; empty: random") String directionFile() default "";
        @Param(value = "element type", options = {"F64", "F32"}) String dtype() default "F64";
        @Param("files' name prefix") String filePrefix() default "hvp";
        @Param(value = "coordinates", options = {"raw", "effective"}) String coordinates() default "raw";
        @Param(value = "steps to write at", min = 0) long[] steps() default {};
    }

    /** The samples as .npy. */
    @interface SaveData {
        @Param("files' name prefix") String filePrefix() default "data";
    }

    CorpusRegistry() {
        super(List.of(
                info(ComponentKind.DATASET, "sphere", Sphere.class),
                info(ComponentKind.DATASET, "csv", Csv.class),
                info(ComponentKind.ARCHITECTURE, "fc", Fc.class),
                info(ComponentKind.ARCHITECTURE, "serial", Serial.class),
                info(ComponentKind.INITIALIZER, "ntk", Ntk.class),
                info(ComponentKind.INITIALIZER, "from-file", FromFile.class),
                info(ComponentKind.INITIALIZER, "asymmetric", Asymmetric.class),
                info(ComponentKind.LOSS, "squared", None.class),
                info(ComponentKind.OPTIMIZER, "gd", Gd.class),
                info(ComponentKind.OPTIMIZER, "sgd", Sgd.class),
                info(ComponentKind.OPTIMIZER, "nesterov", Nesterov.class),
                info(ComponentKind.SCHEDULE, "constant", None.class),
                info(ComponentKind.CONSTRAINT, "ball", Ball.class),
                info(ComponentKind.ANALYZER, "dynamics", Dynamics.class),
                info(ComponentKind.ANALYZER, "ntk", None.class),
                info(ComponentKind.ANALYZER, "save-weights", SaveWeights.class),
                info(ComponentKind.ANALYZER, "hvp", Hvp.class),
                info(ComponentKind.ANALYZER, "save-data", SaveData.class)));
    }

    private static ComponentInfo info(ComponentKind kind, String name, Class<? extends Annotation> config) {
        return new ComponentInfo(kind, name, name, ParamSpec.of(config), "org.overparam.plugin.test", "1.0.0");
    }
}

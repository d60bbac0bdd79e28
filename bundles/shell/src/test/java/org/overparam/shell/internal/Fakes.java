package org.overparam.shell.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.overparam.api.ComponentKind;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Param;
import org.overparam.api.run.AnalyzerRef;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRef;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.ParamSpec;
import org.overparam.api.run.RunEvent;
import org.overparam.api.run.RunListener;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.RunStatus;
import org.overparam.api.run.SpecReader;
import org.overparam.api.run.StopRule;
import org.overparam.testkit.ListRegistry;

/** Fake API services and captured output for the shell's tests. */
final class Fakes {
    private Fakes() {
    }

    /** A fully connected net's parameters: every type the schema allows. */
    @interface Fc {
        @Param(value = "hidden layers L", min = 1) int depth() default 2;
        @Param(value = "units per hidden layer m", min = 1) int width() default 512;
        @Param(value = "nonlinearity", options = {"relu", "tanh", "gelu"}) String activation() default "relu";
        @Param("add a bias to each unit") boolean bias() default false;
        @Param(value = "initial weight scale", min = 0, minExclusive = true) double sigma() default 1.0;
        @Param(value = "widths of the hidden layers, overriding width", min = 1) int[] widths() default {};
    }

    /** Gradient descent. */
    @interface Gd {
        @Param(value = "learning rate eta", min = 0, minExclusive = true) double lr() default 0.1;
    }

    /** A ball: its radius is required. */
    @interface Ball {
        @Param(value = "radius around the initialization", min = 0, minExclusive = true) double radius();
    }

    /** No parameters. */
    @interface None {
    }

    /** A registry with a few components; listing a kind (and so finding one) can be made to throw. */
    static final class Registry extends ListRegistry {
        RuntimeException failure;

        Registry() {
            super(List.of(
                    info(ComponentKind.ARCHITECTURE, "fc", "Fully connected ReLU network", Fc.class),
                    info(ComponentKind.OPTIMIZER, "gd", "Full-batch gradient descent", Gd.class),
                    info(ComponentKind.CONSTRAINT, "ball", "Euclidean ball around the initialization", Ball.class),
                    info(ComponentKind.ANALYZER, "dynamics", "Weight movement and pattern flips", None.class)));
        }

        private static ComponentInfo info(ComponentKind kind, String name, String description,
                                          Class<? extends java.lang.annotation.Annotation> config) {
            return new ComponentInfo(kind, name, description, ParamSpec.of(config), "org.example.plugins", "1.2.0");
        }

        @Override
        public List<ComponentInfo> list(ComponentKind kind) {
            if (failure != null) {
                throw failure;
            }
            return super.list(kind);
        }
    }

    /** Reads any file into a fixed spec with one analyzer labelled {@code dyn}; or throws {@link #error}. */
    static final class Reader implements SpecReader {
        InvalidInputException error;
        Path file;
        List<String> overrides;

        @Override
        public RunSpec read(Path f, List<String> o) {
            this.file = f;
            this.overrides = o;
            if (error != null) {
                throw error;
            }
            return spec();
        }
    }

    /** @return a spec of 200 steps with one analyzer labelled {@code dyn} */
    static RunSpec spec() {
        Map<ComponentKind, ComponentRef> single = new EnumMap<>(ComponentKind.class);
        for (ComponentKind k : List.of(ComponentKind.DATASET, ComponentKind.ARCHITECTURE, ComponentKind.INITIALIZER,
                ComponentKind.LOSS, ComponentKind.OPTIMIZER, ComponentKind.SCHEDULE)) {
            single.put(k, new ComponentRef(k, "x", Config.empty(), ""));
        }
        AnalyzerRef dyn = new AnalyzerRef(new ComponentRef(ComponentKind.ANALYZER, "dynamics", Config.empty(), ""),
                "dyn", 10);
        return new RunSpec("t", 0, single, List.of(), List.of(dyn), new StopRule(200, 1e-6), List.of(), "", "t.yaml");
    }

    /**
     * Runs by creating {@code <runs>/t-1}, sending STARTED, PROGRESS every 20 steps up to {@link #steps}
     * and FINISHED, then returning {@link #status}; or throws {@link #failure} after creating the folder.
     */
    static final class Runner implements ExperimentRunner {
        RunStatus status = RunStatus.CONVERGED;
        String message = "reached the target loss";
        long steps = 200;
        RuntimeException failure;
        Path runs;
        Map<String, Double> metrics = Map.of("train.loss", 9.5e-7, "dyn.weight_change", 0.0123,
                "dyn.flipped", 3.0, "other.x", 1.0);

        @Override
        public RunResult run(RunSpec spec, Path runsDirectory, RunListener listener) {
            runs = runsDirectory;
            Path dir = runsDirectory.resolve("t-1");
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (failure != null) {
                throw failure;
            }
            listener.onEvent(new RunEvent(RunEvent.Type.STARTED, "t-1", 0, 200, 1.0, Map.of(), ""));
            for (long s = 20; s <= steps; s += 20) {
                listener.onEvent(new RunEvent(RunEvent.Type.PROGRESS, "t-1", s, 200, 1.0 / s, Map.of(), ""));
            }
            listener.onEvent(new RunEvent(RunEvent.Type.FINISHED, "t-1", steps, 200, 9.5e-7, Map.of(), message));
            return new RunResult("t-1", status, steps, 9.5e-7, dir, metrics, message);
        }
    }

    /** Captures what a command prints. */
    static final class Captured {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final Terminal terminal;

        Captured(boolean live) {
            terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), live);
        }

        String out() {
            return out.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return err.toString(StandardCharsets.UTF_8);
        }

        /** @return the lines of standard error */
        List<String> errLines() {
            return new ArrayList<>(err().lines().toList());
        }
    }
}

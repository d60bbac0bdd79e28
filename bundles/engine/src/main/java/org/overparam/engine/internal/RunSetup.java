package org.overparam.engine.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.overparam.api.Analyzer;
import org.overparam.api.Architecture;
import org.overparam.api.BlockScale;
import org.overparam.api.ComponentKind;
import org.overparam.api.Data;
import org.overparam.api.DataSize;
import org.overparam.api.Dataset;
import org.overparam.api.Initialization;
import org.overparam.api.Initializer;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Layout;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Scaling;
import org.overparam.api.Shape;
import org.overparam.api.run.AnalyzerRef;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRef;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.RunSpec;
import org.overparam.engine.internal.loop.Prepared;
import org.overparam.engine.internal.registry.Bindings;
import org.overparam.engine.internal.registry.ComponentFailure;

/**
 * Everything a run does before its first write to disk: finds every component, those of the spec's
 * switches included (waiting out the registry's start-up grace), checks each one's parameters against
 * its installed {@code @Param} schema ({@link ComponentInfo#configure}: the engine's one check of a
 * spec's values before any component sees its Config; a spec read from a file was checked the same
 * way when it was read, located at its lines, and the hot-swap gate checks again only against an
 * updated bundle's schema), estimates
 * the run's memory and refuses a run that would not fit ({@link Footprint}, before the data are
 * loaded when the data set tells its sizes), loads the data, builds the model, initializes the parameters, copies tied blocks (values and multipliers of
 * the block they are tied to), wraps the model in the parameterization's multipliers and decides
 * which blocks are frozen.
 *
 * <p>Random streams: {@code root = RandomStream.of(seed)}; the dataset, architecture and initializer
 * draw from {@code root.derive(kind.key())}, the optimizer from {@code root.derive("optimizer")}, an
 * analyzer from {@code root.derive("analyzer." + label)}.
 *
 * <p>A component's {@link InvalidInputException} is rethrown located at its entry in the spec, e.g.
 * {@code quickstart.yaml:8: architecture.width: width 0 is below 1}; any other exception becomes a
 * {@link ComponentFailure}. Each analyzer {@linkplain Analyzer#adjustments checks} its parameters
 * against the data and the model. The data set's notices are kept, prefixed {@code dataset <name>: }, in
 * {@link Prepared#notices()}.
 */
final class RunSetup {
    private static final Pattern PARAM_PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\[\\]]*");
    private static final Set<String> RESERVED_LABELS = Set.of("train", "optimizer");

    private RunSetup() {
    }

    /**
     * @param registry where the components are
     * @param bindings the run's lookups (they remember which service objects were seen)
     * @param spec the experiment
     * @return the prepared run
     * @throws InvalidInputException if the spec or a component's input is wrong
     * @throws ComponentFailure if a component throws anything else
     */
    static Prepared prepare(ComponentRegistry registry, Bindings bindings, RunSpec spec) {
        return prepare(registry, bindings, spec, MemoryGuard.Heap.RUNTIME);
    }

    /**
     * @param registry where the components are
     * @param bindings the run's lookups
     * @param spec the experiment
     * @param heap the heap the run's memory estimate is compared with ({@link Footprint})
     * @return the prepared run
     * @throws InvalidInputException if the spec or a component's input is wrong, or the run would
     *     not fit in the heap (checked before the data are loaded when the data set can tell its
     *     sizes, else right after)
     * @throws ComponentFailure if a component throws anything else
     */
    static Prepared prepare(ComponentRegistry registry, Bindings bindings, RunSpec spec, MemoryGuard.Heap heap) {
        Map<ComponentRef, ComponentInfo> infos = resolveAll(registry, spec);
        RandomStream root = RandomStream.of(spec.seed());
        ComponentRef dataRef = spec.component(ComponentKind.DATASET);
        ComponentRef archRef = spec.component(ComponentKind.ARCHITECTURE);
        ComponentRef initRef = spec.component(ComponentKind.INITIALIZER);

        Dataset dataset = bindings.resolve(dataRef, Dataset.class);
        Optional<DataSize> known = call(dataRef, () -> dataset.size(dataRef.config()));
        Model raw = null;
        List<String> adjusted = List.of();
        if (known != null && known.isPresent()) {
            DataSize size = known.get();
            raw = build(bindings, archRef, size.inputShape(), size.outputs());
            adjusted = adjustments(spec, bindings, raw, size);
            Footprint.check(spec, bindings, raw, size, true, heap);
        }
        RandomStream dataStream = root.derive(ComponentKind.DATASET.key());
        List<String> notices = new ArrayList<>();
        Data data = call(dataRef, () -> dataset.load(dataRef.config(), dataStream,
                notice -> notices.add(ComponentKind.DATASET.key() + " " + dataRef.name() + ": " + notice)));
        if (data == null) {
            throw new ComponentFailure(dataRef.kind(), dataRef.name(), new IllegalStateException("load returned null"));
        }
        if (raw == null || !raw.inputShape().equals(data.train().inputShape())
                || raw.outputSize() != data.train().outputSize()) {
            raw = build(bindings, archRef, data);
            adjusted = adjustments(spec, bindings, raw, DataSize.of(data));
            Footprint.check(spec, bindings, raw, DataSize.of(data), false, heap);
        }
        notices.addAll(adjusted);
        Layout layout = raw.layout();

        Initializer initializer = bindings.resolve(initRef, Initializer.class);
        RandomStream initStream = root.derive(ComponentKind.INITIALIZER.key());
        Initialization init = call(initRef, () -> initializer.initialize(initRef.config(), layout, initStream));
        if (init == null || !init.params().layout().equals(layout)) {
            throw new ComponentFailure(initRef.kind(), initRef.name(), new IllegalStateException(
                    "initialize returned " + (init == null ? "null" : "params of layout " + init.params().layout())
                            + " for a model of layout " + layout));
        }
        List<String> initNotices = call(initRef, () -> initializer.notices(initRef.config(), layout));
        if (initNotices != null) {
            notices.addAll(initNotices);
        }
        Params params = init.params();
        Scaling scaling = tie(archRef, layout, params, init.scaling());
        Model model = scaling.wrap(raw);

        boolean[] trainable = new boolean[layout.count()];
        for (int i = 0; i < trainable.length; i++) {
            trainable[i] = layout.block(i).trainable() && !init.frozen().contains(layout.block(i).name());
        }
        Globs.freeze(spec.freeze(), layout, trainable);

        Map<String, RandomStream> analyzerStreams = new LinkedHashMap<>();
        for (AnalyzerRef a : spec.analyzers()) {
            analyzerStreams.put(a.label(), root.derive("analyzer." + a.label()));
        }
        return new Prepared(data, model, scaling, params, params.copy(), trainable, root.derive("optimizer"),
                analyzerStreams, infos, notices);
    }

    /**
     * Builds the raw model (no multipliers) with the architecture the registry gives now.
     *
     * @param bindings the run's lookups
     * @param archRef the run's architecture
     * @param data the run's data, for the shapes
     * @return the model
     */
    static Model build(Bindings bindings, ComponentRef archRef, Data data) {
        return build(bindings, archRef, data.train().inputShape(), data.train().outputSize());
    }

    private static Model build(Bindings bindings, ComponentRef archRef, Shape inputShape, int outputs) {
        Architecture arch = bindings.resolve(archRef, Architecture.class);
        Model m = call(archRef, () -> arch.build(archRef.config(), inputShape, outputs));
        if (m == null) {
            throw new ComponentFailure(archRef.kind(), archRef.name(), new IllegalStateException("build returned null"));
        }
        return m;
    }

    /**
     * @return each analyzer's notices about parameters it will clamp for this data and model,
     *     prefixed with its label, e.g. {@code ntk: points 500 is more than the 100 training samples; ...}
     * @throws InvalidInputException located at the analyzer's entry if one refuses a parameter
     */
    private static List<String> adjustments(RunSpec spec, Bindings bindings, Model raw, DataSize size) {
        List<String> out = new ArrayList<>();
        for (AnalyzerRef a : spec.analyzers()) {
            Analyzer analyzer = bindings.resolve(a.component(), Analyzer.class);
            List<String> lines = call(a.component(), () -> analyzer.adjustments(a.component().config(), raw, size));
            for (String line : lines == null ? List.<String>of() : lines) {
                out.add(a.label() + ": " + line);
            }
        }
        return List.copyOf(out);
    }

    private static Map<ComponentRef, ComponentInfo> resolveAll(ComponentRegistry registry, RunSpec spec) {
        List<ComponentRef> refs = spec.componentRefs();
        Set<String> labels = new HashSet<>();
        for (AnalyzerRef a : spec.analyzers()) {
            String at = a.component().origin().isEmpty() ? "analyzers" : a.component().origin() + ": analyzers";
            if (!labels.add(a.label())) {
                throw new InvalidInputException(at, "two analyzers are labelled '" + a.label()
                        + "'; give each its own label");
            }
            if (RESERVED_LABELS.contains(a.label())) {
                throw new InvalidInputException(at, "the label '" + a.label() + "' is reserved for the run's own metrics");
            }
        }
        Map<ComponentRef, ComponentInfo> infos = new LinkedHashMap<>();
        for (ComponentRef ref : refs) {
            ComponentInfo info = registry.require(ref.kind(), ref.name(),
                    ref.origin().isEmpty() ? ref.kind().key() : ref.origin());
            info.configure(ref.config().values(), Map.of(), ref.origin());
            infos.put(ref, info);
        }
        return infos;
    }

    private static Scaling tie(ComponentRef archRef, Layout layout, Params params, Scaling scaling) {
        List<BlockScale> scales = new ArrayList<>(layout.count());
        boolean tied = false;
        for (int i = 0; i < layout.count(); i++) {
            int root = i;
            for (int hops = 0; layout.block(root).tiedTo() != null; hops++) {
                if (hops > layout.count()) {
                    throw new ComponentFailure(archRef.kind(), archRef.name(), new IllegalStateException(
                            "block " + layout.block(i).name() + " is tied in a cycle"));
                }
                root = layout.indexOf(layout.block(root).tiedTo());
            }
            if (root != i) {
                System.arraycopy(params.block(root), 0, params.block(i), 0, params.block(i).length);
                tied = true;
            }
            scales.add(scaling.scale(root));
        }
        return tied ? new Scaling(layout, scales) : scaling;
    }

    /**
     * Calls a component during setup, locating its input errors. An {@link OutOfMemoryError} (a
     * component allocating beyond what its estimate said) ends the run FAILED with one line too.
     */
    static <T> T call(ComponentRef ref, Supplier<T> body) {
        try {
            return body.get();
        } catch (InvalidInputException e) {
            throw locate(ref, e);
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError | OutOfMemoryError e) {
            throw new ComponentFailure(ref.kind(), ref.name(), e);
        }
    }

    /**
     * @param ref the component that threw
     * @param e its error
     * @return the error located at the component's entry, its parameter path under the kind's key
     */
    static InvalidInputException locate(ComponentRef ref, InvalidInputException e) {
        String key = ref.kind().key();
        String w = e.where();
        String path;
        if (w.isEmpty()) {
            path = key;
        } else if (w.equals(key) || w.startsWith(key + ".") || !PARAM_PATH.matcher(w).matches()) {
            path = w;
        } else {
            path = key + "." + w;
        }
        String where = ref.origin().isEmpty() || path.startsWith(ref.origin()) ? path : ref.origin() + ": " + path;
        InvalidInputException out = new InvalidInputException(where, e.getMessage());
        out.initCause(e);
        return out;
    }
}

package org.overparam.engine.internal.swap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.overparam.api.ComponentKind;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRef;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.store.ComponentOrigin;
import org.overparam.api.store.Provenance;
import org.overparam.engine.internal.folder.Events;
import org.overparam.engine.internal.folder.ProvenanceFile;
import org.overparam.engine.internal.folder.ProvenanceJson;
import org.overparam.engine.internal.folder.RunLog;
import org.overparam.engine.internal.registry.JarHashes;
import org.overparam.engine.runfolder.ResultJson;

/**
 * Records a run's swaps: a component taken over by an updated bundle between two steps, or changed by
 * a swap request. Each swap is a line in run.log and a NOTICE event
 * ({@code step 120: optimizer gd swapped: now org.overparam.plugin.optim.gd 0.2.0 (was ... 0.1.0)}; when the version
 * string is the same, with the first 12 digits of the old and new jar's SHA-256), an
 * entry of {@code swaps} in provenance.json (step, kind, name, why, and the bundle, version and jar
 * SHA-256 before and after), which is rewritten at once, and, in the run's {@link Provenance} (so in
 * the run store when there is one), a component named {@code <name>@<step>} with the new bundle,
 * version and jar SHA-256 beside the one the run started with.
 */
public final class SwapLedger {
    /** Where provenance goes after a change: provenance.json and the store. */
    public interface Sink {
        /**
         * @param provenance the run's provenance now
         * @param swapsJson the swaps as JSON objects, in order
         */
        void write(Provenance provenance, List<String> swapsJson);
    }

    private final ComponentRegistry registry;
    private final JarHashes hashes;
    private final RunLog log;
    private final Events events;
    private final DoubleSupplier loss;
    private final Sink sink;
    private final Map<String, ComponentOrigin> current = new HashMap<>();
    private final List<ComponentOrigin> added = new ArrayList<>();
    private final List<String> swaps = new ArrayList<>();
    private Provenance base;

    /**
     * @param registry where the components' bundles are found
     * @param hashes the engine's cache of jar hashes
     * @param base the run's provenance: at its start, or as it was when it stopped (with the
     *     {@code name@step} components of its swaps) for a resumed run
     * @param earlier the swaps recorded before a resume, as JSON objects ({@link ProvenanceFile})
     * @param log the run's log
     * @param events the run's listener
     * @param loss the run's latest loss, for events
     * @param sink where the provenance goes after each swap
     */
    public SwapLedger(ComponentRegistry registry, JarHashes hashes, Provenance base, List<String> earlier, RunLog log, Events events,
               DoubleSupplier loss, Sink sink) {
        this.registry = registry;
        this.hashes = hashes;
        this.base = base;
        this.log = log;
        this.events = events;
        this.loss = loss;
        this.sink = sink;
        this.swaps.addAll(earlier);
        for (ComponentOrigin o : base.components()) {
            int at = o.name().lastIndexOf('@');
            String name = at < 0 ? o.name() : o.name().substring(0, at);
            current.put(key(o.kind(), name), new ComponentOrigin(o.kind(), name, o.bundle(), o.version(), o.sha256()));
        }
    }

    /**
     * @param step the step
     * @param message a line for run.log and a NOTICE event
     */
    public void note(long step, String message) {
        log.info("step " + step + ": " + message);
        events.notice(step, loss.getAsDouble(), message);
    }

    /**
     * A component whose service changed between two steps (its bundle was updated) took over.
     *
     * @param step the first step it takes
     * @param ref the component
     */
    void swapped(long step, ComponentRef ref) {
        ComponentOrigin before = current.get(key(ref.kind(), ref.name()));
        ComponentOrigin now = origin(ref.kind(), ref.name());
        boolean sameVersion = before != null && before.bundle().equals(now.bundle())
                && before.version().equals(now.version());
        String was = before == null ? "" : " (was " + before.bundle() + " " + before.version()
                + (sameVersion ? ", jar sha256 " + ProvenanceJson.prefix(before.sha256()) : "") + ")";
        note(step, ref.kind().key() + " " + ref.name() + " swapped: now " + now.bundle() + " " + now.version()
                + (sameVersion ? ", jar sha256 " + ProvenanceJson.prefix(now.sha256()) : "") + was);
        record(step, "update", ref.kind(), ref.name(), before, ref.name(), now, null, null);
    }

    /**
     * A swap request changed a component.
     *
     * @param step the first step the new component takes
     * @param key the request's key, e.g. {@code optimizer} or {@code analyzers.ntk}
     * @param from the component before
     * @param to the component after
     */
    void requested(long step, String key, ComponentRef from, ComponentRef to) {
        ComponentOrigin before = current.get(key(from.kind(), from.name()));
        ComponentOrigin now = origin(to.kind(), to.name());
        boolean sameVersion = before != null && before.bundle().equals(now.bundle())
                && before.version().equals(now.version()) && !before.sha256().equals(now.sha256());
        note(step, "swap request applied: " + key + " " + from.name() + " " + from.config().values() + " -> " + to.name()
                + " " + to.config().values() + " (" + now.bundle() + " " + now.version()
                + (sameVersion ? ", jar sha256 " + ProvenanceJson.prefix(now.sha256()) + ", was " + ProvenanceJson.prefix(before.sha256()) : "") + ")");
        record(step, "request", to.kind(), from.name(), before, to.name(), now, from.config().values().toString(),
                to.config().values().toString());
    }

    /**
     * @param component a component as {@code <kind> <name>}, e.g. {@code optimizer gd}
     * @return the symbolic name of the bundle the run last had it from, or empty
     */
    String bundleOf(String component) {
        ComponentOrigin o = current.get(component);
        return o == null ? "" : o.bundle();
    }

    /** @return the run's provenance now: as it started, plus a {@code name@step} component per swap */
    Provenance provenance() {
        List<ComponentOrigin> all = new ArrayList<>(base.components());
        all.addAll(added);
        return new Provenance(base.host(), base.os(), base.processors(), base.jvmVendor(), base.jvmVersion(), base.blas(),
                base.overparamVersion(), all);
    }

    /** @return the swaps recorded so far, as JSON objects */
    List<String> swaps() {
        return List.copyOf(swaps);
    }

    private void record(long step, String why, ComponentKind kind, String fromName, ComponentOrigin before, String toName,
                        ComponentOrigin now, String fromConfig, String toConfig) {
        current.put(key(kind, toName), now);
        ComponentOrigin tagged = new ComponentOrigin(kind, toName + "@" + step, now.bundle(), now.version(), now.sha256());
        added.removeIf(o -> o.kind() == kind && o.name().equals(tagged.name()));
        added.add(tagged);
        StringBuilder b = new StringBuilder("{\"step\": ").append(step).append(", \"kind\": ")
                .append(ResultJson.quote(kind.key())).append(", \"why\": ").append(ResultJson.quote(why))
                .append(", \"from\": ").append(side(fromName, before, fromConfig))
                .append(", \"to\": ").append(side(toName, now, toConfig)).append('}');
        swaps.add(b.toString());
        sink.write(provenance(), swaps());
    }


    private static String side(String name, ComponentOrigin o, String config) {
        StringBuilder b = new StringBuilder("{\"name\": ").append(ResultJson.quote(name));
        b.append(", \"bundle\": ").append(ResultJson.quote(o == null ? "" : o.bundle()));
        b.append(", \"version\": ").append(ResultJson.quote(o == null ? "" : o.version()));
        b.append(", \"sha256\": ").append(ResultJson.quote(o == null ? "" : o.sha256()));
        if (config != null) {
            b.append(", \"config\": ").append(ResultJson.quote(config));
        }
        return b.append('}').toString();
    }

    private ComponentOrigin origin(ComponentKind kind, String name) {
        Optional<ComponentInfo> info = registry.find(kind, name);
        String bundle = info.map(ComponentInfo::bundle).orElse("");
        String version = info.map(ComponentInfo::version).orElse("");
        String sha = registry.bundleFile(kind, name).map(jar -> hashes.sha256(bundle, version, jar)).orElse("");
        return new ComponentOrigin(kind, name, bundle, version, sha);
    }

    private static String key(ComponentKind kind, String name) {
        return kind.key() + " " + name;
    }
}

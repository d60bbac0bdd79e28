package org.overparam.engine.internal.loop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Layout;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.State;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRef;
import org.overparam.engine.internal.checkpoint.Checkpoint;

/**
 * Puts a checkpoint into a freshly prepared run: the point (whose layout must be the model's), the
 * random streams (whose seeds must be those the run derives from its seed), and the states' buffers
 * re-wrapped over the model's layout. Also tells which components now come from another bundle
 * version than at the checkpoint.
 */
public final class Restore {
    private Restore() {
    }

    /**
     * @param p the run as {@code RunSetup} prepared it from the spec
     * @param c the checkpoint
     * @param where the checkpoint file, for errors
     * @return the run with the checkpoint's point and streams
     * @throws InvalidInputException if the layout, a stream's seed or an analyzer label does not match
     */
    public static Prepared apply(Prepared p, Checkpoint c, String where) {
        Layout layout = p.params().layout();
        if (!c.params().layout().equals(layout)) {
            throw new InvalidInputException(where, "the checkpoint's parameters have the layout " + c.params().layout()
                    + "; the model built now has " + layout);
        }
        for (int i = 0; i < layout.count(); i++) {
            System.arraycopy(c.params().block(i), 0, p.params().block(i), 0, layout.block(i).size());
        }
        rewrap(c.optimizerState(), layout);
        c.analyzerStates().values().forEach(s -> rewrap(s, layout));
        RandomStream optimizer = stream(p.optimizerStream(), c.optimizerStream(), "optimizer", where);
        Map<String, RandomStream> analyzers = new LinkedHashMap<>(p.analyzerStreams());
        for (Map.Entry<String, Checkpoint.Stream> e : c.analyzerStreams().entrySet()) {
            RandomStream now = analyzers.get(e.getKey());
            if (now == null) {
                throw new InvalidInputException(where, "the checkpoint has an analyzer labelled '" + e.getKey()
                        + "' that the spec does not have");
            }
            analyzers.put(e.getKey(), stream(now, e.getValue(), "analyzer " + e.getKey(), where));
        }
        for (String label : c.analyzerStates().keySet()) {
            if (!analyzers.containsKey(label)) {
                throw new InvalidInputException(where, "the checkpoint has the state of an analyzer labelled '"
                        + label + "' that the spec does not have");
            }
        }
        return new Prepared(p.data(), p.model(), p.scaling(), p.params(), p.initial(), p.trainable(), optimizer,
                analyzers, p.infos(), p.notices());
    }

    /**
     * @param infos the components found at setup
     * @return where each comes from, in the spec's order
     */
    public static List<Checkpoint.Provider> providers(Map<ComponentRef, ComponentInfo> infos) {
        List<Checkpoint.Provider> out = new ArrayList<>();
        infos.forEach((ref, info) -> out.add(new Checkpoint.Provider(ref.kind().key() + " " + ref.name(), info.bundle(),
                info.version())));
        return out;
    }

    /**
     * @param then the providers a checkpoint recorded
     * @param now the providers found now
     * @return one line per component whose bundle or version differs, e.g. {@code optimizer gd: bundle
     *     org.overparam.plugin.optim-gd 0.1.0 at the checkpoint, 0.2.0 now}
     */
    public static List<String> changes(List<Checkpoint.Provider> then, List<Checkpoint.Provider> now) {
        Map<String, Checkpoint.Provider> before = new LinkedHashMap<>();
        then.forEach(p -> before.putIfAbsent(p.component(), p));
        List<String> out = new ArrayList<>();
        for (Checkpoint.Provider p : now) {
            Checkpoint.Provider b = before.get(p.component());
            if (b != null && (!b.bundle().equals(p.bundle()) || !b.version().equals(p.version()))) {
                out.add(p.component() + ": " + b.bundle() + " " + b.version() + " at the checkpoint, " + p.bundle() + " "
                        + p.version() + " now");
            }
        }
        return out;
    }

    private static RandomStream stream(RandomStream now, Checkpoint.Stream saved, String what, String where) {
        if (now.seed() != saved.seed()) {
            throw new InvalidInputException(where, "the checkpoint's " + what + " stream has seed " + saved.seed()
                    + "; the run derives " + now.seed() + " from its seed");
        }
        return RandomStream.restore(saved.seed(), saved.position());
    }

    /** Makes the state's buffers of the run's layout use the model's layout object (equal, not the same). */
    private static void rewrap(State s, Layout layout) {
        for (Map.Entry<String, Params> e : s.allParams().entrySet()) {
            Params p = e.getValue();
            if (p.layout() != layout && p.layout().equals(layout)) {
                double[][] blocks = new double[layout.count()][];
                for (int i = 0; i < blocks.length; i++) {
                    blocks[i] = p.block(i);
                }
                e.setValue(Params.wrap(layout, blocks));
            }
        }
    }
}

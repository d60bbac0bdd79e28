package org.overparam.engine.internal.folder;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.overparam.api.ComponentKind;
import org.overparam.api.run.AnalyzerRef;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRef;
import org.overparam.api.run.ParamSpec;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.Switch;

/**
 * A resolved spec flattened to the dotted keys overrides use, values as text, for the run store's
 * parameter filters ({@code architecture.width=1024}):
 * <pre>
 * name, seed                                     the experiment's name and seed
 * &lt;kind&gt;, &lt;kind&gt;.&lt;param&gt;               each component's name and every parameter (defaults
 *                                                filled in from the component's schema)
 * constraints.&lt;i&gt;, constraints.&lt;i&gt;.&lt;param&gt;
 * analyzers.&lt;i&gt;, analyzers.&lt;i&gt;.label, analyzers.&lt;i&gt;.every, analyzers.&lt;i&gt;.&lt;param&gt;
 * stop.maxSteps, stop.targetLoss, checkpoint.every, freeze
 * switch.&lt;i&gt;.at, switch.&lt;i&gt;.optimizer, switch.&lt;i&gt;.optimizer.&lt;param&gt;, switch.&lt;i&gt;.schedule, ...
 * </pre>
 * Whole numbers print as integers, other numbers by {@link Double#toString} ({@code 1.0E-7}), lists as
 * {@code [a, b]}; filters on numbers compare numerically, so {@code 1e-7} finds {@code 1.0E-7}.
 */
public final class SpecParams {
    private SpecParams() {
    }

    /**
     * @param spec the spec
     * @param infos the components' metadata as set up (for defaults); may miss entries
     * @return its parameters by key, sorted
     */
    public static Map<String, String> of(RunSpec spec, Map<ComponentRef, ComponentInfo> infos) {
        Map<String, String> out = new TreeMap<>();
        out.put("name", spec.name());
        out.put("seed", Long.toString(spec.seed()));
        for (Map.Entry<ComponentKind, ComponentRef> e : spec.components().entrySet()) {
            component(out, e.getKey().key(), e.getValue(), infos);
        }
        List<ComponentRef> constraints = spec.constraints();
        for (int i = 0; i < constraints.size(); i++) {
            component(out, "constraints." + i, constraints.get(i), infos);
        }
        List<AnalyzerRef> analyzers = spec.analyzers();
        for (int i = 0; i < analyzers.size(); i++) {
            AnalyzerRef a = analyzers.get(i);
            component(out, "analyzers." + i, a.component(), infos);
            out.put("analyzers." + i + ".label", a.label());
            out.put("analyzers." + i + ".every", Long.toString(a.every()));
        }
        out.put("stop.maxSteps", Long.toString(spec.stop().maxSteps()));
        out.put("stop.targetLoss", text(spec.stop().targetLoss()));
        if (spec.checkpoint() != null) {
            out.put("checkpoint.every", Long.toString(spec.checkpoint().every()));
        }
        if (!spec.freeze().isEmpty()) {
            out.put("freeze", spec.freeze().toString());
        }
        List<Switch> switches = spec.switches();
        for (int i = 0; i < switches.size(); i++) {
            Switch s = switches.get(i);
            out.put("switch." + i + ".at", Long.toString(s.at()));
            if (s.optimizer() != null) {
                component(out, "switch." + i + ".optimizer", s.optimizer(), infos);
            }
            if (s.schedule() != null) {
                component(out, "switch." + i + ".schedule", s.schedule(), infos);
            }
        }
        return out;
    }

    private static void component(Map<String, String> out, String key, ComponentRef ref,
                                  Map<ComponentRef, ComponentInfo> infos) {
        out.put(key, ref.name());
        ComponentInfo info = infos.get(ref);
        if (info != null) {
            for (ParamSpec p : info.params()) {
                if (p.defaultValue() != null && !ref.config().values().containsKey(p.name())) {
                    try {
                        out.put(key + "." + p.name(), text(p.check(key + "." + p.name(), p.defaultValue())));
                    } catch (RuntimeException e) {
                        out.put(key + "." + p.name(), p.defaultText());
                    }
                }
            }
        }
        ref.config().values().forEach((name, value) -> out.put(key + "." + name, text(value)));
    }

    /**
     * @param v a value of a config or spec
     * @return it as text: {@link String#valueOf}, as spec.yaml prints numbers
     */
    static String text(Object v) {
        return String.valueOf(v);
    }
}

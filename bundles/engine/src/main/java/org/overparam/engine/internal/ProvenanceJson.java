package org.overparam.engine.internal;

import org.overparam.api.run.ComponentOrigin;
import org.overparam.api.run.Provenance;

/**
 * A run's {@code provenance.json}:
 * <pre>{@code
 * {"host": "...", "os": "Linux 6.1.0 amd64", "processors": 2, "jvm_vendor": "...", "jvm_version": "...",
 *  "blas": "...", "overparam": "0.1.0.SNAPSHOT",
 *  "components": [{"kind": "architecture", "name": "fc", "bundle": "...", "version": "...", "sha256": "..."}, ...],
 *  "swaps": [{"step": 120, "kind": "optimizer", "why": "update", "from": {"name": ..., "bundle": ..., "version": ...,
 *             "sha256": ...}, "to": {...}}, ...]}
 * }</pre>
 * {@code swaps} is there once the run swapped a component ({@link SwapLedger}).
 */
final class ProvenanceJson {
    private ProvenanceJson() {
    }

    /** @param p a provenance @return its JSON document, ending with a line break */
    static String of(Provenance p) {
        return of(p, java.util.List.of());
    }

    /**
     * @param p a provenance
     * @param swaps the run's swaps as JSON objects ({@link SwapLedger}); written as {@code "swaps": [...]}
     *     when there are any
     * @return its JSON document, ending with a line break
     */
    static String of(Provenance p, java.util.List<String> swaps) {
        StringBuilder b = new StringBuilder("{\n");
        field(b, "host", p.host());
        field(b, "os", p.os());
        b.append("  \"processors\": ").append(p.processors()).append(",\n");
        field(b, "jvm_vendor", p.jvmVendor());
        field(b, "jvm_version", p.jvmVersion());
        field(b, "blas", p.blas());
        field(b, "overparam", p.overparamVersion());
        b.append("  \"components\": [");
        for (int i = 0; i < p.components().size(); i++) {
            ComponentOrigin o = p.components().get(i);
            b.append(i == 0 ? "\n" : ",\n").append("    {\"kind\": ").append(ResultJson.quote(o.kind().key()))
                    .append(", \"name\": ").append(ResultJson.quote(o.name()))
                    .append(", \"bundle\": ").append(ResultJson.quote(o.bundle()))
                    .append(", \"version\": ").append(ResultJson.quote(o.version()))
                    .append(", \"sha256\": ").append(ResultJson.quote(o.sha256())).append('}');
        }
        b.append(p.components().isEmpty() ? "]" : "\n  ]");
        if (!swaps.isEmpty()) {
            b.append(",\n  \"swaps\": [\n    ").append(String.join(",\n    ", swaps)).append("\n  ]");
        }
        return b.append("\n}\n").toString();
    }

    private static void field(StringBuilder b, String key, String value) {
        b.append("  ").append(ResultJson.quote(key)).append(": ").append(ResultJson.quote(value)).append(",\n");
    }
}

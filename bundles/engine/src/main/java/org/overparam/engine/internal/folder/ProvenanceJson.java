package org.overparam.engine.internal.folder;

import org.overparam.api.store.ComponentOrigin;
import org.overparam.api.store.Provenance;
import org.overparam.engine.runfolder.ResultJson;

/**
 * A run's {@code provenance.json}:
 * <pre>{@code
 * {"host": "...", "os": "Linux 6.1.0 amd64", "processors": 2, "jvm_vendor": "...", "jvm_version": "...",
 *  "blas": "...", "overparam": "0.1.0.SNAPSHOT",
 *  "components": [{"kind": "architecture", "name": "fc", "bundle": "...", "version": "...", "sha256": "..."}, ...],
 *  "swaps": [{"step": 120, "kind": "optimizer", "why": "update", "from": {"name": ..., "bundle": ..., "version": ...,
 *             "sha256": ...}, "to": {...}}, ...]}
 * }</pre>
 * {@code swaps} is there once the run swapped a component ({@code SwapLedger}); {@code resumes} once it was
 * resumed: {@code {"step": 400, "host": ..., "os": ..., "jvm_vendor": ..., "jvm_version": ..., "blas": ...,
 * "overparam": ..., "changed": ["optimizer gd: ... 1.0.0 at the checkpoint, 1.1.0 now"]}}. A resume keeps
 * the rest as it was ({@link ProvenanceFile}).
 */
public final class ProvenanceJson {
    private ProvenanceJson() {
    }

    /**
     * @param p a provenance
     * @return its JSON document, ending with a line break
     */
    public static String of(Provenance p) {
        return of(p, java.util.List.of());
    }

    /**
     * @param p a provenance
     * @param swaps the run's swaps as JSON objects ({@code SwapLedger}); written as {@code "swaps": [...]}
     *     when there are any
     * @return its JSON document, ending with a line break
     */
    public static String of(Provenance p, java.util.List<String> swaps) {
        return of(p, swaps, java.util.List.of());
    }

    /**
     * @param p a provenance
     * @param swaps the run's swaps as JSON objects ({@code SwapLedger}); written as {@code "swaps": [...]}
     *     when there are any
     * @param resumes the run's resumes as JSON objects ({@link #resume}); written as {@code "resumes": [...]}
     *     when there are any
     * @return its JSON document, ending with a line break
     */
    public static String of(Provenance p, java.util.List<String> swaps, java.util.List<String> resumes) {
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
        if (!resumes.isEmpty()) {
            b.append(",\n  \"resumes\": [\n    ").append(String.join(",\n    ", resumes)).append("\n  ]");
        }
        return b.append("\n}\n").toString();
    }

    /**
     * @param steps the step the run resumed from (0: its first step)
     * @param now the resuming process's provenance
     * @param changes the components whose bundle or version differ from the checkpoint's
     * @return the JSON object of one resume, on one line
     */
    static String resume(long steps, Provenance now, java.util.List<String> changes) {
        StringBuilder b = new StringBuilder("{\"step\": ").append(steps);
        b.append(", \"host\": ").append(ResultJson.quote(now.host()));
        b.append(", \"os\": ").append(ResultJson.quote(now.os()));
        b.append(", \"jvm_vendor\": ").append(ResultJson.quote(now.jvmVendor()));
        b.append(", \"jvm_version\": ").append(ResultJson.quote(now.jvmVersion()));
        b.append(", \"blas\": ").append(ResultJson.quote(now.blas()));
        b.append(", \"overparam\": ").append(ResultJson.quote(now.overparamVersion()));
        b.append(", \"changed\": [");
        for (int i = 0; i < changes.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(ResultJson.quote(changes.get(i)));
        }
        return b.append("]}").toString();
    }

    private static void field(StringBuilder b, String key, String value) {
        b.append("  ").append(ResultJson.quote(key)).append(": ").append(ResultJson.quote(value)).append(",\n");
    }
    /**
     * @param sha256 a jar's SHA-256 in hex, or empty
     * @return its first 12 digits, or {@code unknown}
     */
    public static String prefix(String sha256) {
        return sha256 == null || sha256.isEmpty() ? "unknown" : sha256.substring(0, Math.min(12, sha256.length()));
    }
}

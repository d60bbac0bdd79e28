package org.overparam.engine.runfolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run's result.json, written and read here only. {@link #build} writes it by hand: a flat JSON
 * object whose values are strings, numbers, or one level of nested objects. Numbers are printed by
 * {@link Double#toString} (exact); NaN and the infinities, which JSON cannot hold, become
 * {@code null}.
 *
 * <pre>{@code
 * {"id": "...", "name": "...", "seed": 1, "status": "CONVERGED", "steps": 120, "loss": 9.7e-7,
 *  "message": "...", "sample_gradients": 480, "started": "...", "finished": "...",
 *  "timings": {"setup_seconds": ..., "steps_seconds": ..., "analysis_seconds": ..., "total_seconds": ...},
 *  "metrics": {"train.loss": 9.7e-7, ...}}
 * }</pre>
 *
 * <p>{@link #read}, {@link #status}, {@link #steps}, {@link #loss} and {@link #message} read back the
 * fields that the engine, the shell and sweeps need (a report reads the whole document as JSON).
 */
public final class ResultJson {
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");
    private static final Pattern LOSS = Pattern.compile("\"loss\"\\s*:\\s*(null|[-+0-9.eE]+|NaN|-?Infinity)");
    private static final Pattern STEPS = Pattern.compile("\"steps\"\\s*:\\s*(\\d+)");
    private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private final StringBuilder b = new StringBuilder("{");
    private boolean first = true;

    /**
     * @param key a key
     * @param value a string
     * @return this
     */
    public ResultJson text(String key, String value) {
        key(key).append(quote(value));
        return this;
    }

    /**
     * @param key a key
     * @param value a whole number
     * @return this
     */
    public ResultJson number(String key, long value) {
        key(key).append(value);
        return this;
    }

    /**
     * @param key a key
     * @param value a number
     * @return this
     */
    public ResultJson number(String key, double value) {
        key(key).append(number(value));
        return this;
    }

    /**
     * @param key a key
     * @param values numbers by name, in the map's order
     * @return this
     */
    public ResultJson object(String key, Map<String, Double> values) {
        StringBuilder o = key(key).append('{');
        boolean f = true;
        for (Map.Entry<String, Double> e : values.entrySet()) {
            o.append(f ? "\n    " : ",\n    ").append(quote(e.getKey())).append(": ").append(number(e.getValue()));
            f = false;
        }
        o.append(f ? "}" : "\n  }");
        return this;
    }

    /** @return the document, ending with a line break */
    public String build() {
        return b + "\n}\n";
    }

    private StringBuilder key(String key) {
        b.append(first ? "\n  " : ",\n  ").append(quote(key)).append(": ");
        first = false;
        return b;
    }

    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    /**
     * @param s any string
     * @return it as a JSON string literal
     */
    public static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }

    /**
     * @param t a local time
     * @return it as result.json writes times: ISO-8601 with offset, to the millisecond
     */
    public static String stamp(LocalDateTime t) {
        return t.truncatedTo(ChronoUnit.MILLIS).atZone(ZoneId.systemDefault()).toOffsetDateTime().toString();
    }

    /**
     * @param runFolder a run folder
     * @return the text of its result.json, or empty when it has none
     * @throws IOException if it cannot be read
     */
    public static String read(Path runFolder) throws IOException {
        Path file = runFolder.resolve(RunFileNames.RESULT);
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    /**
     * @param json a result.json's text
     * @return its status ({@code CONVERGED}), or {@code null} when it has none
     */
    public static String status(String json) {
        Matcher m = STATUS.matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /**
     * @param json a result.json's text
     * @return its step count, or -1 when it has none
     */
    public static long steps(String json) {
        Matcher m = STEPS.matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /**
     * @param json a result.json's text
     * @return its loss; NaN when it has none or {@code null}
     */
    public static double loss(String json) {
        Matcher m = LOSS.matcher(json);
        return m.find() && !m.group(1).equals("null") ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /**
     * @param json a result.json's text
     * @return its message, unquoted, or empty when it has none
     */
    public static String message(String json) {
        Matcher m = MESSAGE.matcher(json);
        return m.find() ? m.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : "";
    }
}

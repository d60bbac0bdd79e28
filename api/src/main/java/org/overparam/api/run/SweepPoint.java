package org.overparam.api.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One run of a {@link Sweep}.
 *
 * @param index the run's position in the sweep, from 1
 * @param key the run's deterministic key: {@link #key(String)} of {@code spec.text()}; the same
 *     resolved experiment always has the same key, whatever sweep it belongs to; a run folder belongs
 *     to this point when the SHA-256 of its {@code spec.yaml} is this key
 * @param values the swept keys' values at this point, as text, in axis order, e.g.
 *     {@code {architecture.width=256, seed=1}}
 * @param spec the resolved, validated and pinned run
 */
public record SweepPoint(int index, String key, Map<String, String> values, RunSpec spec) {
    /** Checks the fields and copies the values, keeping their order. */
    public SweepPoint {
        if (index < 1) {
            throw new IllegalArgumentException("index " + index + " is below 1");
        }
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(spec, "spec");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * @param resolvedText a run's resolved spec text ({@link RunSpec#text()})
     * @return the lower-case hexadecimal SHA-256 of its UTF-8 bytes (64 digits)
     */
    public static String key(String resolvedText) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(resolvedText.getBytes(StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder(64);
            for (byte x : hash) {
                b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
            }
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}

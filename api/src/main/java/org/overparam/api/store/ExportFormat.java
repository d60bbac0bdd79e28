package org.overparam.api.store;

/** The formats a {@link RunStore} exports to. */
public enum ExportFormat {
    /** Comma-separated values with a header line (RFC 4180 quoting), UTF-8, numbers exact. */
    CSV,
    /** JSON (RFC 8259); NaN and the infinities, which JSON cannot hold, become {@code null}. */
    JSON
}

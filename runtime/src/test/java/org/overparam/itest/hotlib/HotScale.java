package org.overparam.itest.hotlib;

/**
 * A test library bundle's exported class, packed by the hot-swap tests: a plugin wired to it keeps the
 * revision it resolved against until a refresh, which is what {@code stale} reports.
 */
public final class HotScale {
    private HotScale() {
    }

    /** @return the factor the plugin multiplies its learning rate by */
    public static double factor() {
        return 1.0;
    }
}

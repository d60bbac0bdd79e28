package org.overparam.nn.internal;

/** Dotted names of layers and blocks, PyTorch's {@code nn.Sequential} style ({@code 2.weight}). */
final class Names {
    private Names() {
    }

    /**
     * @param prefix a layer's name, possibly empty
     * @param part the child part
     * @return {@code prefix.part} or {@code part}
     */
    static String join(String prefix, String part) {
        return prefix == null || prefix.isEmpty() ? part : prefix + "." + part;
    }
}

package org.overparam.plugin.fc.internal;

/**
 * A hyper-dual number {@code a + b e1 + c e2 + d e1 e2} with {@code e1^2 = e2^2 = 0} (Fike and
 * Alonso, AIAA 2011-886): evaluating F at {@code w + e1 u + e2 v} gives {@code u^T H v} exactly in
 * the {@code e1 e2} part, with no truncation error. Test-only reference arithmetic.
 */
record HyperDual(double a, double b, double c, double d) {
    static final HyperDual ZERO = new HyperDual(0, 0, 0, 0);

    static HyperDual constant(double a) {
        return new HyperDual(a, 0, 0, 0);
    }

    HyperDual plus(HyperDual o) {
        return new HyperDual(a + o.a, b + o.b, c + o.c, d + o.d);
    }

    HyperDual minus(HyperDual o) {
        return new HyperDual(a - o.a, b - o.b, c - o.c, d - o.d);
    }

    HyperDual times(HyperDual o) {
        return new HyperDual(a * o.a, a * o.b + b * o.a, a * o.c + c * o.a, a * o.d + b * o.c + c * o.b + d * o.a);
    }

    HyperDual times(double s) {
        return new HyperDual(a * s, b * s, c * s, d * s);
    }

    /** @return f(this) for a function with value f0, first derivative f1, second f2 at a */
    HyperDual apply(double f0, double f1, double f2) {
        return new HyperDual(f0, f1 * b, f1 * c, f1 * d + f2 * b * c);
    }

    HyperDual exp() {
        double e = Math.exp(a);
        return apply(e, e, e);
    }

    HyperDual log() {
        return apply(Math.log(a), 1 / a, -1 / (a * a));
    }

    HyperDual activate(org.overparam.nn.Nonlinearity s) {
        return apply(s.value(a), s.first(a), s.second(a));
    }
}

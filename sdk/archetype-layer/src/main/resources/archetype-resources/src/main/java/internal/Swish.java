package ${package}.internal;

import org.overparam.nn.Nonlinearity;

/**
 * {@code phi(z) = z s(beta z)}, {@code s} the logistic sigmoid, with its first and second derivatives (the
 * R-operator needs {@code phi''}). With {@code t = s(beta z)}: {@code phi' = t + beta z t (1 - t)} and
 * {@code phi'' = beta t (1 - t) (2 + beta z (1 - 2 t))}. The Gaussian expectations of the kernel map are
 * {@link Nonlinearity}'s default quadrature.
 *
 * @param beta the slope of the gate, above 0
 */
record Swish(double beta) implements Nonlinearity {
    @Override
    public String key() {
        return "${layerName}";
    }

    private double gate(double z) {
        return 1 / (1 + Math.exp(-beta * z));
    }

    @Override
    public double value(double z) {
        return z * gate(z);
    }

    @Override
    public double first(double z) {
        double t = gate(z);
        return t + beta * z * t * (1 - t);
    }

    @Override
    public double second(double z) {
        double t = gate(z);
        return beta * t * (1 - t) * (2 + beta * z * (1 - 2 * t));
    }
}

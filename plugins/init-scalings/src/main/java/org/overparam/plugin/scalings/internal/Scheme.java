package org.overparam.plugin.scalings.internal;

import org.overparam.api.InvalidInputException;

/**
 * The named per-layer parameterizations a user can choose ({@code ntk}, {@code standard},
 * {@code mean-field}), each a {@link BlockRule} for a block whose effective weights have variance
 * {@code c / fanIn} at {@code c}-scale. In Yang and Hu's abc-parameterization (arXiv 2011.14522),
 * with {@code W = fanIn^(-a) w}, {@code w ~ N(0, fanIn^(-2b))}:
 * <ul>
 * <li>{@code ntk}: a = 1/2, b = 0 (raw N(0, 1), multiplier {@code sqrt(c / fanIn)});</li>
 * <li>{@code standard}: a = 0, b = 1/2 (raw N(0, c / fanIn), multiplier 1);</li>
 * <li>{@code mean-field}: a = 1, b = 0 (raw N(0, 1), multiplier {@code sqrt(c) / fanIn}).</li>
 * </ul>
 * On the output layer of a one-hidden-layer net, mean-field gives
 * {@code f(x) = (sqrt(c) / m) sum_j a_j sigma(...)}: the {@code 1/N} average of Mei, Montanari and
 * Nguyen (arXiv 1804.06561) instead of NTK's {@code 1/sqrt(m)}.
 */
enum Scheme {
    /** NTK: raw N(0, 1), multiplier {@code sqrt(c / fanIn)}. */
    NTK("ntk"),
    /** Standard: raw N(0, c / fanIn), multiplier 1. */
    STANDARD("standard"),
    /** Mean-field: raw N(0, 1), multiplier {@code sqrt(c) / fanIn}. */
    MEAN_FIELD("mean-field");

    /** The names users write, in declaration order. */
    static final String[] NAMES = {"ntk", "standard", "mean-field"};

    private final String key;

    Scheme(String key) {
        this.key = key;
    }

    /** @return the name users write */
    String key() {
        return key;
    }

    /**
     * @param where the parameter naming the scheme, for errors
     * @param name {@code ntk}, {@code standard} or {@code mean-field}
     * @return the scheme
     * @throws InvalidInputException naming {@code where} for any other name
     */
    static Scheme of(String where, String name) {
        for (Scheme s : values()) {
            if (s.key.equals(name)) {
                return s;
            }
        }
        throw new InvalidInputException(where, "unknown parameterization '" + name + "'; choose ntk, standard or mean-field");
    }

    /**
     * @param c the effective variance times fan-in (at least 0; above 0 for ntk and mean-field,
     *     whose multiplier would otherwise be 0)
     * @param param the parameter holding c, for errors
     * @return this scheme's rule at that scale
     * @throws InvalidInputException naming {@code param} if c is out of range
     */
    BlockRule rule(double c, String param) {
        return switch (this) {
            case NTK -> BlockRule.ntk(Parameterization.checked(param, c, true));
            case STANDARD -> BlockRule.standard(Parameterization.checked(param, c, false));
            case MEAN_FIELD -> BlockRule.meanField(Parameterization.checked(param, c, true));
        };
    }
}

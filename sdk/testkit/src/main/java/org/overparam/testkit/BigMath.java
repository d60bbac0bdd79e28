package org.overparam.testkit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Elementary functions in {@link BigDecimal} for high-precision reference implementations of layers
 * ({@link HighPrecisionChecks}): exp by halving and Taylor's series, log by Newton's method on exp,
 * tanh, softplus and erf (Abramowitz and Stegun 7.1.6, a series of positive terms). Each is accurate
 * to about the context's precision for arguments of moderate size (|x| below 50).
 */
public final class BigMath {
    /** Pi to 110 digits. */
    public static final BigDecimal PI = new BigDecimal("3.14159265358979323846264338327950288419716939937510"
            + "58209749445923078164062862089986280348253421170679821480865132823066470938446");

    private BigMath() {
    }

    private static MathContext wider(MathContext mc) {
        return new MathContext(mc.getPrecision() + 20, RoundingMode.HALF_EVEN);
    }

    /** @return e^x */
    public static BigDecimal exp(BigDecimal x, MathContext mc) {
        MathContext w = wider(mc);
        int halvings = Math.max(0, (int) Math.ceil(Math.log(Math.abs(x.doubleValue()) + 1e-300) / Math.log(2)) + 8);
        BigDecimal r = x.divide(BigDecimal.valueOf(2).pow(halvings), w);
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(w.getPrecision() + 2);
        for (int k = 1; k < 1000 && term.abs().compareTo(eps) > 0; k++) {
            term = term.multiply(r, w).divide(BigDecimal.valueOf(k), w);
            sum = sum.add(term, w);
        }
        for (int i = 0; i < halvings; i++) {
            sum = sum.multiply(sum, w);
        }
        return sum.round(mc);
    }

    /** @return the natural logarithm of a positive x */
    public static BigDecimal log(BigDecimal x, MathContext mc) {
        MathContext w = wider(mc);
        BigDecimal z = new BigDecimal(Math.log(x.doubleValue()));
        for (int i = 0; i < 8; i++) {
            BigDecimal e = exp(z, w);
            z = z.add(BigDecimal.valueOf(2).multiply(x.subtract(e, w), w).divide(x.add(e, w), w), w);
        }
        return z.round(mc);
    }

    /** @return tanh(x) */
    public static BigDecimal tanh(BigDecimal x, MathContext mc) {
        MathContext w = wider(mc);
        BigDecimal e = exp(x.multiply(BigDecimal.valueOf(2)), w);
        return e.subtract(BigDecimal.ONE).divide(e.add(BigDecimal.ONE), mc);
    }

    /** @return log(1 + e^x) */
    public static BigDecimal softplus(BigDecimal x, MathContext mc) {
        MathContext w = wider(mc);
        return log(BigDecimal.ONE.add(exp(x, w)), mc);
    }

    /** @return erf(x) */
    public static BigDecimal erf(BigDecimal x, MathContext mc) {
        MathContext w = wider(mc);
        BigDecimal x2 = x.multiply(x, w).multiply(BigDecimal.valueOf(2));
        BigDecimal term = x;
        BigDecimal sum = x;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(w.getPrecision() + 2);
        for (int n = 1; n < 5000 && term.abs().compareTo(eps) > 0; n++) {
            term = term.multiply(x2, w).divide(BigDecimal.valueOf(2L * n + 1), w);
            sum = sum.add(term, w);
        }
        BigDecimal c = BigDecimal.valueOf(2).divide(PI.sqrt(w), w);
        return c.multiply(exp(x.multiply(x, w).negate(), w), w).multiply(sum, w).round(mc);
    }
}

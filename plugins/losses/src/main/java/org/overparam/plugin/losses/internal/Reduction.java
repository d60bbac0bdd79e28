package org.overparam.plugin.losses.internal;

import org.overparam.api.InvalidInputException;

/** How per-sample losses combine over a batch of n samples: their sum or their mean. */
enum Reduction {
    /** {@code sum_i loss_i}: the convention of arXiv 1811.03962 and 2107.01832. */
    SUM,
    /** {@code (1/n) sum_i loss_i}: the mean squared error of arXiv 2302.01002. */
    MEAN;

    /**
     * @param key {@code sum} or {@code mean}
     * @return the reduction
     * @throws InvalidInputException naming {@code reduction} for any other value
     */
    static Reduction of(String key) {
        return switch (key) {
            case "sum" -> SUM;
            case "mean" -> MEAN;
            default -> throw new InvalidInputException("reduction", "unknown reduction '" + key + "'; choose sum or mean");
        };
    }
}

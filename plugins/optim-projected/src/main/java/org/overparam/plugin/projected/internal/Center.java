package org.overparam.plugin.projected.internal;

import org.overparam.api.InvalidInputException;
import org.overparam.api.Params;

/** Where a constraint set is centred: the run's reference point (its initialization) or the origin. */
enum Center {
    /** The run's reference point, its initialization. */
    INITIAL,
    /** The origin. */
    ZERO;

    /**
     * @param key {@code initial} or {@code zero}
     * @return the center
     * @throws InvalidInputException naming {@code center} for any other value
     */
    static Center of(String key) {
        return switch (key) {
            case "initial" -> INITIAL;
            case "zero" -> ZERO;
            default -> throw new InvalidInputException("center", "'" + key + "' is not initial or zero");
        };
    }

    /**
     * @param reference the run's reference point
     * @param block a block position
     * @param j an index in the block
     * @return the center's coordinate there
     */
    double at(Params reference, int block, int j) {
        return this == INITIAL ? reference.block(block)[j] : 0.0;
    }
}

package org.overparam.engine.internal.loop;

import java.util.List;
import java.util.function.Consumer;
import org.overparam.api.Params;

/**
 * Dykstra's alternating projection algorithm (Boyle and Dykstra 1986): the Euclidean projection of a
 * point onto an intersection of closed convex sets, given the projection onto each set. Unlike plain
 * alternating projections (which find some point of the intersection) it converges to the nearest
 * one. With x the iterate and one correction p_i per set, starting from x = the point and p_i = 0,
 * each round does, for i = 1..m: {@code y = x + p_i; x = P_i(y); p_i = y - x}. It stops when a round
 * moves x by at most {@code tolerance * |x|} or after {@code maxRounds} rounds.
 *
 * <p>Memory: one correction per set plus two work vectors, each of the point's layout.
 */
public final class Dykstra {
    /** The default relative change at which the rounds stop. */
    static final double TOLERANCE = 1e-12;
    /** The default bound on rounds. */
    static final int MAX_ROUNDS = 1000;

    private Dykstra() {
    }

    /**
     * @param point the point, replaced in place by its projection onto the intersection
     * @param projections each set's projection, acting in place
     * @param tolerance the relative change of a round at which to stop
     * @param maxRounds the most rounds to run, at least 1
     * @return the number of rounds run
     */
    static int project(Params point, List<Consumer<Params>> projections, double tolerance, int maxRounds) {
        int m = projections.size();
        if (m == 0) {
            return 0;
        }
        if (m == 1) {
            projections.get(0).accept(point);
            return 1;
        }
        Params[] corrections = new Params[m];
        for (int i = 0; i < m; i++) {
            corrections[i] = point.zerosLike();
        }
        Params y = point.zerosLike();
        Params previous = point.copy();
        for (int round = 1; round <= maxRounds; round++) {
            previous.set(point);
            for (int i = 0; i < m; i++) {
                y.set(point).axpy(1, corrections[i]);
                point.set(y);
                projections.get(i).accept(point);
                corrections[i].set(y).axpy(-1, point);
            }
            double change = previous.axpy(-1, point).norm();
            if (change <= tolerance * point.norm()) {
                return round;
            }
        }
        return maxRounds;
    }
}

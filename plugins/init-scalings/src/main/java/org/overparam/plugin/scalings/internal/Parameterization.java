package org.overparam.plugin.scalings.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockScale;
import org.overparam.api.BlockSpec;
import org.overparam.api.Initialization;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Layout;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Scaling;

/**
 * A parameterization as one {@link BlockRule} per block role, optionally overridden per weight
 * block: the single general initializer behind the named components. Each block draws from its own
 * stream {@code random.derive(blockName)}, so a block's values depend only on the run's seed and the
 * block's name: adding biases or another layer leaves the other blocks' values unchanged, and all
 * schemes draw the same standard normals (so NTK's and standard's effective weights coincide).
 * Blocks tied to another block are left at zero with multiplier 1: the engine overwrites them.
 *
 * @param input the rule of INPUT weights ({@code null} when {@code layers} is given)
 * @param hidden the rule of HIDDEN weights ({@code null} when {@code layers} is given)
 * @param output the rule of OUTPUT weights ({@code null} when {@code layers} is given)
 * @param bias the rule of BIAS vectors
 * @param layers one rule per weight block (every block but biases and tied blocks), in layout order,
 *     replacing the role rules; empty to use the roles
 */
record Parameterization(BlockRule input, BlockRule hidden, BlockRule output, BlockRule bias, List<BlockRule> layers) {

    /** Copies the list. */
    Parameterization {
        layers = List.copyOf(layers);
    }

    /**
     * @param input the rule of INPUT weights
     * @param hidden the rule of HIDDEN weights
     * @param output the rule of OUTPUT weights
     * @param bias the rule of BIAS vectors
     */
    Parameterization(BlockRule input, BlockRule hidden, BlockRule output, BlockRule bias) {
        this(input, hidden, output, bias, List.of());
    }

    /**
     * @param role a block role
     * @return its rule
     */
    BlockRule rule(BlockRole role) {
        return switch (role) {
            case INPUT -> input;
            case HIDDEN -> hidden;
            case OUTPUT -> output;
            case BIAS -> bias;
        };
    }

    /**
     * @param layout a layout
     * @return its weight blocks (not biases, not tied), in order
     */
    static List<BlockSpec> weightBlocks(Layout layout) {
        List<BlockSpec> w = new ArrayList<>();
        for (BlockSpec b : layout.blocks()) {
            if (b.role() != BlockRole.BIAS && b.tiedTo() == null) {
                w.add(b);
            }
        }
        return w;
    }

    /**
     * @param layout the model's blocks
     * @param random the initializer's stream for the run
     * @return raw values drawn by each block's rule, the rules' multipliers, nothing frozen
     * @throws InvalidInputException naming {@code layers} if it has not one rule per weight block
     */
    Initialization initialize(Layout layout, RandomStream random) {
        List<BlockSpec> weights = weightBlocks(layout);
        if (!layers.isEmpty() && layers.size() != weights.size()) {
            List<String> names = weights.stream().map(BlockSpec::name).toList();
            throw new InvalidInputException("layers", layers.size() + " entries for the " + weights.size()
                    + " weight blocks " + names + "; give one per weight block, in this order");
        }
        Params params = Params.zeros(layout);
        List<BlockScale> scales = new ArrayList<>(layout.count());
        int w = 0;
        for (int i = 0; i < layout.count(); i++) {
            BlockSpec b = layout.block(i);
            if (b.tiedTo() != null) {
                scales.add(BlockScale.ONE);
                continue;
            }
            BlockRule r = b.role() == BlockRole.BIAS || layers.isEmpty() ? rule(b.role()) : layers.get(w);
            if (b.role() != BlockRole.BIAS) {
                w++;
            }
            double std = r.rawStd(b.fanIn());
            if (std != 0) {
                random.derive(b.name()).fillGaussian(params.block(i), std);
            }
            double m = r.multiplier(b.fanIn());
            scales.add(m == 1.0 ? BlockScale.ONE : BlockScale.of(m));
        }
        return new Initialization(params, new Scaling(layout, scales), Set.of());
    }

    /**
     * @param name the parameter's name
     * @param value its value
     * @param positive whether 0 is refused too
     * @return the value
     * @throws InvalidInputException naming the parameter if the value is negative (or 0) or not finite
     */
    static double checked(String name, double value, boolean positive) {
        if (!Double.isFinite(value) || value < 0 || (positive && value == 0)) {
            throw new InvalidInputException(name, name + " " + value + " must be a finite number "
                    + (positive ? "above 0" : "at least 0"));
        }
        return value;
    }
}

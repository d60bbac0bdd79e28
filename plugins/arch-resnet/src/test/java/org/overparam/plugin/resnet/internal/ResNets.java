package org.overparam.plugin.resnet.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.overparam.api.Config;
import org.overparam.api.Model;
import org.overparam.api.Shape;

/** Network shapes for the resnet tests: dense and conv blocks, 1-D and 2-D, both heads, both train settings. */
final class ResNets {
    private ResNets() {
    }

    /**
     * One network.
     *
     * @param data the data's sample shape
     * @param block dense or conv
     * @param width m (dense) or channels (conv)
     * @param depth L
     * @param kernel the conv kernel
     * @param head the conv head
     * @param tau tau's text
     * @param train hidden or all
     * @param outputs k
     */
    record Case(Shape data, String block, int width, int depth, int kernel, String head, String tau, String train,
                int outputs) {
        Config config() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("block", block);
            m.put(block.equals("dense") ? "width" : "channels", (long) width);
            m.put("depth", (long) depth);
            m.put("kernel", (long) kernel);
            m.put("head", head);
            m.put("tau", tau);
            m.put("train", train);
            return Config.of(m);
        }

        Model model() {
            return new ResidualNet().build(config(), data, outputs);
        }

        /** @return tau as the plan reads {@link #tau()}: a number, 1/L or 1/sqrt(L) */
        double tauValue() {
            return ResNetPlan.of(config().as(ResidualNet.Settings.class), data, outputs).tau();
        }

        boolean dense() {
            return block.equals("dense");
        }

        @Override
        public String toString() {
            return block + " data " + data + " width " + width + " L=" + depth + (dense() ? "" : " k" + kernel + " " + head)
                    + " tau " + tau + " train " + train + " k=" + outputs;
        }
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(new Case(Shape.of(4), "dense", 5, 2, 3, "avgpool", "1/L", "all", 2));
        c.add(new Case(Shape.of(2, 3), "dense", 4, 3, 3, "avgpool", "0.3", "hidden", 1));
        c.add(new Case(Shape.of(2, 5, 4), "conv", 3, 2, 3, "avgpool", "1/sqrt(L)", "all", 2));
        c.add(new Case(Shape.of(2, 7), "conv", 3, 2, 3, "flatten", "0.7", "all", 1));
        c.add(new Case(Shape.of(6), "conv", 2, 1, 5, "flatten", "1/L", "hidden", 3));
        return c;
    }

    static List<Case> dense() {
        return cases().stream().filter(Case::dense).toList();
    }
}

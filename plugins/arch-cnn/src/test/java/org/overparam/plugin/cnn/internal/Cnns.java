package org.overparam.plugin.cnn.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.overparam.api.Config;
import org.overparam.api.Model;
import org.overparam.api.Shape;

/** Network shapes for the cnn tests: 1-D and 2-D, strides above 1, padding, both heads, biases. */
final class Cnns {
    private Cnns() {
    }

    /**
     * One network.
     *
     * @param data the data's sample shape
     * @param readAs the inputShape parameter (empty: the data's)
     * @param channels per layer
     * @param kernel per layer or one
     * @param stride per layer or one
     * @param padding per layer or one
     * @param head avgpool or flatten
     * @param bias whether layers have biases
     * @param outputs k
     */
    record Case(Shape data, int[] readAs, int[] channels, int[] kernel, int[] stride, int[] padding, String head,
                boolean bias, int outputs) {
        Config config() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("channels", list(channels));
            m.put("kernel", list(kernel));
            m.put("stride", list(stride));
            m.put("padding", list(padding));
            m.put("head", head);
            m.put("bias", bias);
            m.put("inputShape", list(readAs));
            return Config.of(m);
        }

        Model model() {
            return new ConvolutionalNet().build(config(), data, outputs);
        }

        /** @return the shape samples are read as: [c, h, w] with h = 1 for 1-D */
        int[] geometry() {
            int[] s = readAs.length > 0 ? readAs : data.rank() == 1 ? new int[] {1, data.dim(0)} : data.dims();
            return s.length == 3 ? s : new int[] {s[0], 1, s[1]};
        }

        boolean twoD() {
            return (readAs.length > 0 ? readAs.length : Math.max(2, data.rank())) == 3;
        }

        int at(int[] values, int l) {
            return values.length == 1 ? values[0] : values[l];
        }

        @Override
        public String toString() {
            return "data " + data + (readAs.length > 0 ? " as " + Arrays.toString(readAs) : "") + " channels "
                    + Arrays.toString(channels) + " k " + Arrays.toString(kernel) + " s " + Arrays.toString(stride)
                    + " p " + Arrays.toString(padding) + " " + head + (bias ? " bias" : "") + " k=" + outputs;
        }
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(new Case(Shape.of(3, 7, 6), new int[0], new int[] {4, 3}, new int[] {3}, new int[] {2, 1}, new int[] {1},
                "avgpool", false, 2));
        c.add(new Case(Shape.of(2, 9), new int[0], new int[] {3, 2}, new int[] {3, 2}, new int[] {1, 2},
                new int[] {0, 1}, "flatten", true, 3));
        c.add(new Case(Shape.of(8), new int[0], new int[] {3}, new int[] {5}, new int[] {2}, new int[] {2}, "flatten",
                false, 1));
        c.add(new Case(Shape.of(2, 5, 5), new int[0], new int[] {3, 3, 2}, new int[] {3, 2, 2}, new int[] {1, 2, 1},
                new int[] {1, 0, 1}, "flatten", true, 2));
        c.add(new Case(Shape.of(12), new int[] {3, 2, 2}, new int[] {2}, new int[] {2}, new int[] {1}, new int[] {0},
                "avgpool", true, 1));
        return c;
    }

    private static List<Long> list(int[] values) {
        List<Long> l = new ArrayList<>();
        for (int v : values) {
            l.add((long) v);
        }
        return l;
    }
}

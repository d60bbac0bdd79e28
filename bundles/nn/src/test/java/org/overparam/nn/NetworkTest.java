package org.overparam.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockSpec;
import org.overparam.api.Shape;

/** Layouts, roles and fan-ins of composed networks, and the messages of compositions that do not fit. */
class NetworkTest {

    @Test
    void blocksAreNamedByPositionWithRolesAndFanIns() {
        Network net = Network.of(Shape.of(4), Layers.dense(3).withBias(0.1), Layers.relu(), Layers.dense(5),
                Layers.relu(), Layers.dense(2));
        List<BlockSpec> b = net.layout().blocks();
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "4.weight"), net.layout().names());
        assertEquals(List.of(BlockRole.INPUT, BlockRole.BIAS, BlockRole.HIDDEN, BlockRole.OUTPUT),
                b.stream().map(BlockSpec::role).toList());
        assertEquals(List.of(4, 1, 3, 5), b.stream().map(BlockSpec::fanIn).toList());
        assertEquals(Shape.of(5, 3), b.get(2).shape());
        assertEquals(2, net.outputSize());
        Block conv = Layers.conv2d(6, 3, 2).bind(Shape.of(4, 8, 8), "c").blocks().get(0);
        assertEquals(Shape.of(6, 4, 3, 2), conv.shape());
        assertEquals(24, conv.fanIn());
        assertEquals(36, conv.fanOut());
    }

    @Test
    void aGivenMemoryEstimateReplacesTheDenseDefaultAndKeepsTheLayout() {
        Network net = Network.of(Shape.of(4), Layers.dense(3), Layers.relu(), Layers.dense(2));
        assertEquals(10 * (2 * (3 + 2) + 3 * 3), net.forwardValues(10), "the dense default: 2 out per layer, 3 widest");
        Network counted = net.withForwardValues(n -> 7 * n);
        assertEquals(70, counted.forwardValues(10));
        assertEquals(net.layout(), counted.layout());
    }

    @Test
    void frozenBlocksAreUntrainableAndReshapeHasNoKernelMap() {
        Network net = Network.of(Shape.of(6), Layers.reshape(2, 3), Layers.flatten(),
                Layers.frozen(Layers.dense(4).withBias(0.1)), Layers.relu(), Layers.dense(1));
        assertEquals(List.of(false, false, true), net.layout().blocks().stream().map(BlockSpec::trainable).toList());
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> net.kernels(1, new double[6], Parameterization.NTK));
        assertEquals("layer 0 has no infinite-width kernel map", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Network.of(Shape.of(6), Layers.reshape(4), Layers.dense(1)));
    }

    @Test
    void gatedCopiesAreTiedUntrainableAndTakeTheirSourcesRoles() {
        Network net = Network.of(Shape.of(3), Layers.gated(Layers.dense(4).named("W1", null), Layers.relu(),
                Layers.dense(4).named("W2", null), Layers.relu(), Layers.dense(2).named("W_out", null)));
        assertEquals(List.of("W1", "W2", "W_out", "gate.W1", "gate.W2"), net.layout().names());
        BlockSpec g = net.layout().block(3);
        assertEquals("W1", g.tiedTo());
        assertFalse(g.trainable());
        assertEquals(BlockRole.INPUT, g.role());
        assertEquals(BlockRole.HIDDEN, net.layout().block(4).role());
    }

    @Test
    void shapeErrorsNameTheLayerAndTheShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Network.of(Shape.of(2, 3), Layers.dense(4)));
        assertTrue(e.getMessage().contains("layer 0 (input 2x3)") && e.getMessage().contains("flatten"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Network.of(Shape.of(4), Layers.dense(3),
                Layers.parallel(FanIn.SUM, Layers.dense(2), Layers.dense(3))));
        assertTrue(e.getMessage().contains("layer 1 (input 3)") && e.getMessage().contains("branch 1 gives shape 3"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Network.of(Shape.of(2, 5), Layers.conv1d(3, 2)));
        assertTrue(e.getMessage().contains("3x4") && e.getMessage().contains("vector"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Network.of(Shape.of(2, 3), Layers.conv1d(3, 4)));
        assertTrue(e.getMessage().contains("layer 0") && e.getMessage().contains("kernel 4"), e.getMessage());
    }

    @Test
    void aLayerWithoutKernelMapIsNamed() {
        Network net = Network.of(Shape.of(3), Layers.dense(4), Layers.relu(),
                Layers.gated(Layers.dense(4), Layers.relu(), Layers.dense(1)));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> net.kernels(2, new double[6], Parameterization.NTK));
        assertEquals("layer 2 has no infinite-width kernel map", e.getMessage());
    }

    @Test
    void inputKernelsAreChannelMeansPerPositionPair() {
        double[] x = {1, 2, 3, 4, 5, 6, -1, 0, 2, 1, 1, -2};
        Kernels k = Kernels.ofInputs(Shape.of(2, 3), 2, x);
        assertEquals(6, k.side());
        // sample 0 position 1 against sample 1 position 2: (x0[0,1] x1[0,2] + x0[1,1] x1[1,2]) / 2
        assertEquals((2 * 2 + 5 * -2) / 2.0, k.nngp()[1 * 6 + 3 + 2], 1e-15);
        assertArrayEquals(new double[36], k.ntk());
    }
}

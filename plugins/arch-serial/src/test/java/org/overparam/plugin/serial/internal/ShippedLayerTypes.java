package org.overparam.plugin.serial.internal;

import java.util.List;
import org.overparam.nn.LayerType;

/** The shipped layer types as Declarative Services registers them, for tests outside a container. */
final class ShippedLayerTypes {
    private ShippedLayerTypes() {
    }

    static List<LayerType> all() {
        return List.of(new DenseType(), new ConvType(), new AvgPoolType(), new GlobalAvgPoolType(), new FlattenType(),
                new ReshapeType(), new IdentityType(), new ScaleType(), new ReluType(), new TanhType(), new ErfType(),
                new SoftplusType(), new SerialType(), new ParallelType(), new ResidualType(), new GatedType(),
                new FrozenType());
    }

    static SerialArchitecture architecture() {
        return new SerialArchitecture(all());
    }
}

package org.overparam.engine.internal;

import org.osgi.framework.Version;
import org.overparam.api.Component;
import org.overparam.api.ComponentKind;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ParamSpec;
import org.overparam.engine.internal.registry.ComponentTable;

/** Builds a {@link ComponentTable} (the registry without OSGi) from component objects. */
final class TestRegistry {
    private static final java.util.concurrent.atomic.AtomicLong NEXT_ID = new java.util.concurrent.atomic.AtomicLong(1);
    private final ComponentTable table;
    private long lastId;

    /** @param table the table to fill */
    TestRegistry(ComponentTable table) {
        this.table = table;
    }

    /** @return a registry holding the fake components, without start-up grace */
    static ComponentTable standard() {
        TestRegistry r = new TestRegistry(ComponentTable.withoutGrace());
        r.add(ComponentKind.DATASET, "tiny", new FakeComponents.Tiny())
                .add(ComponentKind.ARCHITECTURE, "linear", new LinearArchitecture())
                .add(ComponentKind.INITIALIZER, "gauss", new FakeComponents.Gauss())
                .add(ComponentKind.LOSS, "squared", new FakeComponents.Squared())
                .add(ComponentKind.OPTIMIZER, "gd", new FakeComponents.Gd())
                .add(ComponentKind.SCHEDULE, "constant", new FakeComponents.Constant())
                .add(ComponentKind.ANALYZER, "probe", new ExtraFakes.Probe())
                .add(ComponentKind.CONSTRAINT, "ball", new ExtraFakes.Ball());
        return r.table;
    }

    /**
     * @param kind its kind
     * @param name its name
     * @param c the component
     * @return this
     */
    TestRegistry add(ComponentKind kind, String name, Component c) {
        return add(kind, name, c, 0, "1.0.0");
    }

    /**
     * @param kind its kind
     * @param name its name
     * @param c the component
     * @param ranking its service ranking
     * @param version its bundle's version
     * @return this
     */
    TestRegistry add(ComponentKind kind, String name, Component c, int ranking, String version) {
        ComponentInfo info = new ComponentInfo(kind, name, name + " (test)", ParamSpec.of(c.configType()),
                "test.bundle." + name, version);
        lastId = NEXT_ID.getAndIncrement();
        table.put(new ComponentTable.Entry(info, ranking, Version.parseVersion(version), lastId, c));
        return this;
    }

    /** @return the service id given to the last component added (ids are unique across tables) */
    long lastId() {
        return lastId;
    }

    /** @return the table */
    ComponentTable table() {
        return table;
    }
}

package org.overparam.engine.internal.registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.overparam.api.Component;
import org.overparam.api.ComponentKind;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.ParamSpec;

/**
 * The container's {@link ComponentRegistry}: one {@link ServiceTracker} per {@link ComponentKind},
 * opened on activation and closed on deactivation, feeding a {@link ComponentTable}. A service
 * without a {@link Component#NAME} property, or whose {@code configType()} fails, is ignored.
 *
 * <p>Configuration (component property {@code startupGraceMillis}, default 15000): how long after
 * activation {@link #require} waits for a component that is not there yet.
 */
@org.osgi.service.component.annotations.Component(service = ComponentRegistry.class, immediate = true)
public final class TrackingRegistry implements ComponentRegistry {
    /** The registry's configuration. */
    public @interface Config {
        /** @return milliseconds after activation during which lookups wait for missing components */
        long startupGraceMillis() default 15_000;
    }

    private final ComponentTable table;
    private final List<ServiceTracker<Component, Component>> trackers = new ArrayList<>();

    /**
     * Starts tracking every kind of component.
     *
     * @param context this bundle's context
     * @param config the configuration
     */
    @Activate
    public TrackingRegistry(BundleContext context, Config config) {
        long now = System.nanoTime();
        table = new ComponentTable(System::nanoTime, now + Math.max(0, config.startupGraceMillis()) * 1_000_000L);
        for (ComponentKind kind : ComponentKind.values()) {
            ServiceTracker<Component, Component> t =
                    new ServiceTracker<>(context, kind.service().getName(), new Customizer(context, kind));
            t.open();
            trackers.add(t);
        }
    }

    /** Stops tracking; the table forgets every service. */
    @Deactivate
    public void deactivate() {
        for (ServiceTracker<Component, Component> t : trackers) {
            t.close();
        }
        trackers.clear();
    }

    @Override
    public List<ComponentInfo> list() {
        return table.list();
    }

    @Override
    public List<ComponentInfo> list(ComponentKind kind) {
        return table.list(kind);
    }

    @Override
    public Optional<ComponentInfo> find(ComponentKind kind, String name) {
        return table.find(kind, name);
    }

    @Override
    public ComponentInfo require(ComponentKind kind, String name, String where) {
        return table.require(kind, name, where);
    }

    @Override
    public <T extends Component> Optional<T> service(ComponentKind kind, String name, Class<T> type) {
        return table.service(kind, name, type);
    }

    @Override
    public Optional<Path> bundleFile(ComponentKind kind, String name) {
        return table.bundleFile(kind, name);
    }

    /** Turns service events of one kind into table entries. */
    private final class Customizer implements ServiceTrackerCustomizer<Component, Component> {
        private final BundleContext context;
        private final ComponentKind kind;

        Customizer(BundleContext context, ComponentKind kind) {
            this.context = context;
            this.kind = kind;
        }

        @Override
        public Component addingService(ServiceReference<Component> ref) {
            Component service = context.getService(ref);
            if (service == null) {
                return null;
            }
            ComponentTable.Entry e = entry(ref, service);
            if (e == null) {
                context.ungetService(ref);
                return null;
            }
            table.put(e);
            return service;
        }

        @Override
        public void modifiedService(ServiceReference<Component> ref, Component service) {
            ComponentTable.Entry e = entry(ref, service);
            if (e == null) {
                table.remove(serviceId(ref));
            } else {
                table.put(e);
            }
        }

        @Override
        public void removedService(ServiceReference<Component> ref, Component service) {
            table.remove(serviceId(ref));
            context.ungetService(ref);
        }

        private ComponentTable.Entry entry(ServiceReference<Component> ref, Component service) {
            if (!(ref.getProperty(Component.NAME) instanceof String name) || name.isBlank()
                    || !kind.service().isInstance(service)) {
                return null;
            }
            List<ParamSpec> params;
            try {
                params = ParamSpec.of(service.configType());
            } catch (RuntimeException | LinkageError e) {
                return null;
            }
            Bundle bundle = ref.getBundle();
            if (bundle == null) {
                return null;
            }
            Object d = ref.getProperty(Component.DESCRIPTION);
            Object r = ref.getProperty(Constants.SERVICE_RANKING);
            ComponentInfo info = new ComponentInfo(kind, name, d == null ? "" : d.toString(), params,
                    bundle.getSymbolicName(), bundle.getVersion().toString());
            return new ComponentTable.Entry(info, r instanceof Integer i ? i : 0, bundle.getVersion(),
                    serviceId(ref), service, bundle.getLocation());
        }

        private long serviceId(ServiceReference<Component> ref) {
            return (Long) ref.getProperty(Constants.SERVICE_ID);
        }
    }
}

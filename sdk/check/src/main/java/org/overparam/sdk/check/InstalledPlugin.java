package org.overparam.sdk.check;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.osgi.framework.Bundle;

/**
 * A plugin jar installed and started by {@link PluginChecks#install}: its bundle, its components,
 * and weak references to the class loader of every revision it has had (one per install or
 * update), which the unload check expects to be collected once the bundle is uninstalled and
 * refreshed. It holds no strong reference to any class of the plugin.
 */
public final class InstalledPlugin {
    private final Bundle bundle;
    private final Path jar;
    private final List<PluginComponent> components;
    private final String beside;
    private final List<WeakReference<ClassLoader>> loaders = new ArrayList<>();

    InstalledPlugin(Bundle bundle, Path jar, List<PluginComponent> components, String beside) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.jar = jar;
        this.components = List.copyOf(components);
        this.beside = beside;
    }

    /**
     * @return how it was installed beside an installed bundle of the same name (see {@link SideBySide}),
     *     e.g. {@code beside the installed org.example.adam 1.0.0 (bundle 12, left as it is), as version
     *     1.0.0.verify}; empty when no such bundle was installed
     */
    public String beside() {
        return beside;
    }

    /** @return the bundle (uninstalled after the unload check) */
    public Bundle bundle() {
        return bundle;
    }

    /** @return the jar it was installed from (a copy, when installed {@link #beside()} another) */
    public Path jar() {
        return jar;
    }

    /** @return its Overparam components, as its descriptors declare them */
    public List<PluginComponent> components() {
        return components;
    }

    /** @return e.g. {@code org.example.adagrad 1.0.0.SNAPSHOT} */
    public String identity() {
        return bundle.getSymbolicName() + " " + bundle.getVersion();
    }

    /**
     * Loads an implementation class of the current revision and remembers its class loader weakly.
     *
     * @return whether a class could be loaded
     */
    synchronized boolean rememberLoader() {
        for (PluginComponent c : components) {
            try {
                ClassLoader loader = bundle.loadClass(c.implementation()).getClassLoader();
                for (WeakReference<ClassLoader> r : loaders) {
                    if (r.get() == loader) {
                        return true;
                    }
                }
                loaders.add(new WeakReference<>(loader));
                return true;
            } catch (ClassNotFoundException | IllegalStateException e) {
                continue;
            }
        }
        return false;
    }

    /** @return how many remembered class loaders, the current revision's excepted, are still reachable */
    synchronized int reachableOldLoaders() {
        ClassLoader current = currentLoader();
        int n = 0;
        for (WeakReference<ClassLoader> r : loaders) {
            ClassLoader l = r.get();
            if (l != null && l != current) {
                n++;
            }
        }
        return n;
    }

    private ClassLoader currentLoader() {
        for (PluginComponent c : components) {
            try {
                return bundle.loadClass(c.implementation()).getClassLoader();
            } catch (ClassNotFoundException | IllegalStateException e) {
                continue;
            }
        }
        return null;
    }

    /** @return how many remembered class loaders are still reachable */
    synchronized int reachableLoaders() {
        int n = 0;
        for (WeakReference<ClassLoader> r : loaders) {
            if (r.get() != null) {
                n++;
            }
        }
        return n;
    }

    /** @return how many class loaders were remembered */
    synchronized int rememberedLoaders() {
        return loaders.size();
    }

    @Override
    public String toString() {
        return identity() + " " + components;
    }
}

package org.overparam.launcher;

import java.util.Hashtable;
import java.util.function.Function;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Test bundle's activator: registers a command line service exactly as the shell bundle does
 * ({@code java.util.function.Function} with {@code overparam.cli=true}). It answers
 * {@code 40 + args.length} when the first argument is {@code probe}, 3 otherwise, and prints
 * nothing. {@link CliContractIT} packs this class alone into a bundle jar.
 */
public final class FakeCli implements BundleActivator, Function<String[], Integer> {
    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("overparam.cli", Boolean.TRUE);
        context.registerService(Function.class, this, properties);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }

    @Override
    public Integer apply(String[] args) {
        return args.length > 0 && "probe".equals(args[0]) ? 40 + args.length : 3;
    }
}

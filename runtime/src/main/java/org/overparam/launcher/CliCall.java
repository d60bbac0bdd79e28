package org.overparam.launcher;

import java.util.Arrays;
import java.util.Collections;
import java.util.function.Function;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/**
 * The launcher's side of the command line contract. A bundle (the shell) registers a service
 * under {@value #OBJECT_CLASS} with the property {@value #PROPERTY}{@code =true}; it takes the
 * arguments as a {@code String[]}, prints to {@code System.out}/{@code System.err} itself and
 * returns an {@code Integer} exit code. Only JDK types cross the framework boundary.
 *
 * <p>Waiting: up to {@link #WAIT_MS} ms while some active or starting bundle declares such a
 * service in its {@code Provide-Capability: osgi.service} header (bnd writes it for every DS
 * component); if none does, there is nothing to wait for and the call fails after
 * {@link #NO_PROVIDER_MS} ms. A service that is registered but cannot be obtained (its DS
 * component failed to activate) fails the call at once.
 */
public final class CliCall {
    /** The service's object class. */
    public static final String OBJECT_CLASS = "java.util.function.Function";
    /** The service property that marks the command line. */
    public static final String PROPERTY = "overparam.cli";
    /** The filter the launcher looks the service up with. */
    public static final String FILTER = filter(PROPERTY);
    /** The service property of the dashboard's serve function ({@code overparam serve}). */
    public static final String SERVE_PROPERTY = "overparam.serve";
    /** How long to wait for the service while a bundle that declares it is active. */
    public static final long WAIT_MS = 30_000;
    /** How long to wait when no bundle declares the service. */
    public static final long NO_PROVIDER_MS = 500;
    private static final long POLL_MS = 50;

    private CliCall() {
    }

    /**
     * @param context the system bundle's context
     * @param args the command and its arguments
     * @return the exit code the command line returned
     * @throws LaunchException (exit code 1) if the service does not appear or fails
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public static int run(BundleContext context, String[] args) throws LaunchException, InterruptedException {
        return run(context, args, PROPERTY);
    }

    /**
     * The same contract for another function: the service carries {@code property=true} instead of
     * {@value #PROPERTY}, e.g. {@value #SERVE_PROPERTY} for {@code overparam serve}.
     *
     * @param context the system bundle's context
     * @param args the arguments
     * @param property the service property that marks the function
     * @return the exit code the function returned
     * @throws LaunchException (exit code 1) if the service does not appear or fails
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public static int run(BundleContext context, String[] args, String property)
            throws LaunchException, InterruptedException {
        ServiceReference<?> reference = await(context, property);
        Object service = context.getService(reference);
        try {
            if (!(service instanceof Function)) {
                throw new LaunchException("the CLI service is registered but could not be activated"
                        + " (see the errors above; run with --verbose for more)", 1);
            }
            @SuppressWarnings("unchecked")
            Function<Object, Object> cli = (Function<Object, Object>) service;
            return exitCode(invoke(cli, args));
        } finally {
            if (service != null) {
                context.ungetService(reference);
            }
        }
    }

    private static String filter(String property) {
        return "(&(objectClass=" + OBJECT_CLASS + ")(" + property + "=true))";
    }

    private static ServiceReference<?> await(BundleContext context, String property)
            throws LaunchException, InterruptedException {
        long start = System.currentTimeMillis();
        while (true) {
            ServiceReference<?>[] found = references(context, filter(property));
            if (found.length > 0) {
                return Collections.max(Arrays.asList(found)); // highest ranking, then oldest
            }
            long waited = System.currentTimeMillis() - start;
            if (waited >= NO_PROVIDER_MS && !declared(context)) {
                throw new LaunchException("CLI service not available: no active bundle provides "
                        + OBJECT_CLASS + " with " + property + "=true", 1);
            }
            if (waited >= WAIT_MS) {
                throw new LaunchException("CLI service not available: " + OBJECT_CLASS + " with "
                        + property + "=true did not appear within " + WAIT_MS / 1000 + " s"
                        + " (run with --verbose, or try 'overparam shell' and 'scr:list')", 1);
            }
            Thread.sleep(POLL_MS);
        }
    }

    private static ServiceReference<?>[] references(BundleContext context, String filter) {
        try {
            ServiceReference<?>[] found = context.getServiceReferences((String) null, filter);
            return found == null ? new ServiceReference<?>[0] : found;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("bad filter " + filter, e);
        }
    }

    private static boolean declared(BundleContext context) {
        for (Bundle bundle : context.getBundles()) {
            if ((bundle.getState() & (Bundle.ACTIVE | Bundle.STARTING)) == 0) {
                continue;
            }
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            if (revision == null) {
                continue;
            }
            for (BundleCapability capability : revision.getDeclaredCapabilities("osgi.service")) {
                Object classes = capability.getAttributes().get("objectClass");
                if (classes instanceof Iterable<?> names) {
                    for (Object name : names) {
                        if (OBJECT_CLASS.equals(name)) {
                            return true;
                        }
                    }
                } else if (OBJECT_CLASS.equals(classes)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Object invoke(Function<Object, Object> cli, String[] args) throws LaunchException {
        try {
            return cli.apply(args);
        } catch (RuntimeException | LinkageError e) {
            throw new LaunchException("internal error in the command line: " + e, 1, e);
        }
    }

    private static int exitCode(Object result) throws LaunchException {
        if (result instanceof Integer code) {
            return code;
        }
        throw new LaunchException("the CLI service returned " + result + " instead of an Integer exit code", 1);
    }
}

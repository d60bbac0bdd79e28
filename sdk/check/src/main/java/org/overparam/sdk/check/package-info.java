/**
 * The checks a plugin jar must pass before it goes into a container: its imports stay within the
 * plugin API in ranges the container satisfies, it exports nothing, its Declarative Services
 * components carry a name and a description, their parameters are documented, a tiny experiment
 * runs with each of them, an update in the middle of a run changes no number, and after uninstall
 * and refresh its class loaders are garbage collected. {@link org.overparam.sdk.check.PluginVerifier}
 * runs them all against any OSGi framework; the test harness and the shell's {@code verify}
 * command use it.
 *
 * <p>Not an OSGi API: the harness uses it from the class path, and the shell bundle embeds it as a
 * private package.
 */
package org.overparam.sdk.check;

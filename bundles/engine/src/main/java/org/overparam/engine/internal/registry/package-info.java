/**
 * Which components are installed and how a run calls them. {@code TrackingRegistry} is the DS
 * component that tracks the plugin services of every {@link org.overparam.api.ComponentKind} as
 * bundles come and go; {@code ComponentTable} is its bookkeeping without OSGi (the best service per
 * kind and name, a grace period for a bundle being updated); {@code JarHashes} gives the SHA-256 of
 * the jar a component came from. {@code Bindings} is one run's view of the registry: it looks a
 * component up by name at every step, waits a while for one that went away, and remembers the service
 * objects the run holds. {@code Guard} and {@code ComponentFailure} attribute what a component throws
 * to that component. Private to the engine bundle.
 */
package org.overparam.engine.internal.registry;

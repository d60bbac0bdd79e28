/**
 * Sweeps scaled out on a cluster of Overparam containers: the coordinator hands a sweep's pinned runs
 * to the members, which run them and ship their run folders back (see {@code docs/scale-out.md}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.overparam.api.cluster;

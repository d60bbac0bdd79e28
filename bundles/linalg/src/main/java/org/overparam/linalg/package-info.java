/**
 * Dense linear algebra on row-major flat {@code double[]} arrays: the kernels every model and
 * analyzer's hot loop calls. One implementation is chosen at start-up and logged.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.overparam.linalg;

/**
 * Weights in and out of Overparam as safetensors files, and artifacts for checking a run against other
 * tools: the initializer {@code from-file} and the analyzers {@code save-weights} (weights or the
 * gradient), {@code hvp} (Hessian-vector products) and {@code save-data} (the samples as .npy).
 * Private: nothing here is exported.
 */
package org.overparam.plugin.safetensors.internal;

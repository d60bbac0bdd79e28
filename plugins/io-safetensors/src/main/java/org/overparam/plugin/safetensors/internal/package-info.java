/**
 * Weights in and out of Overparam as safetensors files: the initializer {@code from-file} and the
 * analyzer {@code save-weights}. Private: nothing here is exported.
 */
package org.overparam.plugin.safetensors.internal;

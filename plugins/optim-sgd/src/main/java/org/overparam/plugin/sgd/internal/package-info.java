/**
 * Mini-batch stochastic gradient descent {@code sgd} and its batch sampler
 * ({@link org.overparam.plugin.sgd.internal.Batches}). Private: nothing here is exported.
 */
package org.overparam.plugin.sgd.internal;

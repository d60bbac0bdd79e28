/**
 * Full-batch gradient descent {@code gd} and the learning-rate schedules every optimizer reads
 * through {@code StepContext.schedule()}: {@code constant}, {@code step}, {@code cosine} and
 * {@code warmup}. Private: nothing here is exported.
 */
package org.overparam.plugin.gd.internal;
